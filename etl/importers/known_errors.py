"""Known errors of the UPR Info export, corrected on import and reported.

Applied with or without a paragraph list, so a user importing the bare export still gets the UN
report's facts. Each entry names the document that settles it. Texts are matched by their first words
(normalised), never stored whole: the repository does not hold recommendation texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.importers.countries import resolve
from etl.importers.model import ImportResult
from etl.importers.upr_info_rows import ExportRow


@dataclass(frozen=True)
class KnownError:
    """A recommending state the export gets wrong, identified by session, state and opening words."""

    state_under_review: str
    session: int
    wrong_state: str
    text_start: str
    right_state: str
    reference: str


KNOWN_ERRORS = (
    KnownError(
        state_under_review="Cambodia",
        session=6,
        wrong_state="Brazil",
        text_start="continue strengthening its reforms programmes",
        right_state="Brunei Darussalam",
        reference="A/HRC/13/4 para 82.13",
    ),
)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def apply(row: ExportRow, state_under_review: str, result: ImportResult) -> None:
    """Correct ``row.recommending_state`` in place when it matches a known error, and note it."""
    for error in KNOWN_ERRORS:
        if (
            error.state_under_review == state_under_review
            and error.session == int(row.session)
            and resolve(row.recommending_state) == resolve(error.wrong_state)
            and _words(row.text).startswith(error.text_start)
        ):
            row.recommending_state = error.right_state
            row.correction = (
                f"recommending state corrected to {error.right_state} as in {error.reference}"
                f" (UPR Info export: {error.wrong_state})"
            )
            result.notes.append(
                f"corrected {row.file}:{row.line} ({state_under_review}, session {error.session}): "
                f"credited to {error.right_state} as in {error.reference}; "
                f"the export says {error.wrong_state}"
            )
