"""The WHERE clause every query shares: which recommendations the reader's selection picks.

A search keeps a recommendation when every word or "phrase" occurs in it, after both sides are folded
the same way (dashboard/search.py: case, Unicode form, curly quotes, dashes, zero-width spaces).

Built from fixed SQL fragments, one per selection field; every value the reader chose travels as a
parameter. Adding a filter adds one clause here (ARCHITECTURE.md, "How to add a filter").

Statuses are read through ``latest(selection.as_of)``, the one place that knows ``as_of``: the published
``latest_assessments`` table for statuses as they stand now, or the same rows worked out from
``progress`` for a day in the past (the latest assessment on or before it, same tie rule).
"""

from __future__ import annotations

from datetime import date

from dashboard.data.plan_rules import NO_PLAN, judged_on, overdue_sql
from dashboard.search import fold_sql, terms
from dashboard.view import Selection
from vocab import MULTI_SEPARATOR

# A recommendation's states and themes as one cell each, joined as in data/*.csv ("France | Germany"),
# so a table and its CSV agree (a constant of the code, never a value from the reader).
STATES_CELL = f"array_to_string(r.recommending_states, '{MULTI_SEPARATOR}') AS recommending_states"
THEMES_CELL = f"array_to_string(r.themes, '{MULTI_SEPARATOR}') AS themes"
# The SDG goals ("1"–"17") of recommendation ``r``: a value "16.3" (a target), "16" or "SDG 16" names
# goal 16 (its first number); a value with no number from 1 to 17 names no goal.
SDG_GOALS_OF_R = (
    "list_distinct(list_filter(list_transform(r.sdgs, lambda x: "
    "CAST(try_cast(regexp_extract(x, '(\\d+)', 1) AS INTEGER) AS VARCHAR)), "
    "lambda g: try_cast(g AS INTEGER) BETWEEN 1 AND 17))"
)
# The latest assessment per recommendation and assessor on or before a day: etl/sql/progress.sql's
# rule for latest_assessments (latest date first, then status), over the assessments up to that day.
_LATEST_ON = (
    "(SELECT * FROM progress WHERE date <= ?::DATE QUALIFY row_number() OVER "
    "(PARTITION BY recommendation_id, assessor ORDER BY date DESC, status) = 1)"
)


def latest(as_of: date | None) -> tuple[str, list]:
    """The latest assessment per recommendation and assessor: a relation to put after FROM (alias it)
    and its parameters. Columns as ``latest_assessments`` (recommendation_id, date, assessor, status,
    summary, evidence_url, source, illustrative): as they stand now (``as_of`` None, the published
    table), or as they stood on ``as_of`` (a selection's ``as_of``)."""
    if as_of is None:
        return "latest_assessments", []
    return _LATEST_ON, [as_of]


def assessments(as_of: date | None) -> tuple[str, list]:
    """Every assessment known on ``as_of`` (all of ``progress`` for None), as ``latest`` gives it."""
    if as_of is None:
        return "progress", []
    return "(SELECT * FROM progress WHERE date <= ?::DATE)", [as_of]


def chosen_themes(s: Selection) -> tuple[str, list]:
    """For a breakdown by theme (``recommendation_themes rt`` joined): " AND <clause>" keeping it to the
    themes the reader chose (``where`` keeps the recommendations with any of them, which also carry
    other themes), and its parameters; nothing when none is chosen."""
    if not s.themes:
        return "", []
    return " AND rt.theme IN (SELECT unnest(?::VARCHAR[]))", [list(s.themes)]


# What a search looks in, folded as the searched words are (dashboard/search.py): the id, the text, the
# document and paragraph, the states' and themes' names.
SEARCHED = fold_sql(
    "concat_ws(' ', r.id, r.text, r.document, r.paragraph, "
    "array_to_string(r.recommending_states, ' '), array_to_string(r.themes, ' '))"
)


def where(s: Selection) -> tuple[str, list]:
    """SQL condition on recommendations aliased ``r``, and its parameters, for selection ``s``."""
    clauses, params = ["r.state_under_review = ?"], [s.state_under_review]
    if s.cycle is not None:
        clauses.append("r.cycle = ?")
        params.append(s.cycle)
    if s.response:
        clauses.append("r.response = ?")
        params.append(s.response)
    if s.recommending_states:
        clauses.append("list_has_any(r.recommending_states, ?::VARCHAR[])")
        params.append(list(s.recommending_states))
    if s.regional_group:
        clauses.append(
            "EXISTS (SELECT 1 FROM recommendation_states rs JOIN states st ON st.name = rs.state "
            "WHERE rs.recommendation_id = r.id AND st.regional_group = ?)"
        )
        params.append(s.regional_group)
    if s.themes:
        clauses.append("list_has_any(r.themes, ?::VARCHAR[])")
        params.append(list(s.themes))
    if s.sdg:
        clauses.append(f"list_contains({SDG_GOALS_OF_R}, ?)")
        params.append(s.sdg)
    if s.ministries:
        clauses.append(
            "EXISTS (SELECT 1 FROM assignments a WHERE a.recommendation_id = r.id "
            "AND a.ministry_id IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(list(s.ministries))
    if s.status or s.assessor:
        relation, extra = latest(s.as_of)
        condition = ["la.recommendation_id = r.id"]
        if s.status:
            condition.append("la.status = ?")
            extra.append(s.status)
        if s.assessor:
            condition.append("la.assessor = ?")
            extra.append(s.assessor)
        clauses.append(f"EXISTS (SELECT 1 FROM {relation} la WHERE " + " AND ".join(condition) + ")")  # noqa: S608 (fixed fragments; values are parameters)
        params += extra
    if s.plan == "overdue":
        relation, extra = latest(s.as_of)
        clauses.append(overdue_sql(relation))
        params += [judged_on(s), *extra]
    elif s.plan == "no_plan":
        clauses.append(NO_PLAN)
    for term in terms(s.search):
        clauses.append(f"strpos({SEARCHED}, {fold_sql('?')}) > 0")
        params.append(term)
    return " AND ".join(clauses), params
