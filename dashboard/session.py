"""The reader's view inside a Streamlit session: read from the link on the first run, from the widgets after.

Each widget's key is its URL key and its value is the URL's own string ("3", "all", "France"), so the
one parser in dashboard/view.py reads both: the address on a session's first run, the widgets on every
later run. The router calls ``start()`` once per run before any widget is drawn (a page's own values,
such as ``?rec=``, are read from the address when the reader arrives on that page); pages call
``current()``; ``write_url()`` makes the address bar reopen exactly this view. Nothing else in the app
reads or writes ``st.query_params``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import labels, markdown
from dashboard.data.options import filter_options
from dashboard.routing import rerun_through_router
from dashboard.view import (
    ANY,
    PARAMS,
    PARAMS_BY_KEY,
    Dropped,
    View,
    page_keys,
    parse,
    parse_language,
)

_VIEW, _DROPPED, _VERSION = "_view", "_dropped", "_version"


def start(version: str, page: str) -> View:
    """This run's view of ``page`` on database ``version``; the widgets are seeded with it.

    A value the data no longer offers (after a rebuild) is dropped here as a link value would be.
    """
    first = _VIEW not in st.session_state
    raw = _url_params() if first else _widget_params()
    if not first and st.session_state[_VIEW].page != page:
        # Arriving on another page: its own values (?by=, ?role=, ?rec=) come from the address, as on a
        # first visit, not from a widget of an earlier visit.
        url = _url_params()
        for key in page_keys(page):
            if PARAMS_BY_KEY[key].pages is not None:
                raw[key] = url.get(key, [])
    parsed = parse(raw, filter_options(version).choices(version), page, today=date.today())
    _seed_widgets(parsed.view)
    st.session_state[_VIEW] = parsed.view
    st.session_state[_VERSION] = version
    st.session_state[_DROPPED] = parsed.dropped
    return parsed.view


def seed_language() -> None:
    """On a session's first run, set the interface language from the link (``start()`` checks it again)."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = parse_language(_url_params().get("lang", []))


def current() -> View:
    """The view the router made for this run (a page Streamlit started alone reruns through the router)."""
    if _VIEW not in st.session_state:
        rerun_through_router()
    return st.session_state[_VIEW]


def version() -> str:
    """The database version the router resolved for this run: every query of the run uses it."""
    if _VERSION not in st.session_state:
        rerun_through_router()
    return st.session_state[_VERSION]


def dropped() -> tuple[Dropped, ...]:
    """The link values this run set aside (shown once in ``notice()``)."""
    return st.session_state.get(_DROPPED, ())


def notice() -> None:
    """Name every dropped link value, as text, with the closest known value where one is close."""
    text = labels.dropped_notice(dropped(), escape=markdown.escape)
    if text:
        st.info(text)


def write_url(view: View) -> None:
    """Make the address bar show ``view``'s parameters; parameters that are not the view's stay as they are."""
    wanted: dict[str, list[str]] = {}
    for key, value in view.to_params():
        wanted.setdefault(key, []).append(value)
    for param in PARAMS:
        values = wanted.get(param.key, [])
        if st.query_params.get_all(param.key) == values:
            continue
        if values:
            st.query_params[param.key] = values if len(values) > 1 else values[0]
        else:
            del st.query_params[param.key]


def _url_params() -> dict[str, list[str]]:
    try:
        return {key: st.query_params.get_all(key) for key in st.query_params}
    except Exception:  # no address outside a running app
        return {}


def _widget_params() -> dict[str, list[str]]:
    """The widgets' values in URL form (a page-owned widget not on this page keeps its last value; a
    date widget's day is written YYYY-MM-DD)."""
    params: dict[str, list[str]] = {}
    for param in PARAMS:
        value = st.session_state.get(param.key)
        if value is None:
            continue
        params[param.key] = list(value) if param.multi else [str(value)]
    return params


def _seed_widgets(view: View) -> None:
    """Put each parameter's URL value into its widget's state, so the widgets show the view."""
    for param in PARAMS:
        values = param.wire(view)
        if param.multi:
            st.session_state[param.key] = list(values)
        elif param.key in _DAYS:  # a date widget holds a day, not its text
            st.session_state[param.key] = date.fromisoformat(values[0]) if values else None
        else:
            st.session_state[param.key] = values[0] if values else _UNSET.get(param.key, ANY)


# What a single-valued widget holds when its parameter is left out of the link.
_UNSET = {"lang": "en", "by": "count", "role": "lead", "rec": "", "chain": "", "q": ""}
# Parameters whose widget is a date input (None when left out).
_DAYS = ("as_of",)
