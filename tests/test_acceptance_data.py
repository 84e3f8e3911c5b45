"""The Acceptance read side's sums agree with the database, counted directly."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.data import acceptance
from dashboard.view import Selection

SELECTIONS = [
    Selection("Cambodia", None),
    Selection("Cambodia", 3),
    Selection("Cambodia", None, response="noted"),
    Selection("Cambodia", None, regional_group="WEOG"),
    Selection("Cambodia", 2, recommending_states=("France", "Germany")),
    Selection("Cambodia", 1, response="supported", regional_group="GRULAC"),
    Selection("Nowhere", None),  # selects nothing: zeros and no rate, not an error
]


@pytest.mark.parametrize("f", SELECTIONS, ids=repr)
def test_all_cycles_together_count_what_the_database_holds(bundled_db, f):
    """The headline's "n of m supported" over every selected cycle is the sum of the per-cycle lines,
    and the same as counting the recommendations table directly."""
    version = str(bundled_db.resolve())
    condition, params = acceptance.where(f)
    with duckdb.connect(version, read_only=True) as con:
        received, supported, noted, illustrative = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE response = 'supported'), count(*) FILTER (WHERE "  # noqa: S608
            f"response = 'noted'), count(*) FILTER (WHERE illustrative) FROM recommendations r WHERE {condition}",
            params,
        ).fetchone()
    shown = acceptance.together(version, f)
    assert (shown["received"], shown["supported"], shown["noted"], shown["illustrative_rows"]) == (
        received,
        supported,
        noted,
        illustrative,
    )
    assert shown["unanswered"] == received - supported - noted
    assert shown["rate"] == (pytest.approx(supported / (supported + noted)) if supported + noted else None)
