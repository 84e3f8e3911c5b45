"""What "done", "on track", "overdue" and "no plan" mean, as SQL fragments every page and filter shares.

An action's state is judged for each recommendation it answers (an action answering two counts once
for each), on a day: the reader's ``as_of`` when they chose one, else the session's ``today``
(``judged_on``):

- done: the recommendation is implemented by civil society's latest assessment (on or before that day);
- overdue: not done, and the action's due date is before that day;
- on track: not done, and not yet due;
- no plan: a supported recommendation no action answers.

Civil society's assessment counts (``COUNTED_ASSESSOR``): a plan's author cannot also be its judge,
and UPR Monitor is civil society's tool. The same rule applied to the government's latest assessment
is shown beside it (``state_sql(relation, "government")``), so a reader sees where the two disagree.
No assessment at all is not "implemented": the action is overdue once due. data/README.md says the same.

The latest assessments come from the caller as ``relation`` (``filtering.latest(selection.as_of)``,
or a CTE made from it): this module imports nothing of the read side, so filtering.py can use it.
"""

from __future__ import annotations

from datetime import date

from dashboard.view import Selection
from vocab import ASSESSORS

COUNTED_ASSESSOR = "civil_society"
# The day judged on: one parameter (``judged_on``), or the database's today when it is None.
AS_OF = "coalesce(?::DATE, current_date)"


def judged_on(s: Selection) -> date | None:
    """The day the plan is judged on: the reader's ``as_of``, else the session's ``today``."""
    return s.as_of or s.today


def implemented_sql(relation: str, assessor: str, recommendation: str) -> str:
    """Whether ``assessor``'s latest assessment in ``relation`` (a fixed fragment: a table, a CTE or
    ``filtering.latest``'s subquery) of ``recommendation`` (a SQL column) says implemented.

    ``assessor`` is one of our constants (vocab.ASSESSORS), never a reader's value: anything else
    raises ValueError. Parameters: the relation's own, if any.
    """
    if assessor not in ASSESSORS:
        raise ValueError(f"not an assessor: {assessor!r}")
    return (
        f"EXISTS (SELECT 1 FROM {relation} la WHERE la.recommendation_id = {recommendation} "  # noqa: S608 (our own constants only)
        f"AND la.assessor = '{assessor}' AND la.status = 'implemented')"
    )


def state_sql(relation: str, assessor: str = COUNTED_ASSESSOR) -> str:
    """The state of action ``a`` for recommendation ``ar.recommendation_id``. Parameters: the
    relation's own, then the day judged on."""
    return (
        f"CASE WHEN {implemented_sql(relation, assessor, 'ar.recommendation_id')} THEN 'done' "
        f"WHEN a.due_date < {AS_OF} THEN 'overdue' ELSE 'on_track' END"
    )


def overdue_sql(relation: str) -> str:
    """Recommendation ``r`` has an overdue action. Parameters: the day judged on, then the relation's own."""
    return (
        "EXISTS (SELECT 1 FROM action_recommendations ar JOIN actions a ON a.id = ar.action_id "  # noqa: S608 (fixed fragments)
        f"WHERE ar.recommendation_id = r.id AND a.due_date < {AS_OF} "
        f"AND NOT {implemented_sql(relation, COUNTED_ASSESSOR, 'r.id')})"
    )


# Recommendation ``r`` is supported and no action answers it.
NO_PLAN = (
    "r.response = 'supported' AND NOT EXISTS (SELECT 1 FROM action_recommendations ar "
    "WHERE ar.recommendation_id = r.id)"
)
