"""Crafted links (issue 6): any value of any URL parameter on any page, no exception, a notice for what was dropped.

Values travel only as SQL parameters and are shown only escaped; the database is opened read-only, so
SQL-looking values cannot change it. Hypothesis drives a few hundred page runs and thousands of direct
calls of the functions that turn link values into SQL.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.data.filtering import where
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, _translation
from dashboard.search import MAX_TERMS
from dashboard.search import terms as search_terms
from dashboard.view import MAX_SEARCH_CHARS as MAX_QUERY_CHARS
from dashboard.view import PARAMS as DECLARED
from dashboard.view import Selection, fold, page_keys
from tests.conftest import PAGES, ROOT, ROUTER
from tests.etl_helpers import copy_published, fingerprint, tables

PARAMS = tuple(p.key for p in DECLARED)  # every parameter of every page, page-owned ones included
NOTICE = "Some link values were not recognised and were left out"
HOSTILE = {
    "oversized": "x" * 10_000,
    "repeated": [f"v{i}" for i in range(50)],
    "unicode": "ព្រះរាជាណាចក្រ\u200b‮dlrow‬ 👩🏽‍⚖️ عربى",
    "sql-or": "' OR 1=1 --",
    "sql-drop": '"; DROP TABLE recommendations;--',
    "script": "<script>alert(1)</script>",
    "markdown-link": "[click me](https://evil.example) ![x](https://evil.example/t.png) **bold**",
    "empty": "",
}
# What the golden fixture offers, per parameter (anything else is dropped with the notice).
VALID = {
    "sur": {"Atlantis"},
    "cycle": {"1", "2", "3", "all"},
    "response": {"any", "supported", "noted"},
    "state": {"Brazil", "Chad", "France", "Poland", "Thailand"},
    "region": {"any", "African", "Asia-Pacific", "EEG", "GRULAC", "WEOG"},
    "theme": {"Justice", "Freedom of the press", "Right to education", "Women's rights"},
    "ministry": {"MOJ", "MOINF", "MOEYS"},
    "status": {"any", "not_implemented", "partially_implemented", "implemented", "no_information"},
    "assessor": {"any", "government", "civil_society", "un", "nhri"},
    "sdg": {"any", *(str(goal) for goal in range(1, 18))},
    # Days between the golden fixture's first assessment (2016-05-01) and its build (today).
    "as_of": {"2016-05-01", "2017-03-01", "2020-02-29", "2022-12-31"},
    "plan": {"any", "overdue", "no_plan"},
    "lang": {"en", "km"},
    "by": {"count", "rate"},
    "role": {"lead", "all"},
}


def in_language(params: dict[str, list[str]], message: str) -> str:
    """``message`` as the reader of this link sees it: the link's last valid ``lang`` wins."""
    langs = [fold(v) for v in params.get("lang", []) if fold(v) in LANGUAGES]
    return _translation(langs[-1] if langs else DEFAULT_LANGUAGE).gettext(message)


def notices(at, params: dict[str, list[str]]) -> str:
    prefix = in_language(params, NOTICE + ": {values}").split("{values}")[0]
    return "\n".join(i.value for i in at.info if prefix in i.value)


def expected_drops(params: dict[str, list[str]], page: str) -> set[str]:
    """The parameters whose values the notice must mention."""
    dropped = set()
    owned = set(page_keys(page))
    for key, values in params.items():
        if key not in owned:  # another page's own parameter: not this page's business
            continue
        if key in ("rec", "chain") and [v for v in values if v]:
            dropped.add(key)  # no fuzzed id is in the golden data, which has no chains either
        known = {fold(v) for v in VALID.get(key, ())}  # case, spacing and Unicode form don't matter
        if key in VALID and any(fold(v) not in known for v in values):
            dropped.add(key)
        if key == "q" and len(values[-1]) > MAX_QUERY_CHARS:
            dropped.add(key)
    return dropped


def open_link(database: Path, page: str, params: dict[str, list[str]]) -> tuple[AppTest, str]:
    """Open ``/page?params`` as a reader would; return the app and the link notice of its first run.

    The first run is on the page itself, as in a browser that opens the link.
    """
    at = AppTest.from_string(ROUTER, default_timeout=60)
    for key, values in params.items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    if page:  # the first run is on the page, as when a reader opens its link
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = notices(at, params)
    return at, shown


