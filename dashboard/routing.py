"""Every page runs inside the router (router.py): what a page does when Streamlit started it alone."""

from __future__ import annotations

import streamlit as st


def rerun_through_router() -> None:
    """Run router.py instead of a page that Streamlit started on its own.

    Until some session has called ``st.navigation``, Streamlit treats a folder named ``pages/`` next
    to the main script as an old-style multipage app and runs the page the URL names *without*
    router.py: a link straight to /about on a freshly started server would have no frame, no filters
    and no database (the router builds it on first start). Switching that mode off and rerunning
    sends the same URL through the router.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()
