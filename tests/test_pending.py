"""A review still awaiting the government's answers (issue 15): shown on every page, counted apart, and
turned into supported / noted by a later import without losing the work entered meanwhile.

Cambodia's fourth review (Working Group session 46, May 2024) is imported from a made-up UHRI export
whose positions say "will be examined" (no text from ../shared); a monitor then assigns one and records
an assessment; the answers arrive in a second export.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_database, run_quiet

STATES = ("France", "Japan", "Chile", "Brazil")


def export(path: Path, positions: list[str]) -> Path:
    records = [
        {
            "Text": f"46.{n} Example cycle-4 recommendation {n}",
            "Countries": ["Cambodia"],
            "Body": "UPR",
            "Symbol": "A/HRC/57/99",
            "Themes": [],
            "UprRecommendingCountry": [state],
            "UprPositions": [position],
            "AnnotationType": "Recommendations",
            "AnnotationId": str(7000 + n),
            "UprSession": ["46 Session"],
            "PublicationDate": "2024-07-01T00:00:00",
        }
        for n, (state, position) in enumerate(zip(STATES, positions, strict=True), start=1)
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def append(path: Path, row: dict[str, str]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(row)).writerow(row)


@pytest.fixture
def awaiting(tmp_path) -> Path:
    """The bundled data plus Cambodia's cycle 4, all four recommendations "will be examined"."""
    data = shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    status, out = run_quiet("uhri", export(tmp_path / "c4.json", ["Will be examined"] * 4),
                            "--state", "Cambodia", "--out", data)  # fmt: skip
    assert status == 0, out
    return data


def test_a_review_awaiting_its_answers_is_shown_and_counted_apart_on_every_page(awaiting, tmp_path, run_page):
    database = build_database(awaiting, tmp_path / "db")
    overview = run_page(database, "", {"cycle": "4"})
    metrics = {m.label: m.value for m in overview.metric}
    assert metrics["Received"] == "4" and metrics["Supported"] == "0" and metrics["Noted"] == "0"
    assert metrics["Awaiting the government's answer"] == "4"
    assert metrics["Acceptance rate"] == "–"  # no answer yet: no rate, not 0 %
    notice = "4 recommendations have no answer counted yet"
    assert any(notice in i.value for i in overview.info)

    acceptance = run_page(database, "acceptance", {"cycle": "4"})
    assert any(notice in i.value for i in acceptance.info)
    explore = run_page(database, "explore", {"cycle": "4", "response": "pending"})
    assert explore.dataframe[0].value["response"].tolist() == ["Awaiting the answer"] * 4
    states = run_page(database, "states", {"cycle": "4", "state": "France"})
    assert any("1 recommendation has no answer counted yet" in i.value for i in states.info)
    for page in ("noted", "ministries", "about"):
        assert not run_page(database, page, {"cycle": "4"}).exception
    # Cycles that are answered keep their figures: pending ones are in no rate.
    all_cycles = run_page(database, "", {"cycle": "all"})
    assert {m.label: m.value for m in all_cycles.metric}["Acceptance rate"] == "88%"  # 470 of 537


def test_importing_the_answers_keeps_the_assignments_and_assessments_entered_meanwhile(awaiting, tmp_path):
    first = rows(awaiting / "recommendations.csv")
    pending = [r["id"] for r in first if r["cycle"] == "4"]
    assert len(pending) == 4 and {r["response"] for r in first if r["cycle"] == "4"} == {"pending"}
    append(awaiting / "assignments.csv", {"recommendation_id": pending[0], "ministry_id": "MOJ", "role": "lead",
                                          "source": "CHRC assignment letter", "illustrative": "false"})  # fmt: skip
    append(awaiting / "progress.csv", {"recommendation_id": pending[0], "date": "2024-09-30",
                                       "assessor": "civil_society", "status": "not_implemented",
                                       "summary": "Nothing yet", "evidence_url": "", "source": "NGO coalition",
                                       "illustrative": "false"})  # fmt: skip

    answers = export(tmp_path / "answers.json", ["Supported", "Supported", "Noted", "Supported/Noted"])
    status, out = run_quiet("uhri", answers, "--state", "Cambodia", "--out", awaiting)
    assert status == 0, out
    after = {r["id"]: r for r in rows(awaiting / "recommendations.csv") if r["cycle"] == "4"}
    assert list(after) == pending  # the same recommendations, now answered
    assert [after[i]["response"] for i in pending] == ["supported", "supported", "noted", "supported"]
    assert [r["recommendation_id"] for r in rows(awaiting / "assignments.csv") if not r["recommendation_id"].startswith("ILLUS")][-1:] == [pending[0]]  # fmt: skip
    assert [r for r in rows(awaiting / "progress.csv") if r["recommendation_id"] == pending[0]][0][
        "summary"
    ] == "Nothing yet"

    database = build_database(awaiting, tmp_path / "db")
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        counts = con.execute(
            "SELECT received, supported, noted, pending FROM reconciliation WHERE state_under_review = 'Cambodia' "
            "AND cycle = 4"
        ).fetchone()
        kept = con.execute(
            "SELECT count(*) FROM progress WHERE recommendation_id = ?", [pending[0]]
        ).fetchone()
    assert counts == (4, 3, 1, 0)
    assert kept == (1,)
