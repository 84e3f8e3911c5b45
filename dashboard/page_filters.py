"""Each page's own search and key filters, drawn under its title, and a "did you mean" for a state's or
theme's name mistyped in the search (its buttons put the name in the search box or make it a filter)."""

from __future__ import annotations

import streamlit as st

from dashboard import markdown, names, search, session, sidebar
from dashboard.data.options import filter_options
from dashboard.i18n import _
from dashboard.view import View


def draw(view: View) -> None:
    """The page's own search and key filters, right under its title (the others are in the sidebar),
    and a "did you mean" for a state's or theme's name mistyped in the search."""
    options = filter_options(session.version())
    sidebar.draw_on_page(options, view.page)
    shown = names.current()
    found = search.suggestions(
        view.selection.search,
        {
            "state": {s: shown.state(s) for s in options.recommending_states},
            "theme": {t: shown.theme(t) for t in options.themes},
        },
    )
    kinds = {"state": _("a recommending state"), "theme": _("a theme")}
    for k, hint in enumerate(found):
        st.info(
            _("Did you mean {name} ({kind}) for “{typed}”?").format(
                name=markdown.escape(hint.shown), kind=kinds[hint.kind], typed=markdown.escape(hint.typed)
            ),
            icon="🔎",
        )
        left, right = st.columns(2)
        left.button(
            _("Search for {name}").format(name=markdown.escape(hint.shown)),
            key=f"suggest_search_{k}",
            on_click=_search_for,
            args=(view.selection.search, hint.typed, hint.name),
        )
        right.button(
            _("Show only recommendations from {name}").format(name=markdown.escape(hint.shown))
            if hint.kind == "state"
            else _("Show only the theme {name}").format(name=markdown.escape(hint.shown)),
            key=f"suggest_filter_{k}",
            on_click=_filter_by,
            args=(view.selection.search, hint.typed, hint.kind, hint.name),
        )


def _search_for(q: str, typed: str, name: str) -> None:
    """Button callback (before the next run draws the widgets): the search with the name spelt right."""
    st.session_state["q"] = search.replaced(q, typed, name)


def _filter_by(q: str, typed: str, kind: str, name: str) -> None:
    """Button callback: the name as a filter instead of a search word."""
    key = "state" if kind == "state" else "theme"
    st.session_state[key] = [*st.session_state.get(key, []), name]
    st.session_state["q"] = search.without(q, typed)
