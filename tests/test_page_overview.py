"""The Overview's reconciliation with the official totals, as a reader sees it on the bundled data."""

from __future__ import annotations

from tests.pages_helpers import displayed as shown


def test_cycle_2_adds_up_supported_noted_and_rejected_with_its_source(run_page, bundled_db):
    at = run_page(bundled_db, "", {"cycle": "2"})
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Received"], metrics["Supported"], metrics["Noted"]) == ("205", "163", "42")
    caption = shown(next(c.value for c in at.caption if "Official totals" in c.value))
    assert (
        "163 supported + 38 noted + 4 rejected = 205 received (rejected counts as noted), 72 states"
        in caption
    )
    assert "UN Geneva meeting summary" in caption
    table = at.dataframe[0].value
    row = table[table["cycle"] == 2].iloc[0]
    assert (row["rejected"], row["official_rejected"], row["reconciles"]) == (4, 4, True)


def test_a_cycle_without_rejected_items_keeps_the_plain_sentence(run_page, bundled_db):
    at = run_page(bundled_db, "", {"cycle": "3"})
    caption = shown(next(c.value for c in at.caption if "Official totals" in c.value))
    assert caption.startswith("Official totals: 198 received, 173 supported, 25 noted, 73 states")
