"""UPR Monitor's server: the Streamlit dashboard (router.py) and, in the same process, plain HTTP.

``streamlit run app.py`` finds ``app`` and serves both (Streamlit's st.App); Community Cloud runs the
same command. The interactive dashboard is router.py with its pages; web/ holds what is answered
without a browser session.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from web.api import ROUTES as API_ROUTES
from web.canonical import CanonicalAddress
from web.share.routes import ROUTES as SHARE_ROUTES

routes = [
    # The data API, /api/v1/... (web/api/, docs/api.md)
    *API_ROUTES,
    # Share pages, their preview pictures and embeds, /share/... (web/share/)
    *SHARE_ROUTES,
]
app = st.App(Path(__file__).parent / "router.py", routes=routes, middleware=[Middleware(CanonicalAddress)])
