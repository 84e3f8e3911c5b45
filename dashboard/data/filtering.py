"""The WHERE clause every page shares: which recommendations the reader's filters select.

Built from fixed SQL fragments; every value the reader chose travels as a parameter.
"""

from __future__ import annotations

import shlex

from dashboard.filters import Filters

MAX_TERMS = 10


def search_terms(q: str) -> list[str]:
    """Words and "quoted phrases" of a search, lower-cased; an unbalanced quote is read literally."""
    try:
        terms = shlex.split(q)
    except ValueError:
        terms = q.replace('"', " ").split()
    return [t.lower() for t in terms if t.strip()][:MAX_TERMS]


def where(f: Filters) -> tuple[str, list]:
    """SQL condition on recommendations aliased ``r``, and its parameters, for filters ``f``."""
    clauses, params = ["r.state_under_review = ?"], [f.sur]
    if f.cycle is not None:
        clauses.append("r.cycle = ?")
        params.append(f.cycle)
    if f.response:
        clauses.append("r.response = ?")
        params.append(f.response)
    if f.states:
        clauses.append("list_has_any(r.recommending_states, ?::VARCHAR[])")
        params.append(list(f.states))
    if f.region:
        clauses.append(
            "EXISTS (SELECT 1 FROM recommendation_states rs JOIN states s ON s.name = rs.state "
            "WHERE rs.recommendation_id = r.id AND s.regional_group = ?)"
        )
        params.append(f.region)
    if f.themes:
        clauses.append("list_has_any(r.themes, ?::VARCHAR[])")
        params.append(list(f.themes))
    if f.ministries:
        clauses.append(
            "EXISTS (SELECT 1 FROM assignments a WHERE a.recommendation_id = r.id "
            "AND a.ministry_id IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(list(f.ministries))
    if f.status or f.assessor:
        condition, extra = ["la.recommendation_id = " + "r.id"], []
        if f.status:
            condition.append("la.status = ?")
            extra.append(f.status)
        if f.assessor:
            condition.append("la.assessor = ?")
            extra.append(f.assessor)
        clauses.append("EXISTS (SELECT 1 FROM latest_assessments la WHERE " + " AND ".join(condition) + ")")  # noqa: S608 (fixed fragments; values are parameters)
        params += extra
    for term in search_terms(f.q):
        clauses.append(
            "strpos(lower(concat_ws(' ', r.id, r.text, r.document, r.paragraph, "
            "array_to_string(r.recommending_states, ' '), array_to_string(r.themes, ' '))), ?) > 0"
        )
        params.append(term)
    return " AND ".join(clauses), params
