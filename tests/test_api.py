"""The data API (web/api/): the Explorer's rows and the Overview's counts for any dashboard link, paged,
revalidated by ETag, and a clear 400 (never a 500) for whatever a link can hold.

Answers come from the API's routes in a Starlette test client on databases built by the real ETL;
what they must equal comes from the real pages run with AppTest on the same links.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from etl import build
from tests.conftest import GOLDEN
from tests.etl_helpers import replace_in
from tests.pages_helpers import displayed
from tests.test_url_fuzz import HOSTILE, PARAMS, VALUE
from web.api import ROUTES

BOM = "\ufeff"
CSV = "/api/v1/recommendations.csv"
JSON = "/api/v1/recommendations.json"
SUMMARY = "/api/v1/summary.json"
ENDPOINTS = (CSV, JSON, SUMMARY)


@pytest.fixture
def api(monkeypatch, golden_db):
    """A client of the API on the golden fixture (UPR_DB may be re-pointed by a test)."""
    monkeypatch.setenv("UPR_DB", str(golden_db))
    return TestClient(Starlette(routes=ROUTES))


def csv_rows(body: bytes) -> list[dict[str, str]]:
    text = body.decode("utf-8")
    assert text.startswith(BOM), "Excel needs the BOM to read Khmer and accents"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def page_table(at):
    return next(d.value for d in at.dataframe if "recommending_states" in d.value.columns)


unescape = displayed


# --- the same rows as the Explorer -----------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"cycle": "all"},
        {"cycle": "all", "response": "supported"},
        {"cycle": "2", "q": "school"},
        {"cycle": "all", "state": ["Chad", "France"], "lang": "km"},
        {"cycle": "3"},
    ],
    ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()),
)
def test_the_api_returns_the_explorers_rows_in_its_order(api, run_page, golden_db, params):
    at = run_page(golden_db, "explore", params)
    shown = page_table(at)
    announced = [int(n) for b in at.get("download_button") for n in re.findall(r"\((\d+)", b.label)]
    rows = csv_rows(api.get(CSV, params=params).content)
    assert [r["id"] for r in rows] == list(shown["id"])
    assert announced == [len(rows)]  # "Download CSV (n rows)", in the link's language
    # the CSV's cells are the table's, statuses by name in the link's language ("–": not assessed)
    for row, (_, cells) in zip(rows, shown.iterrows(), strict=True):
        assert row["government_status"] == cells["government_status"]
        assert row["response"] == cells["response"]
    body = api.get(JSON, params=params).json()
    assert [r["id"] for r in body["rows"]] == list(shown["id"])
    assert body["meta"]["counts"]["matching"] == len(shown)


def test_json_rows_carry_codes_provenance_and_the_illustrative_flag(api):
    body = api.get(JSON, params={"cycle": "all"}).json()
    by_id = {r["id"]: r for r in body["rows"]}
    row = by_id["ATL-C2-20.2"]
    assert row["document"] == "A/HRC/20/1" and row["paragraph"] == "20.2"
    assert row["document_url"] == "https://undocs.org/A/HRC/20/1"
    assert row["source"] and row["illustrative"] is False
    assert (row["government_status"], row["civil_society_status"]) == ("implemented", "not_implemented")
    assert by_id["ATL-C1-10.2"]["recommending_states"] == ["Brazil", "Chad"]
    made_up = [r for r in body["rows"] if r["illustrative"]]
    assert {r["id"][:6] for r in made_up} == {"ILLUS-"} and len(made_up) == 3
    assert all(r["paragraph"] is None and r["document_url"] for r in made_up)
    meta = body["meta"]
    assert meta["illustrative"] == 3 and "3 illustrative recommendations" in meta["notice"]
    assert meta["view"] == "Atlantis, all cycles"
    assert meta["dashboard"] == "/explore?sur=Atlantis&cycle=all"
    assert meta["data"]["version"] and meta["data"]["built_at"].startswith("20")
    assert meta["data"]["latest_assessment"] == "2022-01-01"
    csv_flags = {r["id"]: r["illustrative"] for r in csv_rows(api.get(CSV, params={"cycle": "all"}).content)}
    assert {k for k, v in csv_flags.items() if v == "true"} == {
        r["id"] for r in made_up
    }  # as data/ writes it


def test_the_csv_is_named_illustrative_only_when_made_up_rows_are_in_it(api):
    assert "-includes-illustrative.csv" in api.get(CSV, params={"cycle": "3"}).headers["content-disposition"]
    name = api.get(CSV, params={"cycle": "1"}).headers["content-disposition"]
    assert name.startswith('attachment; filename="upr-monitor-recommendations-20')
    assert "illustrative" not in name


def test_csv_cells_cannot_run_as_formulas_and_json_keeps_the_text(monkeypatch, tmp_path):
    data = shutil.copytree(GOLDEN, tmp_path / "data")
    replace_in(data / "recommendations.csv", "Reform the courts of Atlantis", "+cmd|' /C calc'!A0 @SUM(1)")
    database = tmp_path / "db" / "upr.duckdb"
    build.run(data, database)
    monkeypatch.setenv("UPR_DB", str(database))
    client = TestClient(Starlette(routes=ROUTES))
    row = next(
        r for r in csv_rows(client.get(CSV, params={"cycle": "1"}).content) if r["id"] == "ATL-C1-10.1"
    )
    assert row["text"] == "'+cmd|' /C calc'!A0 @SUM(1)"  # the apostrophe: a spreadsheet shows it as text
    row = client.get(JSON, params={"cycle": "1"}).json()["rows"][0]
    assert row["text"] == "+cmd|' /C calc'!A0 @SUM(1)"  # JSON is data, not a spreadsheet


def test_khmer_answers_name_the_view_and_statuses_in_khmer(api, run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "lang": "km"})
    rows = csv_rows(api.get(CSV, params={"cycle": "all", "lang": "km"}).content)
    assert [r["response"] for r in rows] == list(page_table(at)["response"])
    assert rows[0]["response"] != "Supported"
    meta = api.get(JSON, params={"cycle": "all", "lang": "km"}).json()["meta"]
    assert (
        meta["language"] == "km"
        and meta["view"].startswith("Atlantis, ")
        and meta["view"] != "Atlantis, all cycles"
    )


# --- pages of a long answer ------------------------------------------------------------------


def walk(api, path: str, params: dict) -> tuple[list[str], list]:
    """Follow ``next`` links from the first page; return the ids and every answer."""
    ids, answers = [], []
    response = api.get(path, params=params)
    while True:
        assert response.status_code == 200, response.text
        answers.append(response)
        if path == JSON:
            ids += [r["id"] for r in response.json()["rows"]]
            following = response.json()["next"]
        else:
            ids += [r["id"] for r in csv_rows(response.content)]
            link = response.headers.get("link")
            following = re.fullmatch(r'<(.+)>; rel="next"', link).group(1) if link else None
        if not following:
            return ids, answers
        response = api.get(following)


@pytest.mark.parametrize("path", [JSON, CSV])
def test_pages_follow_next_links_to_exactly_the_whole_list(api, path):
    everything = [r["id"] for r in csv_rows(api.get(CSV, params={"cycle": "all"}).content)]
    assert len(everything) == 10
    ids, answers = walk(api, path, {"cycle": "all", "limit": "3"})
    assert ids == everything and len(answers) == 4
    assert {a.headers["x-total-count"] for a in answers} == {"10"}
    if path == JSON:
        counts = [a.json()["meta"]["counts"] for a in answers]
        assert [(c["offset"], c["returned"]) for c in counts] == [(0, 3), (3, 3), (6, 3), (9, 1)]
    else:
        assert "rows-4-6" in answers[1].headers["content-disposition"]


def test_a_next_link_names_the_data_version_and_outlives_no_republish(monkeypatch, tmp_path):
    database = tmp_path / "db" / "upr.duckdb"
    build.run(GOLDEN, database)
    monkeypatch.setenv("UPR_DB", str(database))
    client = TestClient(Starlette(routes=ROUTES))
    first = client.get(JSON, params={"cycle": "all", "limit": "4"}).json()
    following = first["next"]
    assert parse_qs(urlsplit(following).query)["version"] == [first["meta"]["data"]["version"]]
    build.run(GOLDEN, database)  # republished: the same rows, a new version
    stale = client.get(following)
    assert stale.status_code == 409
    assert "start again from the first page" in stale.json()["error"]
    restart = client.get(stale.json()["first"])
    assert restart.status_code == 200 and restart.json()["meta"]["counts"]["limit"] == 4
    assert restart.json()["meta"]["data"]["version"] != first["meta"]["data"]["version"]


@pytest.mark.parametrize(
    "limit, suggestion", [("0", "1"), ("5001", "5000"), ("-3", "1"), ("ten", None), ("1e3", None)]
)
def test_a_page_size_outside_1_to_5000_is_a_400_with_the_nearest_allowed(api, limit, suggestion):
    response = api.get(JSON, params={"limit": limit})
    assert response.status_code == 400
    assert response.json()["dropped"] == [
        {"key": "limit", "value": limit, "suggestion": suggestion, "reason": "unknown"}
    ]


def test_the_default_page_holds_a_whole_review_and_the_maximum_is_5000(api):
    meta = api.get(JSON).json()["meta"]
    assert meta["counts"]["limit"] == 1000
    assert api.get(JSON, params={"limit": "5000"}).status_code == 200


# --- the summary: the Overview's figures -------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"cycle": "1"}, {"cycle": "all", "response": "noted"}])
def test_the_summary_holds_the_overviews_figures(api, run_page, golden_db, params):
    at = run_page(golden_db, "", params)
    metrics = {m.label: m.value for m in at.metric}
    body = api.get(SUMMARY, params=params).json()
    head = body["headline"]
    assert str(head["received"]) == metrics["Received"]
    assert str(head["supported"]) == metrics["Supported"]
    assert str(head["noted"]) == metrics["Noted"]
    assert str(head["recommending_states"]) == metrics["Recommending states"]
    assert (f"{round(head['rate'] * 100)}%" if head["answered"] else "–") == metrics["Acceptance rate"]
    caption = next((c.value for c in at.caption if c.value.startswith("Official totals")), None)
    if body["official"] is None:
        assert caption is None
    else:
        official = body["official"]
        assert f"{official['received']} received, {official['supported']} supported" in caption
        assert official["sentence"] == unescape(caption)  # the Overview's words, unescaped
    assert [c["cycle"] for c in body["cycles"]] == [1, 2, 3]


def test_the_summary_of_cycle_3_says_it_is_illustrative_and_does_not_reconcile(api):
    body = api.get(SUMMARY, params={"cycle": "3"}).json()
    assert body["meta"]["illustrative"] == 3 and body["headline"]["illustrative"] == 3
    assert body["official"]["received"] == 4 and body["official"]["reconciles"] is False
    assert body["meta"]["dashboard"] == "/?sur=Atlantis&cycle=3"


# --- bad input: a 400 with the dashboard's words, never a 500 ----------------------------------


def test_a_wrong_value_is_a_400_with_the_dashboards_notice(api, run_page, golden_db):
    params = {"cycle": "9", "state": "Frnace", "q": "x" * 300}
    at = run_page(golden_db, "explore", params)
    notice = next(unescape(i.value) for i in at.info if i.value.startswith("Some link values"))
    for path in ENDPOINTS:
        response = api.get(path, params=params)
        assert response.status_code == 400
        assert response.headers["cache-control"] == "no-store"
        body = response.json()
        assert body["error"] == notice
        assert {(d["key"], d["suggestion"]) for d in body["dropped"]} == {
            ("cycle", None),
            ("state", "France"),
            ("q", None),
        }


def test_an_unknown_key_is_a_400_with_the_closest_known_one(api):
    body = api.get(JSON, params={"cylce": "3"}).json()
    assert body["dropped"] == [
        {"key": "cylce", "value": "3", "suggestion": "cycle", "reason": "unknown_parameter"}
    ]
    assert body["error"].endswith("cylce=3 (did you mean cycle?)")
    assert api.get(SUMMARY, params={"limit": "3"}).status_code == 400  # the summary has no pages


def test_what_chat_apps_and_embeds_add_and_other_pages_own_is_ignored_and_named(api):
    params = {"cycle": "1", "fbclid": "IwAR0x", "utm_source": "telegram", "embed": "true", "by": "rate"}
    plain = api.get(JSON, params={"cycle": "1"}).json()
    decorated = api.get(JSON, params=params)
    assert decorated.status_code == 200
    assert decorated.json()["rows"] == plain["rows"]
    assert sorted(decorated.json()["meta"]["ignored"]) == ["by", "embed", "fbclid", "utm_source"]
    assert api.get(SUMMARY, params={"rec": "ATL-C1-10.1", "role": "all"}).json()["meta"]["ignored"] == [
        "rec",
        "role",
    ]


def test_a_link_to_one_recommendation_is_checked_like_the_explorer_does(api):
    assert api.get(JSON, params={"rec": "ATL-C1-10.1"}).status_code == 200
    response = api.get(JSON, params={"rec": "NOPE-1"})
    assert response.status_code == 400 and response.json()["dropped"][0]["key"] == "rec"


def test_other_addresses_under_api_are_a_json_404(api):
    response = api.get("/api/v2/recommendations.json")
    assert response.status_code == 404 and "/api/v1/summary.json" in response.json()["endpoints"]
    assert api.get("/api/v1").json()["endpoints"].keys() == set(ENDPOINTS)


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_parameter_with_a_hostile_value(api, path, kind):
    value = HOSTILE[kind]
    keys = (*PARAMS, "limit", "offset", "version")
    groups = [keys[i : i + 4] for i in range(0, len(keys), 4)] if kind == "oversized" else [keys]
    for group in groups:  # 10,000 characters in every key at once would be too long an address
        response = api.get(path, params=dict.fromkeys(group, value))
        if set(group) <= {"version", "offset"} and kind == "empty":
            continue  # offset= and version= empty mean "from the start", "any version"
        assert response.status_code == 400, (group, response.text[:300])
        body = response.json()
        assert body["error"].startswith("Some link values were not recognised")
        for raw in ("<script>", "DROP TABLE"):
            if raw in str(value):  # values come back as JSON text, escaped by JSON only
                assert raw in response.text and "text/html" not in response.headers["content-type"]


LINK = st.dictionaries(
    st.sampled_from((*PARAMS, "limit", "offset", "version", "fbclid", "utm_x", "embed", "cylce")),
    st.lists(VALUE, min_size=1, max_size=3),
    max_size=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ENDPOINTS), params=LINK)
def test_random_links_give_an_answer_or_a_400_never_a_500(api, path, params):
    response = api.get(path, params=params)
    pinned = params.get("version", [""])[-1]
    allowed = (200, 400, 409) if re.fullmatch(r"[\w.-]{1,100}", pinned, re.ASCII) else (200, 400)
    assert response.status_code in allowed, (response.status_code, response.text[:300])
    if response.status_code == 400:
        body = response.json()
        assert body["error"] and body["dropped"]
    elif response.status_code == 409:  # a next link of another data version: start again, said in JSON
        assert response.json()["first"].startswith(path)
    elif path == CSV:
        csv_rows(response.content)
    else:
        assert response.json()["meta"]["data"]["version"] == response.headers["x-upr-data-version"]


def test_no_database_yet_is_a_503_with_retry_after(monkeypatch, tmp_path):
    monkeypatch.setenv("UPR_DB", str(tmp_path / "not-built-yet.duckdb"))
    client = TestClient(Starlette(routes=ROUTES))
    for path in ENDPOINTS:
        response = client.get(path)
        assert response.status_code == 503
        assert int(response.headers["retry-after"]) > 0
        assert "Try again" in response.json()["error"]


# --- caching: one ETag per data version --------------------------------------------------------


def test_an_unchanged_answer_is_a_304_and_a_republish_gives_the_new_one(monkeypatch, tmp_path):
    database = tmp_path / "db" / "upr.duckdb"
    build.run(GOLDEN, database)
    monkeypatch.setenv("UPR_DB", str(database))
    client = TestClient(Starlette(routes=ROUTES))
    for path in ENDPOINTS:
        first = client.get(path, params={"cycle": "all"})
        tag, version = first.headers["etag"], first.headers["x-upr-data-version"]
        assert first.headers["cache-control"] == "public, no-cache" and tag.startswith('"')
        held = client.get(path, params={"cycle": "all"}, headers={"If-None-Match": tag})
        assert (held.status_code, held.content) == (304, b"")
        assert held.headers["etag"] == tag and held.headers["x-upr-data-version"] == version
        gzipped = client.get(path, params={"cycle": "all"}, headers={"If-None-Match": f"W/{tag}"})
        assert gzipped.status_code == 304  # nginx weakens the tag when it compresses
        other = client.get(path, params={"cycle": "1"}, headers={"If-None-Match": tag})
        assert other.status_code == 200  # another address, another answer
    tags = {p: client.get(p, params={"cycle": "all"}).headers["etag"] for p in ENDPOINTS}
    build.run(GOLDEN, database)  # python -m etl publishes again
    for path in ENDPOINTS:
        fresh = client.get(path, params={"cycle": "all"}, headers={"If-None-Match": tags[path]})
        assert fresh.status_code == 200 and fresh.headers["etag"] != tags[path]
        assert fresh.headers["x-upr-data-version"] != version
        if path != CSV:
            assert fresh.json()["meta"]["data"]["version"] == fresh.headers["x-upr-data-version"]
