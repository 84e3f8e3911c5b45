"""UPR Monitor: the router and frame (page config, language, shared filters, navigation)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import bootstrap, filters
from dashboard.i18n import LANGUAGES, _, keep_choices_across_language_switch, remember_choices

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="UPR Monitor", page_icon="📋", layout="wide")
keep_choices_across_language_switch()
with st.sidebar:
    dropped: list[str] = []  # an unknown ?lang= gets the same notice as any other unknown link value
    filters.seed_from_url("lang", list(LANGUAGES), dropped)
    st.radio("Language / ភាសា", list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
filters.write_url(("lang",), [("lang", st.session_state["lang"])] if st.session_state["lang"] != "en" else [])
version = bootstrap.database_version_or_stop()
filters.render_sidebar(version, dropped)
navigation = st.navigation(
    [
        st.Page(PAGES / "overview.py", title=_("Overview"), url_path="", default=True),
        st.Page(PAGES / "acceptance.py", title=_("Acceptance"), url_path="acceptance"),
        st.Page(PAGES / "ministries.py", title=_("Progress by ministry"), url_path="ministries"),
        st.Page(PAGES / "noted.py", title=_("Noted recommendations"), url_path="noted"),
        st.Page(PAGES / "explore.py", title=_("Explorer"), url_path="explore"),
        st.Page(PAGES / "states.py", title=_("Recommending states"), url_path="states"),
        st.Page(PAGES / "about.py", title=_("About the data"), url_path="about"),
    ]
)
navigation.run()
remember_choices()
