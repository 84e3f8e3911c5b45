"""UPR Monitor's server: the Streamlit dashboard (router.py) and, in the same process, plain HTTP.

``streamlit run app.py`` finds ``app`` and serves both (Streamlit's st.App); Community Cloud runs the
same command. The interactive dashboard is router.py with its pages; web/ holds what is answered
without a browser session.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

# web/ imports the read side, whose @st.cache_data functions are decorated before st.App starts the
# runtime: Streamlit then logs "No runtime found, using MemoryCacheStorageManager" once per function
# (41 lines in the terminal of anyone who runs the README's first command). The warning is about the
# decoration only: the real cache storage is chosen at a function's first call, once the runtime
# runs (Streamlit's server-asgi guide). Quiet for these imports only.
_decoration = logging.getLogger("streamlit.runtime.caching.cache_data_api")
_level = _decoration.level
_decoration.setLevel(logging.ERROR)
try:
    from web.api import ROUTES as API_ROUTES
    from web.canonical import CanonicalAddress
    from web.share.routes import ROUTES as SHARE_ROUTES
finally:
    _decoration.setLevel(_level)

routes = [
    # The data API, /api/v1/... (web/api/, docs/api.md)
    *API_ROUTES,
    # Share pages, their preview pictures and embeds, /share/... (web/share/)
    *SHARE_ROUTES,
]
app = st.App(Path(__file__).parent / "router.py", routes=routes, middleware=[Middleware(CanonicalAddress)])
