"""The shared filters' widgets, and nothing else: one per URL parameter, keyed by it, seeded by session.py.

Each widget's options are the URL's own strings; ``format_func`` shows them in the reader's language.
Adding a filter: declare its parameter in dashboard/view.py, draw its widget here, add its clause to
dashboard/data/filtering.py (ARCHITECTURE.md, "How to add a filter").
"""

from __future__ import annotations

import streamlit as st

from dashboard.data.options import FilterOptions
from dashboard.i18n import _, current_language, localized
from dashboard.labels import label, sdg_name
from dashboard.view import ALL_CYCLES, ANY, MAX_SEARCH_CHARS, PLAN_CHOICES
from vocab import ASSESSORS, RESPONSES, SDG_GOALS, STATUSES


def draw(options: FilterOptions) -> None:
    """Draw the filters in the sidebar; their values are read by session.py on the next run."""
    with st.sidebar:
        st.header(_("Filters"))
        if len(options.states_under_review) > 1:
            _select("sur", _("State under review"), options.states_under_review)
        cycles = [str(c) for c in sorted({c for cs in options.cycles_of.values() for c in cs})]
        _select(
            "cycle",
            _("Cycle"),
            [*cycles, ALL_CYCLES],
            lambda c: _("All cycles") if c == ALL_CYCLES else _("Cycle {n}").format(n=c),
        )
        _select("response", _("Response"), [ANY, *RESPONSES], label)
        st.text_input(_("Search"), key="q", max_chars=MAX_SEARCH_CHARS, placeholder=_('words or "a phrase"'))
        _multi("state", _("Recommending states"), options.recommending_states)
        _select("region", _("UN regional group"), [ANY, *options.regional_groups], label)
        _multi("theme", _("Themes"), options.themes)
        _sdg(options)
        lang = current_language()  # once, not once per ministry: thousands of them at global scale
        _multi(
            "ministry",
            _("Ministries"),
            options.ministry_ids,
            lambda m: localized(options.ministry_names.get(m, m), options.ministry_names_km.get(m), lang),
        )
        _select("status", _("Latest status"), [ANY, *STATUSES], label)
        _select("assessor", _("Assessed by"), [ANY, *ASSESSORS], label)
        _select("plan", _("The government's plan"), [ANY, *PLAN_CHOICES], label)
        _as_of(options)


def _sdg(options: FilterOptions) -> None:
    """The 17 goals (a closed UN list, so a link keeps its meaning after an import), saying when the
    data names none."""
    st.selectbox(
        _("Sustainable Development Goal"),
        [ANY, *SDG_GOALS],
        key="sdg",
        format_func=_shown([ANY, *SDG_GOALS], lambda g: label(g) if g == ANY else sdg_name(g)),
        help=_("Imported recommendations (UHRI, OHCHR matrices) name the goals and targets they serve.")
        + " "
        + (
            _("The data names no goal yet.")
            if not options.sdg_goals
            else _("Goals named in the data: {goals}.").format(goals=", ".join(options.sdg_goals))
        ),
    )


def _as_of(options: FilterOptions) -> None:
    """A day in the past: statuses as they stood then (empty: as they stand now)."""
    st.date_input(
        _("Statuses as of"),
        value=None,  # empty until the reader (or the link, through session.py) picks a day
        key="as_of",
        min_value=options.first_assessment,
        max_value=options.built,
        format="YYYY-MM-DD",
        disabled=options.first_assessment is None,
        help=_(
            "Show statuses, disagreements and stalled recommendations as they stood on a past day: the "
            "latest assessment on or before it. Leave empty for today."
        ),
    )


def _select(key: str, text: str, choices: list[str], format_func=str) -> None:
    st.selectbox(text, choices, key=key, format_func=_shown(choices, format_func))


def _multi(key: str, text: str, choices: list[str], format_func=str) -> None:
    st.multiselect(text, choices, key=key, format_func=_shown(choices, format_func), placeholder=_("Any"))


def _shown(choices, format_func):
    """The option labels, made now in the reader's language (a lookup, not a call made later from
    another thread, where the session's language is unknown: AppTest formats values that way)."""
    shown = {c: format_func(c) for c in choices}
    return lambda c: shown.get(c, str(c))
