"""The share pages' HTTP routes, mounted by app.py beside the dashboard:

- ``/share/<page>?<the interactive link's parameters>`` (``/share/overview``, ``/share/`` and
  ``/share`` are the Overview): the page as HTML with no JavaScript; ``&embed=true`` without site
  chrome, for an iframe.
- ``/share/<page>/preview.png?<the same parameters>``: its link-preview picture, 1200 × 630.

Every answer carries the ETag of (database version, code, address) and is revalidated (web/caching.py),
plus a ``Server-Timing`` header with the milliseconds spent rendering it. Unknown page names get a 404
page linking to the Overview; parameter values the data does not know get the dashboard's notice.
Nothing published yet: 503 with Retry-After. The blocking work (DuckDB, rendering) runs in a thread.
"""

from __future__ import annotations

import time

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from dashboard.data.options import filter_options
from dashboard.db import DatabaseUnavailable, current_version
from dashboard.i18n import using_language
from dashboard.view import page_of_share_name, parse, parse_language
from web.caching import cached, etag, not_modified
from web.requests import params_of
from web.share import content, page, preview
from web.share.cache import PAGES, PICTURES

RETRY_AFTER_S = "5"
EMBED_VALUES = ("true", "1", "yes")


def _timed(response: Response, started: float) -> Response:
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


def answer(request: Request, image: bool = False) -> Response:
    """The share page (or its preview picture) that ``request`` asks for."""
    started = time.perf_counter()
    params = params_of(request)
    name = request.path_params.get("name", "").rstrip("/")  # /share/noted/ is /share/noted
    target = page_of_share_name(name)
    lang = parse_language(params.get("lang", []))
    if target is None:
        with using_language(lang):
            body = page.not_found(name, lang)
        return _timed(HTMLResponse(body, status_code=404, headers={"Cache-Control": "no-store"}), started)
    try:
        version, looked_up = current_version(), time.time()  # the proxy's freshness counts from here
        tag = etag(version, request)
        if (unchanged := not_modified(request, tag, version, looked_up)) is not None:
            return _timed(unchanged, started)
        store = PICTURES if image else PAGES  # kept by ETag: a link read again costs no query
        body = store.get(tag)
        if body is None:
            parsed = parse(params, filter_options(version).choices(version), target)
            with using_language(parsed.view.lang):
                if image:
                    body = preview.png(version, parsed)
                else:
                    doc = content.document(version, parsed)
                    embed = (params.get("embed") or [""])[-1].strip().lower() in EMBED_VALUES
                    base = page.public_base(str(request.base_url))
                    body = page.html(doc, version, base, embed=embed).encode()
            store.put(tag, body)
    except DatabaseUnavailable:
        return _timed(unavailable(lang), started)
    response = Response(body, media_type="image/png") if image else HTMLResponse(body)
    return _timed(cached(response, tag, version, looked_up), started)


def unavailable(lang: str) -> Response:
    with using_language(lang):
        body = page.unavailable(lang)
    return HTMLResponse(
        body, status_code=503, headers={"Retry-After": RETRY_AFTER_S, "Cache-Control": "no-store"}
    )


async def share_page(request: Request) -> Response:
    return await run_in_threadpool(answer, request)


async def preview_image(request: Request) -> Response:
    return await run_in_threadpool(answer, request, True)


ROUTES = [
    Route("/share", share_page),
    Route("/share/", share_page),
    Route("/share/{name}", share_page),
    Route("/share/{name}/preview.png", preview_image),
    Route("/share/{name:path}", share_page),  # anything else under /share/: the 404 page
]
