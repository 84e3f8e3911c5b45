"""Tidy a page address on the server, by redirect, so that the app finds nothing to rewrite.

A link such as ``/noted?cycle=2&response=any#the-noted-recommendations`` means "today's default state
under review" and carries a value equal to its default; the app writes the canonical address (with
``sur=``, without ``response=any``) so that a copied address keeps its meaning. Streamlit's frontend
drops the ``#fragment`` whenever the script changes the query string, so the server tidies first, with
a redirect: a browser keeps the fragment across a redirect whose target has none (RFC 9110, 10.2.2),
and the script then finds nothing to rewrite, so the anchor a reader or an embed added survives.

Values the data does not know are kept in the target as given, so the app still names them in its
notice (and then tidies the address itself). Parameters that are not the view's (``embed``, a
``fbclid`` a chat app added) are kept as they are. The redirect is temporary (302, not cached):
tomorrow's default cycle may be another one. Any failure (no database yet, on a new server's first
request) lets the request through unchanged: the app then writes the address itself.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse

from dashboard.db import DatabaseUnavailable, current_version
from dashboard.view import PAGE_PATHS, PARAMS_BY_KEY, parse

log = logging.getLogger(__name__)


def canonical_query(page: str, query: str) -> str | None:
    """The canonical query string of ``page?query``, or None when ``query`` already is it.

    Raises DatabaseUnavailable when there is no published database to take the defaults from.
    """
    from dashboard.data.options import filter_options  # the read side, imported on first use

    pairs = parse_qsl(query, keep_blank_values=True)
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    version = current_version()
    parsed = parse(params, filter_options(version).choices(version), page)
    kept = {(d.key, d.value) for d in parsed.dropped}  # for the app's notice
    target = parsed.view.to_params()
    target += [(key, value) for key, value in pairs if (key, value) in kept]
    target += [(key, value) for key, value in pairs if key not in PARAMS_BY_KEY]
    if sorted(target) == sorted(pairs):
        return None
    return urlencode(target)


class CanonicalAddress:
    """ASGI middleware: redirect a page request whose address is not canonical to the canonical one."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            page = scope["path"].strip("/")
            if page in PAGE_PATHS and scope["path"] in (f"/{page}", "/"):
                try:
                    query = scope["query_string"].decode("latin-1")
                    completed = await run_in_threadpool(canonical_query, page, query)
                except DatabaseUnavailable:
                    completed = None
                except Exception:  # never let a tidier address cost a reader the page
                    log.exception("could not complete the address of %s", scope["path"])
                    completed = None
                if completed is not None:
                    response = RedirectResponse(
                        f"/{page}?{completed}" if completed else f"/{page}",
                        status_code=302,
                        headers={"Cache-Control": "no-store"},
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
