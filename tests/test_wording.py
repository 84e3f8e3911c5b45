"""Words a reader notices: counts with the right plural ("1 row", never "1 rows"), one spelling of a
value everywhere ("Supported", never "supported" beside it), and the same true/false in every file."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import PAGES, ROOT

INTERFACE = [ROOT / "router.py", ROOT / "vocab.py", *sorted((ROOT / "pages").glob("*.py")),
             *sorted((ROOT / "dashboard").rglob("*.py"))]  # fmt: skip
# A placeholder, maybe an adjective, then a word that reads as an English plural: "{n} rows",
# "{k} illustrative recommendations"; or "(s)". Such a text must come from ngettext.
COUNTED = re.compile(r"\{\w*\}\s+(?:(?P<middle>[\w\-]+)\s+)?(?P<noun>[A-Za-z]+s)\b|\(s\)")
LINKING = {"on", "in", "of", "to", "for", "by", "at", "from", "with", "and", "or", "as"}
NOT_PLURAL = {"as", "is", "was", "has", "its", "this", "less", "process", "progress", "across", "always",
              "yes", "us", "status", "thus", "whereas", "perhaps", "does"}  # fmt: skip


def counted_nouns(text: str) -> list[str]:
    found = []
    for match in COUNTED.finditer(text):
        if match.group(0) == "(s)":
            found.append("(s)")
        elif match["noun"].lower() not in NOT_PLURAL and (match["middle"] or "").lower() not in LINKING:
            found.append(match.group(0))
    return found


def singular_texts(path: Path) -> list[tuple[int, str]]:
    """Every literal given to ``_()`` or ``N_()`` in ``path`` (ngettext's are plural-aware)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = getattr(node, "func", None)
        name = getattr(name, "id", getattr(name, "attr", None))
        if isinstance(node, ast.Call) and name in ("_", "N_") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def test_no_count_is_put_before_a_plural_without_the_catalogs_plural_forms():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {hit!r} in {text[:70]!r}"
        for path in INTERFACE
        for line, text in singular_texts(path)
        for hit in counted_nouns(text)
    ]
    assert not wrong, "use ngettext(singular, plural, n) for these:\n" + "\n".join(wrong)


def test_the_plural_check_catches_the_usual_mistakes():
    assert counted_nouns("Download CSV ({n} rows)") == ["{n} rows"]
    assert counted_nouns("This view includes {count} illustrative recommendation(s)") == ["(s)"]
    assert counted_nouns("{k} illustrative recommendations") == ["{k} illustrative recommendations"]
    assert counted_nouns("Open the report {document} on undocs.org") == []
    assert counted_nouns("Cycle {n}: {k} noted") == []


# A rendered count of one before a plural noun (1 rows, 1 recommendations, 1 states...).
ONE_PLURAL = re.compile(
    r"(?<![\d.,])\b1 (?:[a-z\-]+ )?(rows|recommendations|states|themes|groups|problems|days|files)\b"
)


def shown_texts(at) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "text"):
        texts += [e.value for e in at.get(kind)]
    texts += [b.proto.label for b in at.get("download_button")]
    return [t for t in texts if isinstance(t, str)]


@pytest.mark.parametrize("page", PAGES)
def test_a_view_of_one_recommendation_says_1_recommendation(run_page, golden_db, page):
    """Thailand made one recommendation in cycle 1 of the golden fixture: every count is 1 somewhere."""
    at = run_page(golden_db, page, {"cycle": "1", "state": "Thailand", "rec": "ATL-C1-10.3"})
    assert not at.exception
    wrong = [t for t in shown_texts(at) if ONE_PLURAL.search(t)]
    assert not wrong, wrong
    labels = [b.proto.label for b in at.get("download_button")]
    assert all("(1 rows)" not in label for label in labels), labels


def test_the_explorer_offers_a_one_row_file_as_one_row(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "1", "state": "Thailand"})
    assert "Download CSV (1 row)" in [b.proto.label for b in at.get("download_button")]
    assert "1 recommendation" in [s.value for s in at.subheader]
    assert ONE_PLURAL.search("Download CSV (1 rows)") and ONE_PLURAL.search("1 illustrative recommendations")


@pytest.mark.parametrize("page", PAGES)
def test_vocabulary_values_are_named_the_same_way_on_every_page(run_page, golden_db, page):
    """A response or status shows as its name ("Supported"), never as the data's code ("supported")."""
    at = run_page(golden_db, page, {"cycle": "all", "rec": "ATL-C2-20.2"})
    codes = {
        "supported",
        "noted",
        "not_implemented",
        "partially_implemented",
        "implemented",
        "no_information",
    }
    for table in at.dataframe:
        for column in ("response", "government_status", "civil_society_status", "status"):
            if column in table.value.columns:
                assert not set(table.value[column]) & codes, (page, column)
        for column in table.value.columns:  # a flag is a tick box (true/false in the CSV), never a word
            if table.value[column].dtype == object or str(table.value[column].dtype) in ("str", "string"):
                assert not set(table.value[column]) & {"True", "False", "true", "false"}, (page, column)
