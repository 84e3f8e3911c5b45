"""Everything that has a Khmer name is shown in Khmer to a Khmer reader: states by CLDR's names
(Babel; the data's name where CLDR has none), themes and regional groups by the catalog, dates and
times in CLDR's Khmer formats (no "PM"), while links, filters and exports keep the data's names."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from babel import Locale

from dashboard import i18n
from dashboard.names import Names, cldr_territory
from dashboard.theme_names import THEMES
from tests.conftest import GOLDEN, read_csv

KHMER = re.compile("[\u1780-\u17ff]")


def test_states_are_named_by_cldr_through_their_iso_code():
    shown = Names("km", {"France": "FRA", "Cambodia": "KHM", "Atlantis": "ATL", "Nowhere": ""})
    assert shown.state("France") == Locale("km").territories["FR"] == "បារាំង"
    assert shown.state("Cambodia") == "កម្ពុជា"
    assert shown.state("Atlantis") == "Atlantis"  # not an ISO code: the data's own name
    assert shown.state("Nowhere") == "Nowhere" and shown.state("Unlisted") == "Unlisted"
    assert shown.states("France | Cambodia") == "បារាំង | កម្ពុជា"
    assert Names().state("France") == "France"  # English readers: the data's name as it is


def test_every_bundled_state_has_a_khmer_name_in_cldr():
    missing = [r["name"] for r in read_csv(GOLDEN.parent.parent.parent / "data" / "states.csv")
               if not cldr_territory(r["iso3"], "km")]  # fmt: skip
    assert missing == []


def test_every_bundled_theme_is_in_the_catalog_and_translated(monkeypatch):
    themes = [r["name"] for r in read_csv(GOLDEN.parent.parent.parent / "data" / "themes.csv")]
    assert sorted(themes) == sorted(THEMES), "dashboard/theme_names.py must list data/themes.csv's names"
    untranslated = [t for t in themes if not KHMER.search(Names("km").theme(t))]
    assert untranslated == []


def test_times_use_cldrs_khmer_24_hour_format(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "km")
    shown = i18n.fmt_datetime(datetime(2026, 11, 26, 12, 19, tzinfo=UTC))
    assert shown == "26 វិច្ឆិកា 2026, 12:19"
    assert "PM" not in i18n.fmt_datetime(datetime(2026, 11, 26, 23, 5, tzinfo=UTC))


@pytest.fixture
def khmer_overview(run_page, bundled_db):
    return lambda page="", params=None: run_page(bundled_db, page, {"lang": "km", **(params or {})})


def test_the_sidebar_and_the_page_offer_states_and_themes_in_khmer(khmer_overview):
    at = khmer_overview("states", {"state": "France", "cycle": "2"})
    assert not at.exception
    states = at.multiselect(key="state")
    assert states.value == ["France"]  # the value (and the link) keeps the data's name
    assert "បារាំង" in states.options and "France" not in states.options
    assert "បារាំង" in at.title[0].value
    theme = at.multiselect(key="theme")
    assert "សិទ្ធិស្ត្រី" in theme.options  # Women's rights


def test_tables_and_charts_name_states_and_themes_in_khmer(khmer_overview):
    at = khmer_overview("acceptance", {"cycle": "2"})
    assert not at.exception
    by_state = next(
        d.value for d in at.dataframe if "group" in d.value.columns and "France" in set(d.value["group"])
    )
    assert "បារាំង" in set(by_state["name"])  # the data's name beside the reader's
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    lines = [
        t for c in charts for trace in c["data"] for t in (trace.get("text") or []) if isinstance(t, str)
    ]
    assert any(t.startswith("បារាំង") for t in lines)
    noted = khmer_overview("noted", {"cycle": "2"})
    table = noted.dataframe[0].value
    assert any("បារាំង" in cell for cell in table["recommending_states"])
    assert not any("France" in cell for cell in table["recommending_states"])


def test_the_state_under_review_and_the_view_in_words_are_in_khmer(khmer_overview):
    at = khmer_overview("", {"state": "France", "cycle": "2"})
    assert "កម្ពុជា" in at.title[0].value and "Cambodia" not in at.title[0].value
    described = [t.value for t in at.text]
    assert any("បារាំង" in t and "កម្ពុជា" in t for t in described), described
