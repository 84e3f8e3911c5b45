"""The WHERE clause every query shares: which recommendations the reader's selection picks.

Built from fixed SQL fragments, one per selection field; every value the reader chose travels as a
parameter. Adding a filter adds one clause here (ARCHITECTURE.md, "How to add a filter").
"""

from __future__ import annotations

import shlex

from dashboard.view import Selection
from vocab import MULTI_SEPARATOR

MAX_TERMS = 10
# A recommendation's states and themes as one cell each, joined as in data/*.csv ("France | Germany"),
# so a table and its CSV agree (a constant of the code, never a value from the reader).
STATES_CELL = f"array_to_string(r.recommending_states, '{MULTI_SEPARATOR}') AS recommending_states"
THEMES_CELL = f"array_to_string(r.themes, '{MULTI_SEPARATOR}') AS themes"


def search_terms(q: str) -> list[str]:
    """Words and "quoted phrases" of a search, lower-cased; an unbalanced quote is read literally."""
    try:
        terms = shlex.split(q)
    except ValueError:
        terms = q.replace('"', " ").split()
    return [t.lower() for t in terms if t.strip()][:MAX_TERMS]


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
    if s.ministries:
        clauses.append(
            "EXISTS (SELECT 1 FROM assignments a WHERE a.recommendation_id = r.id "
            "AND a.ministry_id IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(list(s.ministries))
    if s.status or s.assessor:
        condition, extra = ["la.recommendation_id = r.id"], []
        if s.status:
            condition.append("la.status = ?")
            extra.append(s.status)
        if s.assessor:
            condition.append("la.assessor = ?")
            extra.append(s.assessor)
        clauses.append("EXISTS (SELECT 1 FROM latest_assessments la WHERE " + " AND ".join(condition) + ")")  # noqa: S608 (fixed fragments; values are parameters)
        params += extra
    for term in search_terms(s.search):
        clauses.append(
            "strpos(lower(concat_ws(' ', r.id, r.text, r.document, r.paragraph, "
            "array_to_string(r.recommending_states, ' '), array_to_string(r.themes, ' '))), ?) > 0"
        )
        params.append(term)
    return " AND ".join(clauses), params
