"""The shared filters' widgets, and nothing else: one per URL parameter, keyed by it, seeded by session.py.

Each page shows its own search and key filters on the page itself, under its title (a phone hides
the sidebar behind a button); the other filters stay in the sidebar under "More filters". Every
filter is drawn exactly once per run, in one place or the other, so each URL key has one widget.

Each widget's options are the URL's own strings; ``format_func`` shows them in the reader's language
(states by their CLDR names, themes and regional groups through the catalog). Adding a filter:
declare its parameter in dashboard/view.py, draw its widget here, add its clause to
dashboard/data/filtering.py (ARCHITECTURE.md, "How to add a filter").
"""

from __future__ import annotations

import streamlit as st

from dashboard import names
from dashboard.data.options import FilterOptions
from dashboard.i18n import _, current_language, localized
from dashboard.labels import label, sdg_name
from dashboard.view import ALL_CYCLES, ANY, MAX_SEARCH_CHARS, PLAN_CHOICES
from vocab import ASSESSORS, RESPONSES, SDG_GOALS, STATUSES

# The order filters are drawn in, wherever they are.
ORDER = ("sur", "q", "cycle", "response", "state", "region", "theme", "sdg", "ministry", "status", "assessor",
         "plan", "as_of")  # fmt: skip
# Each page's own key filters, drawn on the page (the state under review too, when there are several).
ON_PAGE = {
    "": ("q", "cycle", "response"),
    "acceptance": ("q", "cycle", "region"),
    "ministries": ("q", "cycle", "ministry", "status"),
    "noted": ("q", "cycle", "theme"),
    "explore": ("q", "cycle", "response", "theme"),
    "states": ("q", "cycle", "state", "region"),
    "recurring": ("q", "cycle", "theme"),
    "plan": ("q", "cycle", "ministry", "plan"),
    "about": (),
}


def on_page(page: str, options: FilterOptions) -> tuple[str, ...]:
    """The filters ``page`` shows on the page itself, in drawing order."""
    keys = set(ON_PAGE.get(page, ("q", "cycle"))) | (
        {"sur"} if len(options.states_under_review) > 1 else set()
    )
    return tuple(k for k in ORDER if k in keys)


def draw(options: FilterOptions, page: str) -> None:
    """Draw, in the sidebar, the filters ``page`` does not show itself; read by session.py next run."""
    keys = [k for k in ORDER if k not in on_page(page, options) and _offered(k, options)]
    with st.sidebar:
        st.header(_("More filters") if on_page(page, options) else _("Filters"))
        widgets = _widgets(options)
        for key in keys:
            widgets[key]()


def draw_on_page(options: FilterOptions, page: str) -> None:
    """Draw ``page``'s own filters in the page, the search box first and widest."""
    keys = [k for k in on_page(page, options) if _offered(k, options)]
    if not keys:
        return
    widgets = _widgets(options)
    single = [k for k in keys if k not in ("state", "theme", "ministry")]
    multi = [k for k in keys if k in ("state", "theme", "ministry")]
    if single:
        widths = [3 if k == "q" else 2 if k == "sur" else 1.4 for k in single]
        for column, key in zip(st.columns(widths, vertical_alignment="bottom"), single, strict=True):
            with column:
                widgets[key]()
    if multi:
        for column, key in zip(st.columns(len(multi)), multi, strict=True):
            with column:
                widgets[key]()


def _offered(key: str, options: FilterOptions) -> bool:
    return key != "sur" or len(options.states_under_review) > 1


def _widgets(options: FilterOptions) -> dict:
    """One function per URL key that draws its widget where it is called."""
    shown = names.current()
    lang = current_language()  # once, not once per ministry: thousands of them at global scale
    cycles = [str(c) for c in sorted({c for cs in options.cycles_of.values() for c in cs})]
    return {
        "sur": lambda: _select("sur", _("State under review"), options.states_under_review, shown.state),
        "q": lambda: st.text_input(
            _("Search"),
            key="q",
            max_chars=MAX_SEARCH_CHARS,
            placeholder=_('words or "a phrase"'),
            help=_(
                'Every word must appear; put "a phrase" in quotes. Capitals, curly quotes and dashes do not matter.'
            ),
        ),
        "cycle": lambda: _select(
            "cycle",
            _("Cycle"),
            [*cycles, ALL_CYCLES],
            lambda c: _("All cycles") if c == ALL_CYCLES else _("Cycle {n}").format(n=c),
        ),
        "response": lambda: _select("response", _("Response"), [ANY, *RESPONSES], label),
        "state": lambda: _multi("state", _("Recommending states"), options.recommending_states, shown.state),
        "region": lambda: _select("region", _("UN regional group"), [ANY, *options.regional_groups], label),
        "theme": lambda: _multi("theme", _("Themes"), options.themes, shown.theme),
        "ministry": lambda: _multi(
            "ministry",
            _("Ministries"),
            options.ministry_ids,
            lambda m: localized(options.ministry_names.get(m, m), options.ministry_names_km.get(m), lang),
        ),
        "status": lambda: _select("status", _("Latest status"), [ANY, *STATUSES], label),
        "assessor": lambda: _select("assessor", _("Assessed by"), [ANY, *ASSESSORS], label),
        "plan": lambda: _select("plan", _("The government's plan"), [ANY, *PLAN_CHOICES], label),
        "sdg": lambda: _sdg(options),
        "as_of": lambda: _as_of(options),
    }


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