def check_run(at, shown: str, params: dict[str, list[str]], page: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    for key in expected_drops(params, page):
        if key == "q":
            assert (
                in_language(params, "a search longer than {n} characters").format(n=MAX_QUERY_CHARS) in shown
            )
        else:
            assert f"{key}=" in shown.replace("\\", ""), (
                key,
                shown[:300],
            )  # as a reader reads it (as_of: as\_of)
    if not expected_drops(params, page):
        assert not shown
    # Values from the link are shown escaped: never a link, an image, emphasis or HTML.
    for raw in ("<script>", "](", "**", "!["):
        assert raw not in shown
    if page == "explore" and [v for v in params.get("rec", []) if v]:
        asked = in_language(
            params,
            "The link asks for a recommendation that is not in the data. Choose one from the list below.",
        )
        assert any(asked in i.value for i in at.info)


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "overview")
def test_every_parameter_with_a_hostile_value_on_every_page(golden_db, monkeypatch, page, kind):
    monkeypatch.setenv("UPR_DB", str(golden_db))
    value = HOSTILE[kind]
    params = {key: value if isinstance(value, list) else [value] for key in PARAMS}
    check_run(*open_link(golden_db, page, params), params, page)


def test_sql_looking_values_change_nothing_in_the_database(run_page, golden_db, tmp_path):
    database = copy_published(golden_db, tmp_path)
    before, content = fingerprint(database), tables(database)
    for page in PAGES:
        for kind in ("sql-or", "sql-drop"):
            at = run_page(database, page, dict.fromkeys(PARAMS, HOSTILE[kind]))
            assert not at.exception
    assert fingerprint(database) == before
    assert tables(database) == content  # every table still there, with the same rows


def test_an_sql_looking_search_is_a_search_for_those_characters(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "q": "' OR 1=1 --"})
    assert not at.exception
    assert any("No recommendation matches" in i.value for i in at.info)


# --- hypothesis: random links through the app -------------------------------------------------

URL_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
VALUE = st.one_of(
    URL_TEXT,
    st.sampled_from(sorted({v for values in VALID.values() for v in values}) + list(HOSTILE.values())[2:]),
    st.text(max_size=300).map(lambda s: s * 3),
)
LINK = st.dictionaries(st.sampled_from(PARAMS), st.lists(VALUE, min_size=1, max_size=3), max_size=6)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(page=st.sampled_from(PAGES), params=LINK)
def test_random_links_never_break_a_page(golden_db, monkeypatch, page, params):
    monkeypatch.setenv("UPR_DB", str(golden_db))
    check_run(*open_link(golden_db, page, params), params, page)


# --- hypothesis: the functions that turn link values into SQL, called directly ----------------

FILTERS = st.builds(
    Selection,
    state_under_review=VALUE,
    cycle=st.none() | st.integers(-(2**31), 2**31 - 1),
    response=st.none() | VALUE,
    recommending_states=st.lists(VALUE, max_size=4).map(tuple),
    regional_group=st.none() | VALUE,
    themes=st.lists(VALUE, max_size=4).map(tuple),
    ministries=st.lists(VALUE, max_size=4).map(tuple),
    status=st.none() | VALUE,
    assessor=st.none() | VALUE,
    search=VALUE,
    sdg=st.none() | VALUE,
    as_of=st.none() | st.dates(date(1, 1, 1), date(9999, 12, 31)),
    plan=st.none() | st.sampled_from(["overdue", "no_plan"]) | VALUE,
    today=st.none() | st.dates(),
)


@pytest.fixture(scope="module")
def golden_con(golden_db):
    con = duckdb.connect(str(golden_db), read_only=True)
    yield con
    con.close()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=VALUE)
def test_search_terms_never_fail(q):
    terms = search_terms(q)
    assert len(terms) <= MAX_TERMS
    assert all(t and t == t.strip() and '"' not in t for t in terms)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=FILTERS)
def test_where_takes_every_value_as_a_parameter_and_runs(golden_con, f):
    condition, params = where(f)
    assert condition.count("?") == len(params)
    # The SQL text is built from fixed fragments only: no value of the link is in it.
    for value in (
        f.state_under_review,
        f.response,
        f.regional_group,
        f.status,
        f.assessor,
        *f.recommending_states,
        *f.themes,
        *f.ministries,
        f.sdg,
    ):
        if value and len(value) > 3 and value not in FRAGMENTS:
            assert value not in condition
    with golden_con.cursor() as cur:
        count = cur.execute(f"SELECT count(*) FROM recommendations r WHERE {condition}", params).fetchone()[0]  # noqa: S608
    assert 0 <= count <= 10


FRAGMENTS = (
    where(
        Selection(
            state_under_review="x",
            cycle=1,
            response="x",
            recommending_states=("x",),
            regional_group="x",
            themes=("x",),
            ministries=("x",),
            status="x",
            assessor="x",
            search="x",
            sdg="x",
            as_of=date(2020, 1, 1),
            plan="overdue",
        )
    )[0]
    + where(Selection(state_under_review="x", cycle=1, plan="no_plan"))[0]
)
