"""UPR Monitor: the router and frame (page config, the reader's view, language, filters, navigation)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import bootstrap, session, sidebar
from dashboard.data.options import filter_options
from dashboard.i18n import LANGUAGES, _, keep_choices_across_language_switch, remember_choices

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="UPR Monitor", page_icon="📋", layout="wide")
keep_choices_across_language_switch()
session.seed_language()  # before any text: the frame, the build notices and the page titles are in it
version = bootstrap.database_version_or_stop()
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
view = session.start(version, navigation.url_path)
with st.sidebar:
    st.radio("Language / ភាសា", list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
sidebar.draw(filter_options(version))
session.notice()
session.write_url(view)
navigation.run()
remember_choices()
