"""UPR Monitor: the router and frame (page config, the reader's view, language, filters, navigation)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import bootstrap, components, session, sidebar
from dashboard.data.options import filter_options
from dashboard.i18n import (
    LANGUAGES,
    current_language,
    keep_choices_across_language_switch,
    remember_choices,
    using_language,
)
from dashboard.labels import page_title

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="UPR Monitor", page_icon="📋", layout="wide")
keep_choices_across_language_switch()
session.seed_language()  # before any text: the frame, the build notices and the page titles are in it
version = bootstrap.database_version_or_stop()
navigation = st.navigation(
    [
        st.Page(PAGES / "overview.py", title=page_title(""), url_path="", default=True),
        st.Page(PAGES / "acceptance.py", title=page_title("acceptance"), url_path="acceptance"),
        st.Page(PAGES / "ministries.py", title=page_title("ministries"), url_path="ministries"),
        st.Page(PAGES / "plan.py", title=page_title("plan"), url_path="plan"),
        st.Page(PAGES / "noted.py", title=page_title("noted"), url_path="noted"),
        st.Page(PAGES / "explore.py", title=page_title("explore"), url_path="explore"),
        st.Page(PAGES / "recurring.py", title=page_title("recurring"), url_path="recurring"),
        st.Page(PAGES / "states.py", title=page_title("states"), url_path="states"),
        about := st.Page(PAGES / "about.py", title=page_title("about"), url_path="about"),
    ]
)
view = session.start(version, navigation.url_path)
with st.sidebar:
    st.radio("Language / ភាសា", list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
# The language is fixed for the rest of the run: its catalog is looked up once, not at every label
# (a page at global scale labels thousands of names; each lookup read the session state and the
# catalog file's date).
with using_language(current_language()):
    sidebar.draw(filter_options(version), navigation.url_path)  # the page draws its own key filters
    session.notice()
    components.as_of_notice(view.selection)
    bootstrap.rejected_notice(version, about, view.on("about").to_params())
    session.write_url(view)
    navigation.run()
remember_choices()
