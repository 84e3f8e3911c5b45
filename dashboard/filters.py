"""The shared filters: one sidebar, every value bound to the URL so each view is a shareable link.

The router renders the sidebar once per run; pages read the result with ``current()``. The widget key is
the URL parameter; a link's values seed the widgets on a session's first run, and every run writes
the current values back (defaults left out), so the address bar always reopens this view, also
after a page switch. A value that is not an option is dropped with a notice, never an error. Options never depend on other filters, so a value chosen once
stays valid while the reader narrows the view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import streamlit as st

from dashboard import markdown
from dashboard.data import options as option_data
from dashboard.i18n import N_, _, current_language, localized
from dashboard.routing import rerun_through_router

ANY = "any"
ALL_CYCLES = "all"
# URL parameters the sidebar owns (page-specific ones, like `rec`, belong to their page).
SIDEBAR_PARAMS = (
    "sur",
    "cycle",
    "response",
    "state",
    "region",
    "theme",
    "ministry",
    "status",
    "assessor",
    "q",
)
MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """What the reader has chosen; hashable, so cached queries can take it as an argument."""

    sur: str
    cycle: int | None  # None: every cycle
    response: str | None = None
    states: tuple[str, ...] = ()
    region: str | None = None
    themes: tuple[str, ...] = ()
    ministries: tuple[str, ...] = ()
    status: str | None = None
    assessor: str | None = None
    q: str = ""
    defaults: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def narrowed(self) -> bool:
        """Whether anything beyond the review and cycle is chosen (official totals then don't apply)."""
        return bool(
            self.response
            or self.states
            or self.region
            or self.themes
            or self.ministries
            or self.status
            or self.assessor
            or self.q
        )

    def url_params(self) -> list[tuple[str, str]]:
        """The URL parameters that reproduce these filters (defaults left out, as Streamlit does)."""
        pairs: list[tuple[str, str]] = []
        if self.sur != self.defaults.get("sur"):
            pairs.append(("sur", self.sur))
        cycle = ALL_CYCLES if self.cycle is None else str(self.cycle)
        if cycle != self.defaults.get("cycle"):
            pairs.append(("cycle", cycle))
        for key, value in (
            ("response", self.response),
            ("region", self.region),
            ("status", self.status),
            ("assessor", self.assessor),
        ):
            if value:
                pairs.append((key, value))
        for key, values in (("state", self.states), ("theme", self.themes), ("ministry", self.ministries)):
            pairs += [(key, v) for v in values]
        if self.q:
            pairs.append(("q", self.q))
        return pairs


def link(page_path: str, filters: Filters, extra: dict[str, str] | None = None) -> str:
    """A relative link to ``page_path`` showing this view (for the "copy link" box)."""
    pairs = filters.url_params() + list((extra or {}).items())
    query = urlencode(pairs, doseq=False)
    return f"/{page_path}" + (f"?{query}" if query else "")


def current() -> Filters:
    """The filters the router's sidebar produced for this run."""
    if "_filters" not in st.session_state:
        rerun_through_router()
    return st.session_state["_filters"]


def render_sidebar(version: str, dropped: list[str] | None = None) -> Filters:
    """Draw the shared filters in the sidebar and return the reader's choice.

    ``dropped``: link values the router already set aside (e.g. an unknown ``lang``), for the notice.
    """
    opts = option_data.filter_options(version)
    default_sur = "Cambodia" if "Cambodia" in opts.states_under_review else opts.states_under_review[0]
    dropped = list(dropped or [])
    with st.sidebar:
        st.header(_("Filters"))
        sur = default_sur
        if len(opts.states_under_review) > 1:
            sur = _select("sur", _("State under review"), opts.states_under_review, default_sur, dropped)
        else:  # no choice to offer, but a link naming another state still gets the notice
            seed_from_url("sur", opts.states_under_review, dropped)
        cycles = [str(c) for c in opts.cycles_of.get(sur, opts.all_cycles)]
        default_cycle = cycles[-1] if cycles else ALL_CYCLES
        cycle = _select(
            "cycle",
            _("Cycle"),
            [str(c) for c in opts.all_cycles] + [ALL_CYCLES],
            default_cycle,
            dropped,
            lambda c: _("All cycles") if c == ALL_CYCLES else _("Cycle {n}").format(n=c),
        )
        response = _select("response", _("Response"), [ANY, "supported", "noted"], ANY, dropped, label)
        q = _search(dropped)
        states = _multi("state", _("Recommending states"), opts.states, dropped)
        region = _select("region", _("UN regional group"), [ANY, *opts.regions], ANY, dropped, label)
        themes = _multi("theme", _("Themes"), opts.themes, dropped)
        lang = current_language()  # once, not once per ministry: thousands of them at global scale
        ministries = _multi(
            "ministry",
            _("Ministries"),
            opts.ministry_ids,
            dropped,
            lambda m: localized(opts.ministry_names.get(m, m), opts.ministry_names_km.get(m), lang),
        )
        status = _select("status", _("Latest status"), [ANY, *opts.statuses], ANY, dropped, label)
        assessor = _select("assessor", _("Assessed by"), [ANY, *opts.assessors], ANY, dropped, label)
    if dropped:
        st.info(
            _("Some link values were not recognised and were left out: {values}").format(
                values=markdown.escape(", ".join(v[:80] for v in dropped))
            )
        )
    filters = Filters(
        sur=sur,
        cycle=None if cycle == ALL_CYCLES else int(cycle),
        response=None if response == ANY else response,
        states=tuple(states),
        region=None if region == ANY else region,
        themes=tuple(themes),
        ministries=tuple(ministries),
        status=None if status == ANY else status,
        assessor=None if assessor == ANY else assessor,
        q=q,
        defaults={"sur": default_sur, "cycle": default_cycle},
    )
    st.session_state["_filters"] = filters
    write_url(SIDEBAR_PARAMS, filters.url_params())
    return filters


def write_url(owned: tuple[str, ...], pairs: list[tuple[str, str]]) -> None:
    """Make the address bar show ``pairs`` for the parameters in ``owned``, leaving others alone.

    Streamlit's own URL binding writes the *displayed* label of an option, which would make a link
    depend on the reader's language; we write the stable value instead.
    """
    wanted: dict[str, list[str]] = {}
    for key, value in pairs:
        wanted.setdefault(key, []).append(value)
    for key in owned:
        values = wanted.get(key, [])
        if st.query_params.get_all(key) == values:
            continue
        if values:
            st.query_params[key] = values if len(values) > 1 else values[0]
        else:
            del st.query_params[key]


def seed_from_url(key: str, choices, dropped: list[str], multi: bool = False) -> None:
    """On a session's first run, put the link's value for ``key`` into the widget's state."""
    if key in st.session_state:
        return
    raw = url_values(key)
    known = set(choices)
    dropped += [f"{key}={v}" for v in raw if v not in known]
    valid = [v for v in raw if v in known]
    if multi:
        st.session_state[key] = list(dict.fromkeys(valid))
    elif valid:
        st.session_state[key] = valid[-1]


LABELS = {
    ANY: N_("Any"),
    "supported": N_("Supported"),
    "noted": N_("Noted"),
    "not_implemented": N_("Not implemented"),
    "partially_implemented": N_("Partially implemented"),
    "implemented": N_("Implemented"),
    "no_information": N_("No information"),
    "government": N_("Government"),
    "civil_society": N_("Civil society"),
    "un": N_("United Nations"),
    "nhri": N_("National human rights institution"),
    "lead": N_("Lead"),
    "supporting": N_("Supporting"),
    # UN regional groups: English readers see the names the UN uses; the catalog translates them.
    "African": N_("African"),
    "Asia-Pacific": N_("Asia-Pacific"),
    "EEG": N_("EEG"),
    "GRULAC": N_("GRULAC"),
    "WEOG": N_("WEOG"),
    "other": N_("other"),
}


def label(value: str) -> str:
    """The reader-facing name of a vocabulary value, in the reader's language."""
    return _(LABELS[value]) if value in LABELS else value


def url_values(key: str) -> list[str]:
    try:
        return st.query_params.get_all(key)
    except Exception:  # no URL outside a running app
        return []


def _select(key, text, choices, default, dropped, format_func=str) -> str:
    seed_from_url(key, choices, dropped)
    if st.session_state.get(key) not in choices:
        st.session_state[key] = default if default in choices else choices[0]
    return st.selectbox(text, choices, key=key, format_func=_shown(choices, format_func))


def _multi(key, text, choices, dropped, format_func=None) -> list[str]:
    seed_from_url(key, choices, dropped, multi=True)
    known = set(choices)
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v in known]
    return st.multiselect(
        text, choices, key=key, format_func=_shown(choices, format_func or str), placeholder=_("Any")
    )


def _shown(choices, format_func):
    """The option labels, made now in the reader's language (a lookup, not a call made later from
    another thread, where the session's language is unknown: AppTest formats values that way)."""
    shown = {c: format_func(c) for c in choices}
    return lambda c: shown.get(c, str(c))


def _search(dropped) -> str:
    if "q" not in st.session_state:
        raw = url_values("q")
        value = raw[-1] if raw else ""
        if len(value) > MAX_QUERY_CHARS:
            dropped.append(_("a search longer than {n} characters").format(n=MAX_QUERY_CHARS))
            value = ""
        st.session_state["q"] = value
    value = st.text_input(
        _("Search"), key="q", max_chars=MAX_QUERY_CHARS, placeholder=_('words or "a phrase"')
    )
    return (value or "").strip()[:MAX_QUERY_CHARS]
