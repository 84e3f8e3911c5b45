"""``import ohchr-matrix``: the three generations of OHCHR Word matrices in ../shared.

Expected counts come from the documents themselves: the table rows whose first cell starts with a
paragraph number, and their Position cells.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from etl.importers.ohchr_matrix import recommending_states
from tests.conftest import read_csv, run_import

pytestmark = pytest.mark.shared
SAMPLES = {
    2: "Slovenia_UPR20_cycle2_thematic_list_of_recommendations.docx",
    3: "Slovenia_UPR34_cycle3_thematic_list_of_recommendations.docx",
    4: "Slovenia_UPR48_cycle4_thematic_list_of_recommendations.docx",
}
# Counted by hand in the documents (and checked below against their paragraph numbering).
TRUE_COUNTS = {2: 163, 3: 215, 4: 254}


def _document_rows(path: Path) -> list[tuple[str, str]]:
    """(paragraph, position) of every recommendation row of the Word table."""
    rows = []
    for row in docx.Document(str(path)).tables[0].rows[1:]:
        found = re.match(r"\s*(\d+\.\d+)\s", row.cells[0].text)
        if found:
            rows.append((found.group(1), row.cells[1].text.strip().lower()))
    return rows


@pytest.mark.parametrize("cycle", sorted(SAMPLES))
def test_each_sample_imports_every_recommendation(shared: Path, tmp_path: Path, capsys, cycle: int) -> None:
    path = shared / "formats" / "ohchr-matrix-samples" / SAMPLES[cycle]
    status, out, err = run_import(
        capsys, "ohchr-matrix", path, "--state", "Slovenia", "--cycle", cycle, "--out", tmp_path
    )
    assert status == 0, err
    expected = _document_rows(path)
    assert len(expected) == TRUE_COUNTS[cycle]
    # The numbering has no gaps or repeats: each block runs 1..n.
    blocks: dict[str, list[int]] = {}
    for paragraph, _ in expected:
        blocks.setdefault(paragraph.split(".")[0], []).append(int(paragraph.split(".")[1]))
    assert all(sorted(items) == list(range(1, len(items) + 1)) for items in blocks.values())

    recs = read_csv(tmp_path / "recommendations.csv")
    assert f"read {TRUE_COUNTS[cycle]} rows: {TRUE_COUNTS[cycle]} imported, 0 merged" in out
    assert [r["paragraph"] for r in recs] == [p for p, _ in expected]
    assert Counter(r["response"] for r in recs) == Counter(pos for _, pos in expected)
    assert all(r["recommending_states"] for r in recs), "every recommendation names its states"
    assert all(r["document"].startswith("A/HRC/") and "/Add" not in r["document"] for r in recs)
    assert {r["cycle"] for r in recs} == {str(cycle)}
    themes = read_csv(tmp_path / "themes.csv")
    assert themes and {t["group"] for t in themes} == {"OHCHR"}


def test_known_rows_of_the_samples(shared: Path, tmp_path: Path, capsys) -> None:
    folder = shared / "formats" / "ohchr-matrix-samples"
    for cycle, name in SAMPLES.items():
        status, _, err = run_import(
            capsys, "ohchr-matrix", folder / name, "--state", "Slovenia", "--cycle", cycle, "--out", tmp_path
        )
        assert status == 0, err
    recs = {r["id"]: r for r in read_csv(tmp_path / "recommendations.csv")}
    assert len(recs) == sum(TRUE_COUNTS.values())
    assert recs["SVN-C2-115.3"]["recommending_states"] == "Portugal | Slovakia"
    assert recs["SVN-C2-115.72"]["recommending_states"] == "North Macedonia"
    assert recs["SVN-C2-115.163"]["response"] == "noted"
    assert recs["SVN-C3-121.1"]["recommending_states"] == "France | Lithuania"
    assert recs["SVN-C3-121.1"]["document"] == "A/HRC/43/15"
    assert recs["SVN-C3-121.3"]["recommending_states"] == "United Kingdom"  # "(No. 29)" is not a state
    assert recs["SVN-C4-140.7"]["recommending_states"] == "Maldives | Portugal"
    assert recs["SVN-C4-140.7"]["sdgs"].split(" | ")[:3] == ["1", "2", "3"]
    assert recs["SVN-C4-140.7"]["affected_persons"] == "Public officials"
    assert recs["SVN-C4-140.7"]["year"] == "2025" and recs["SVN-C3-121.1"]["year"] == "2019"


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Ratify the Convention (CED) and the Protocol (No. 29) (France) (Lithuania);",
            ["France", "Lithuania"],
        ),
        ("Do something (Spain, Tunisia, Portugal)", ["Spain", "Tunisia", "Portugal"]),
        (
            "Do something (Venezuela (Bolivarian Republic of)) (Iran (Islamic Republic of))",
            ["Venezuela (Bolivarian Republic of)", "Iran (Islamic Republic of)"],
        ),
        ("Protect (Roma) people (Bosnia and Herzegovina)", ["Bosnia and Herzegovina"]),
        (
            "Do something (Democratic People\u2019s Republic of Korea)",
            ["Democratic People's Republic of Korea"],
        ),
    ],
)
def test_bracketed_states_are_told_from_brackets_in_the_text(text: str, states: list[str]) -> None:
    assert recommending_states(text) == states
