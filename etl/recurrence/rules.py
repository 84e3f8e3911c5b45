"""The rules a pair of recommendations must keep to be a recurrence: same state under review, earlier cycle.

Checked on recurrence_links.csv and recurrences.csv before the build (``etl.validate`` adds them to its
row rules), so a pair that breaks them is named by file and line; ``etl.checks`` asserts the same on
the published tables. Pairs whose ids are unknown are left to the reference check, which names them.
"""

from __future__ import annotations

# The two ends of each pair, looked up in recommendations.csv as the reference check does (any case).
_PAIRS = (
    "SELECT d._row, d.earlier_id__raw, l.id AS later, e.cycle AS earlier_cycle, l.cycle AS later_cycle, "
    "e.state_under_review AS earlier_state, l.state_under_review AS later_state FROM {table} d "
    "JOIN clean_recommendations e ON lower(e.id) = lower(d.earlier_id) "
    "JOIN clean_recommendations l ON lower(l.id) = lower(d.later_id)"
)


def _message(line_of, value, later, earlier_cycle, later_cycle, earlier_state, later_state) -> str:
    if earlier_state.lower() != later_state.lower():
        return (
            f"made to {earlier_state}: expected a recommendation to the same state under review as "
            f"later_id {later} ({later_state})"
        )
    return (
        f"from cycle {earlier_cycle}: expected a recommendation from a cycle before that of "
        f"later_id {later} (cycle {later_cycle})"
    )


# One query per file (the join is most of the cost): another state under review, or not earlier.
ROW_RULES = tuple(
    (
        table,
        "earlier_id",
        f"SELECT * FROM ({_PAIRS}) WHERE lower(earlier_state) <> lower(later_state) OR earlier_cycle >= later_cycle",
        _message,
    )
    for table in ("recurrence_links", "recurrences")
)
