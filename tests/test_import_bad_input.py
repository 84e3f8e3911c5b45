"""Odd source files for the importers (issue 12, kinds 1-4): what is imported, published and said.

Each case writes a small made-up source (tests/import_sources.py) in one of the three layouts,
imports it into an empty data folder (or one that already holds some states and themes), builds the
folder with the real ETL and checks what readers would count: the published responses, the
recommending states, the states table, and the exact lines the import prints. Every case also holds
the promise that no known state gets a second entry (one row per ISO3 code in the published states).
docs/bad-input.md lists these cases (generated: ``python -m tests.test_import_bad_input``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from etl import build
from tests.conftest import ROOT, run_import
from tests.import_sources import Rec, write_source

UNREAD = (
    ": expected Supported, Noted, Rejected or a Working Group wording such as 'will be examined'; "
    "imported as unclassified, no response counted"
)


@dataclass(frozen=True)
class Case:
    id: str
    input: str  # what the source holds, for docs/bad-input.md
    format: str  # uhri | ohchr-matrix | upr-info
    records: tuple[Rec, ...]
    responses: dict[str, int]  # the published count of each response
    lines: tuple[str, ...] = ()  # lines the import prints, exactly
    absent: tuple[str, ...] = ()  # words the import must not print
    states: dict[str, str] = field(default_factory=dict)  # paragraph -> published recommending states
    folder_states: tuple[str, ...] = ()  # states.csv rows ("name,iso3,group") the folder holds before
    folder_themes: tuple[str, ...] = ()  # themes.csv names the folder holds before
    sql: str = ""  # a query on the published database...
    rows: list | None = None  # ...and its rows


def recs(
    states: tuple[str, ...], *positions: str, start: int = 1, themes: tuple[str, ...] = ()
) -> tuple[Rec, ...]:
    """Recommendations 110.<start>... by the same states, one per position."""
    return tuple(Rec(f"110.{start + i}", states, p, themes) for i, p in enumerate(positions))


def joint(*groups: str) -> tuple[Rec, ...]:
    """One supported recommendation per bracket content, 110.1...."""
    return tuple(Rec(f"110.{i}", (g,), "Supported") for i, g in enumerate(groups, start=1))


FRANCE = ("France",)
CASES: tuple[Case, ...] = (
    # --- kind 1: negated positions ---------------------------------------------------------------------
    Case(
        "negated-positions-uhri",
        "UHRI positions `Not supported`, `Not accepted`, `Does not accept`, `Doesn’t support`, `Rejected`, and one `Supported`",
        "uhri",
        recs(
            FRANCE,
            "Not supported",
            "Not accepted",
            "Does not accept",
            "Doesn’t support",
            "Rejected",
            "Supported",
        ),
        {"noted": 5, "supported": 1},
        lines=("responses: 1 supported, 5 noted",),
        sql="SELECT response_label FROM recommendations WHERE response = 'noted' ORDER BY paragraph",
        rows=[
            ("Not supported",),
            ("Not accepted",),
            ("Does not accept",),
            ("Doesn’t support",),
            ("Rejected",),
        ],
    ),
    Case(
        "negated-positions-matrix",
        "Word matrix positions `Noted (not accepted)`, `Not accepted`, `Cannot accept`, `Non-accepted`, and one `Supported`",
        "ohchr-matrix",
        recs(FRANCE, "Noted (not accepted)", "Not accepted", "Cannot accept", "Non-accepted", "Supported"),
        {"noted": 4, "supported": 1},
        lines=("responses: 1 supported, 4 noted",),
        absent=("counted as supported", "in part"),
    ),
    Case(
        "negated-positions-upr-info",
        "UPR Info responses `Rejected`, `Not accepted`, `Noted`, `Accepted`",
        "upr-info",
        recs(FRANCE, "Rejected", "Not accepted", "Noted", "Accepted"),
        {"noted": 3, "supported": 1},
        lines=("responses: 1 supported, 3 noted",),
        sql="SELECT response, response_label FROM recommendations ORDER BY id",
        rows=[
            ("noted", "Rejected"),
            ("noted", "Not accepted"),
            ("noted", "Noted"),
            ("supported", "Accepted"),
        ],
    ),
    Case(
        "working-group-lead-ins",
        "the Working Group report's lead-ins as positions (enjoy the support of / have been noted / did not "
        "enjoy the support / will be examined / under consideration)",
        "uhri",
        recs(
            FRANCE,
            "The recommendations listed below enjoy the support of Cambodia",
            "The following recommendations have been noted by Cambodia",
            "The following recommendations did not enjoy the support of Cambodia",
            "The following recommendations will be examined by Cambodia, which will provide responses in due time",
            "Under consideration",
        ),
        {"supported": 1, "noted": 2, "pending": 2},
        lines=("responses: 1 supported, 2 noted, 2 pending",),
    ),
    Case(
        "supported-in-part",
        "positions `Supported/Noted`, `Supported in part`, `Partially supported`",
        "ohchr-matrix",
        recs(FRANCE, "Supported/Noted", "Supported in part", "Partially supported"),
        {"supported": 3},
        lines=(
            "3 position(s) supported in part: counted as supported:",
            "  UPR32_Cambodia_matrix.docx: table row 3: Position: 'Supported/Noted': supported in part, counted as supported",
            "  UPR32_Cambodia_matrix.docx: table row 4: Position: 'Supported in part': supported in part, counted as supported",
            "  UPR32_Cambodia_matrix.docx: table row 5: Position: 'Partially supported': supported in part, counted as supported",
        ),
        sql="SELECT response_label FROM recommendations ORDER BY paragraph",
        rows=[("Supported/Noted",), ("Supported in part",), ("Partially supported",)],
    ),
    Case(
        "unclassifiable-positions",
        "positions `Maybe later`, `Supported, not noted`, `Not fully supported`, `Noted in part`, and none",
        "uhri",
        recs(FRANCE, "Maybe later", "Supported, not noted", "Not fully supported", "Noted in part", ""),
        {"unclassified": 5},
        lines=(
            "read 5 rows: 5 imported, 0 merged into joint recommendations, 0 skipped",
            "5 position(s) not read with confidence: imported with response 'unclassified', counted neither supported nor noted:",
            "  uhri.xlsx: row 2: UPR Position: 'Maybe later': not read with confidence (no word for supported, noted or pending)"
            + UNREAD,
            "  uhri.xlsx: row 3: UPR Position: 'Supported, not noted': not read with confidence ('noted' negated)"
            + UNREAD,
            "  uhri.xlsx: row 4: UPR Position: 'Not fully supported': not read with confidence ('not fully')"
            + UNREAD,
            "  uhri.xlsx: row 5: UPR Position: 'Noted in part': not read with confidence (noted in part (which part is supported is not said))"
            + UNREAD,
            "  uhri.xlsx: row 6: UPR Position: '': not read with confidence (no position given)" + UNREAD,
        ),
    ),
    # --- kind 2: joint recommending states in one bracket -----------------------------------------------
    Case(
        "joint-states-one-bracket",
        "brackets `(Bosnia and Herzegovina, Croatia)`, `(Trinidad and Tobago and Saint Vincent and the Grenadines)`, "
        "`(Antigua and Barbuda, France, and Italy)`, `(Sao Tome and Principe & Bosnia and Herzegovina)`",
        "ohchr-matrix",
        joint(
            "Bosnia and Herzegovina, Croatia",
            "Trinidad and Tobago and Saint Vincent and the Grenadines",
            "Antigua and Barbuda, France, and Italy",
            "Sao Tome and Principe & Bosnia and Herzegovina",
        ),
        {"supported": 4},
        states={
            "110.1": "Bosnia and Herzegovina | Croatia",
            "110.2": "Trinidad and Tobago | Saint Vincent and the Grenadines",
            "110.3": "Antigua and Barbuda | France | Italy",
            "110.4": "Sao Tome and Principe | Bosnia and Herzegovina",
        },
    ),
    Case(
        "joint-states-unplaceable-part",
        "a bracket with a name that is no state: `(Croatia, Atlantis)`, `(European Union and France)`, `(Holy See, Order of Malta)`",
        "ohchr-matrix",
        joint("Croatia, Atlantis", "European Union and France", "Holy See, Order of Malta"),
        {"supported": 3},
        states={
            "110.1": "Croatia | Atlantis",
            "110.2": "European Union | France",
            "110.3": "Holy See | Order of Malta",
        },
        lines=(
            "names not placed as a state (imported as written, no ISO3): 'Atlantis' (1 uses), "
            "'European Union' (1 uses), 'Order of Malta' (1 uses)",
        ),
    ),
    Case(
        "joint-states-uhri-cell",
        "a UHRI states cell holding a list: `Bosnia and Herzegovina, Croatia`, `Trinidad and Tobago and Chile`",
        "uhri",
        (
            Rec("110.1", ("Bosnia and Herzegovina, Croatia",), "Supported"),
            Rec("110.2", ("Trinidad and Tobago and Chile", "Chile"), "Supported"),
        ),
        {"supported": 2},
        states={"110.1": "Bosnia and Herzegovina | Croatia", "110.2": "Trinidad and Tobago | Chile"},
    ),
    # --- kind 3: current UN names --------------------------------------------------------------------
    Case(
        "current-un-names-uhri",
        "UHRI states as the UN now names them: `Netherlands (Kingdom of the)`, `Türkiye`, `Czechia`, `Eswatini`, "
        "`Congo (Democratic Republic of the)`, `Côte d'Ivoire`, `Holy See`, `State of Palestine`",
        "uhri",
        (
            Rec("110.1", ("Netherlands (Kingdom of the)", "Türkiye"), "Supported"),
            Rec("110.2", ("Czechia", "Eswatini", "Congo (Democratic Republic of the)"), "Supported"),
            Rec("110.3", ("Côte d'Ivoire", "Holy See", "State of Palestine"), "Noted"),
        ),
        {"supported": 2, "noted": 1},
        states={
            "110.1": "Netherlands | Turkey",
            "110.2": "Czech Republic | Eswatini | Democratic Republic of the Congo",
            "110.3": "Côte d'Ivoire | Holy See | State of Palestine",
        },
        sql="SELECT name, iso3, regional_group FROM states WHERE iso3 IN ('NLD', 'TUR', 'VAT') OR iso3 IS NULL ORDER BY name",
        rows=[("Holy See", "VAT", "other"), ("Netherlands", "NLD", "WEOG"), ("Turkey", "TUR", "WEOG")],
    ),
    Case(
        "current-un-names-matrix",
        "matrix brackets `(Netherlands (Kingdom of the), France)`, `(Türkiye)`, `(Republic of Korea, Iran (Islamic Republic of))`",
        "ohchr-matrix",
        joint(
            "Netherlands (Kingdom of the), France", "Türkiye", "Republic of Korea, Iran (Islamic Republic of)"
        ),
        {"supported": 3},
        states={
            "110.1": "Netherlands | France",
            "110.2": "Turkey",
            "110.3": "Republic of Korea | Iran (Islamic Republic of)",
        },
        absent=("not placed",),
    ),
    Case(
        "known-state-folder-spelling",
        "a folder whose states.csv says `Türkiye` and `Czechia`; the source says `Turkey`, `Czech Republic`, `Czechia`",
        "upr-info",
        recs(("Turkey", "Czech Republic"), "Accepted") + recs(("Czechia",), "Noted", start=2),
        {"supported": 2, "noted": 1},
        folder_states=("Türkiye,TUR,WEOG", "Czechia,CZE,EEG"),
        states={"": "Türkiye; Czechia; Czechia"},
        lines=(
            "kept the data folder's spelling of 2 name(s) it already has: 'Czech Republic' as 'Czechia', 'Turkey' as 'Türkiye'",
        ),
        sql="SELECT name FROM states WHERE iso3 IN ('TUR', 'CZE') ORDER BY name",
        rows=[("Czechia",), ("Türkiye",)],
    ),
    Case(
        "unplaced-name-kept-matrix",
        "a matrix bracket naming no known state: `(Atlantis)`, `(Lemuria and Mu)`",
        "ohchr-matrix",
        joint("Atlantis", "Lemuria and Mu"),
        {"supported": 2},
        states={"110.1": "Atlantis", "110.2": "Lemuria and Mu"},
        lines=(
            "names not placed as a state (imported as written, no ISO3): 'Atlantis' (1 uses), 'Lemuria and Mu' (1 uses)",
            "  UPR32_Cambodia_matrix.docx: table row 3: paragraph 110.1: 'Atlantis': not placed as a state; kept as written (no ISO3)",
        ),
    ),
    # --- kind 4: invisible differences (Unicode NFC) ---------------------------------------------------
    Case(
        "decomposed-accents-uhri",
        "decomposed accents (as copied from a PDF) beside composed ones: `Co\u0302te d'Ivoire`, a theme and an unplaced name in both forms, position `Note\u0301e`",
        "uhri",
        (
            Rec("110.1", ("Co\u0302te d'Ivoire", "Atla\u0301ntida"), "Supported", ("E\u0301ducation",)),
            Rec("110.2", ("Côte d'Ivoire", "Atlántida"), "Note\u0301e", ("Éducation",)),
        ),
        {"supported": 1, "noted": 1},
        states={"110.1": "Côte d'Ivoire | Atlántida", "110.2": "Côte d'Ivoire | Atlántida"},
        sql="SELECT (SELECT count(*) FROM states WHERE name LIKE 'Atl%'), (SELECT list(name) FROM themes)",
        rows=[(1, ["Éducation"])],
    ),
    Case(
        "decomposed-accents-folder",
        "a folder holding `Côte d'Ivoire` and theme `Éducation` composed; the matrix writes both decomposed, and `ÉDUCATION`",
        "ohchr-matrix",
        (
            Rec("110.1", ("Co\u0302te d'Ivoire",), "Supported", ("E\u0301ducation",)),
            Rec("110.2", ("Côte d'Ivoire",), "Supported", ("ÉDUCATION",)),
        ),
        {"supported": 2},
        folder_states=("Côte d'Ivoire,CIV,African",),
        folder_themes=("Éducation",),
        states={"110.1": "Côte d'Ivoire", "110.2": "Côte d'Ivoire"},
        sql="SELECT (SELECT count(*) FROM states), (SELECT list(name) FROM themes), (SELECT list(DISTINCT t) FROM (SELECT unnest(themes) AS t FROM recommendations))",
        rows=[(2, ["Éducation"], ["Éducation"])],
    ),
)


def _prepare(folder: Path, case: Case) -> None:
    folder.mkdir()
    if case.folder_states:
        rows = "\n".join(case.folder_states)
        (folder / "states.csv").write_text(f"name,iso3,regional_group\n{rows}\n", encoding="utf-8")
    if case.folder_themes:
        rows = "\n".join(case.folder_themes)
        (folder / "themes.csv").write_text(f"name,group\n{rows}\n", encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_odd_source(case: Case, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    _prepare(folder, case)
    source = write_source(tmp_path, case.format, case.records)
    status, out, err = run_import(capsys, case.format, source, "--state", "Cambodia", "--out", folder)
    assert status == 0, err
    printed = out.splitlines()
    for line in case.lines:
        assert line in printed, f"{line!r} not in:\n{out}"
    for words in case.absent:
        assert words not in out, out
    build.run(folder, tmp_path / "db" / "upr.duckdb")
    with duckdb.connect(str(tmp_path / "db" / "upr.duckdb"), read_only=True) as con:
        responses = dict(con.execute("SELECT response, count(*) FROM recommendations GROUP BY 1").fetchall())
        assert responses == case.responses
        by_paragraph = con.execute(
            "SELECT paragraph, array_to_string(recommending_states, ' | ') FROM recommendations ORDER BY id"
        ).fetchall()
        if "" in case.states:  # no paragraphs (UPR Info without a list): the rows in order
            assert "; ".join(s for _, s in by_paragraph) == case.states[""]
        else:
            published = dict(by_paragraph)
            assert {p: published[p] for p in case.states} == case.states
        twice = con.execute("SELECT iso3 FROM states WHERE iso3 IS NOT NULL GROUP BY 1 HAVING count(*) > 1")
        assert twice.fetchall() == [], "a state has two entries"
        if case.sql:
            assert con.execute(case.sql).fetchall() == case.rows


def test_docs_bad_input_lists_every_importer_case():
    doc = (ROOT / "docs" / "bad-input.md").read_text(encoding="utf-8")
    missing = [c.id for c in CASES if f"`{c.id}`" not in doc]
    assert not missing, (
        f"docs/bad-input.md does not list: {missing} (regenerate: python -m tests.test_import_bad_input)"
    )


def markdown_table() -> str:
    """docs/bad-input.md's importer table, from CASES."""

    def cell(text: str) -> str:
        # A combining mark is shown by its code point: the doc must show the difference readers can't see.
        visible = re.sub(r"[\u0300-\u036f]", lambda m: f"<U+{ord(m.group()):04X}>", text)
        return visible.replace("|", "\\|").replace("\n", " ")

    lines = ["| case | importer | source holds | outcome |", "|---|---|---|---|"]
    for c in CASES:
        counts = ", ".join(f"{n} {response}" for response, n in c.responses.items())
        outcome = f"**imported**: published {counts}"
        if c.states:
            shown = "; ".join(c.states.values())
            outcome += f"; recommending states `{cell(shown)}`"
        said = [line.strip() for line in c.lines if not line.startswith(("read ", "responses: "))]
        if said:
            outcome += "; says " + "; ".join(f"`{cell(line)}`" for line in said[:2])
            if len(said) > 2:
                outcome += f" (and {len(said) - 2} more lines like it)"
        lines.append(f"| `{c.id}` | {c.format} | {cell(c.input)} | {outcome} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table())
