"""Explorer: search results with their count and export, and one recommendation in full via ?rec=."""

from __future__ import annotations

import csv
import json

from tests.conftest import build_database

COLUMNS = [
    "id",
    "cycle",
    "document",
    "paragraph",
    "document_url",
    "recommending_states",
    "response",
    "response_label",
    "themes",
    "action_category",
    "lead_ministry",
    "government_status",
    "civil_society_status",
    "text",
    "source",
    "illustrative",
]


def matches(at):
    return next(d.value for d in at.dataframe if "recommending_states" in d.value.columns)


def subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def test_the_table_lists_every_filtered_recommendation_with_its_statuses(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all"})
    assert not at.exception
    table = matches(at)
    assert list(table.columns) == COLUMNS
    assert len(table) == 10 and "10 recommendations" in subheaders(at)
    row = table.set_index("id").loc["ATL-C2-20.2"]
    assert (row["government_status"], row["civil_society_status"]) == ("Implemented", "Not implemented")
    assert row["lead_ministry"] == "Ministry of Education, Youth and Sport"
    assert table.set_index("id").loc["ATL-C1-10.2", "recommending_states"] == "Brazil | Chad"
    assert any(b.label.startswith("Download CSV (10 rows)") for b in at.get("download_button"))


def test_a_search_word_and_a_quoted_phrase(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "q": "school"})
    assert set(matches(at)["id"]) == {"ATL-C1-10.2", "ATL-C2-20.2"}
    assert "2 recommendations" in subheaders(at)
    at = run_page(golden_db, "explore", {"cycle": "all", "q": '"free" school'})
    assert list(matches(at)["id"]) == ["ATL-C1-10.2"]
    at = run_page(golden_db, "explore", {"cycle": "all", "q": '"rural school"'})
    assert not at.exception
    assert "0 recommendations" in subheaders(at)
    assert any("No recommendation matches" in i.value for i in at.info)


def test_a_link_to_one_recommendation_shows_it_with_its_three_assessments(run_page, golden_db):
    # The default view is cycle 3: the link still opens this cycle-2 recommendation, and says so.
    at = run_page(golden_db, "explore", {"rec": "ATL-C2-20.2"})
    assert not at.exception
    assert at.selectbox(key="rec").value == "ATL-C2-20.2"
    texts = [t.value for t in at.text]
    assert "Build schools in rural areas" in texts
    facts = next(t for t in texts if t.startswith("Review:"))
    assert "Recommending states: Chad" in facts
    assert "Response: Supported (the source's word: Accepted)" in facts
    assert "Ministries: Ministry of Education, Youth and Sport (Lead)" in facts
    assert any("outside your current filters" in c.value for c in at.caption)
    history = next(d.value for d in at.dataframe if "evidence_url" in d.value.columns)
    assert len(history) == 3
    assert list(history["status"]) == ["Partially implemented", "Not implemented", "Implemented"]
    assert history["evidence_url"].iloc[0] == "https://example.org/report-2016"
    timeline = json.loads(at.get("plotly_chart")[0].proto.spec)
    points = {t["name"]: [s.replace("<br>", " ") for s in t["text"]] for t in timeline["data"]}
    assert points == {
        "Government": ["Partially implemented", "Implemented"],
        "Civil society": ["Not implemented"],
    }


def test_an_unknown_id_gives_a_notice_not_an_error(run_page, golden_db):
    at = run_page(golden_db, "explore", {"rec": "NOPE"})
    assert not at.exception
    assert any("not in the data" in i.value for i in at.info)
    assert "Asked for: NOPE" in [t.value for t in at.text]
    assert at.selectbox(key="rec").value == ""


def test_choosing_a_recommendation_writes_it_to_the_link(run_page, golden_db):
    at = run_page(golden_db, "explore")
    at.selectbox(key="rec").select("ILLUS-ATL-C3-001").run()
    assert not at.exception
    assert at.query_params["rec"] in ("ILLUS-ATL-C3-001", ["ILLUS-ATL-C3-001"])
    assert any(w.value.startswith("Illustrative: a made-up stand-in") for w in at.warning)
    assert "ILLUSTRATIVE placeholder on justice" in [t.value for t in at.text]


def test_html_and_markdown_in_a_text_are_shown_literally(run_page, golden_dir, tmp_path):
    path = golden_dir / "recommendations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = {
        "ATL-C2-20.2": "<script>alert(1)</script>",
        "ATL-C2-20.3": "**bold** and [a link](https://example.org)",
    }
    for row in rows:
        row["text"] = texts.get(row["id"], row["text"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    database = build_database(golden_dir, tmp_path / "db")
    for rec, text in texts.items():
        at = run_page(database, "explore", {"rec": rec, "cycle": "2"})
        assert not at.exception
        assert text in [t.value for t in at.text]
        rendered = " ".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.warning])
        assert "alert(1)" not in rendered and "**bold**" not in rendered
        assert text in list(matches(at)["text"])


def test_without_a_text_it_points_to_the_official_report(run_page, bundled_db):
    at = run_page(bundled_db, "explore", {"rec": "KHM-C2-118.5", "cycle": "2"})
    assert not at.exception
    assert "Official text: A/HRC/26/16 para 118.5" in [t.value for t in at.text]
    assert at.get("link_button")[0].proto.url == "https://undocs.org/A/HRC/26/16"
    assert any("205 recommendations" == s for s in subheaders(at))
    assert any("Nobody has assessed" in i.value for i in at.info)
