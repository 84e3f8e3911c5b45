"""How the data API answers: JSON bodies, the meta block every answer carries, and the errors.

Errors are JSON ``{"error": "...", ...}`` with a status that says what to do: 400 for a parameter
(``dropped`` lists each with the closest known value), 404 for an unknown address, 409 when a ``next``
link outlived the data version it was made for, 503 with ``Retry-After`` before the first database is
published. Never a traceback: an unexpected failure is logged on the server and answered 500 in one line.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from dashboard.data.options import FilterOptions, filter_options
from dashboard.data.overview import build_info
from dashboard.db import DatabaseUnavailable, current_version
from dashboard.i18n import using_language
from dashboard.labels import describe, dropped_notice, illustrative_warning
from dashboard.view import Dropped, View
from web import caching
from web.api.query import DEFAULT_LIMIT, ApiQuery, read
from web.requests import params_of

log = logging.getLogger(__name__)
RETRY_AFTER_S = 10  # a first build of the bundled data takes a few seconds
# Anyone's page may read this public, read-only data from a script (no cookies are involved).
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": f"ETag, Link, X-Total-Count, {caching.VERSION_HEADER}",
}


def plain(value: object) -> object:
    """A cell as JSON takes it: numpy/pandas scalars as Python ones, missing values as None, dates ISO."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        value = value.tolist()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


def json_response(body: dict, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, default=str, separators=(",", ":"))
    return Response(
        text.encode("utf-8"),
        status_code=status,
        media_type="application/json; charset=utf-8",
        headers={**CORS, **(headers or {})},
    )


def error(status: int, message: str, **extra) -> Response:
    """A JSON error that no cache keeps (the same request may succeed after the next publish)."""
    return json_response({"error": message, **extra}, status, {"Cache-Control": "no-store"})


def bad_request(query: ApiQuery) -> Response:
    """400 with the dashboard's notice, in the link's language, and every dropped value."""
    with using_language(query.view.lang):
        message = dropped_notice(query.dropped)
    return error(400, message, dropped=[_dropped(d) for d in query.dropped])


def _dropped(item: Dropped) -> dict:
    return {"key": item.key, "value": item.shown().split("=", 1)[1], "suggestion": item.suggestion,
            "reason": item.reason}  # fmt: skip


def link(path: str, view: View, **extra: object) -> str:
    """A site-relative API address for ``view`` (its canonical parameters) plus ``extra`` ones."""
    pairs = view.to_params() + [(k, str(v)) for k, v in extra.items() if v is not None]
    return f"{path}?{urlencode(pairs)}"


def meta(version: str, query: ApiQuery, options: FilterOptions, illustrative: int) -> dict:
    """What every answer says about itself: the view in words, the dashboard link that shows it, the
    data version and build time, and the illustrative warning when made-up rows are in it. Call inside
    ``using_language(query.view.lang)``."""
    view = query.view
    info = build_info(version)
    return {
        "view": describe(view, options.ministry_labels(view.selection.ministries)),
        "dashboard": view.link(),
        "parameters": _grouped(view.to_params()),
        "language": view.lang,
        "data": {
            "version": caching.data_version(version),
            "built_at": plain(info.get("built_at")),
            "latest_assessment": plain(_day(info.get("latest_assessment"))),
        },
        "illustrative": illustrative,
        "notice": illustrative_warning(illustrative) if illustrative else None,
        "ignored": list(query.ignored),
    }


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return {k: v if len(v) > 1 or k in ("state", "theme", "ministry") else v[0] for k, v in grouped.items()}


def endpoint(answer: Callable[[Request], Response]) -> Callable:
    """A Starlette endpoint running ``answer`` in a worker thread (DuckDB blocks), answering 503 while
    no database is published and 500 in one line (logged with its traceback) on a bug."""

    def guarded(request: Request) -> Response:
        try:
            return answer(request)
        except DatabaseUnavailable:
            return unavailable()
        except Exception:
            log.exception("data API: %s failed", request.url.path)
            return error(500, "The server failed to answer; the error is in its log.")

    async def run(request: Request) -> Response:
        return await run_in_threadpool(guarded, request)

    run.__name__ = run.__qualname__ = answer.__name__
    run.__doc__ = answer.__doc__
    return run


def unavailable() -> Response:
    """503 with Retry-After: nothing is published yet (a new server builds on its first page view)."""
    response = error(503, "No data is published yet; the server is building it. Try again in a few seconds.")
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


@dataclass(frozen=True)
class Begun:
    """A request that passed the checks: the one database version it reads, its ETag, its query."""

    version: str
    tag: str
    query: ApiQuery
    options: FilterOptions
    looked_up: float  # time.time() when the version was resolved (the proxy's freshness counts from it)


def begin(request: Request, page: str, paged: bool) -> Begun | Response:
    """Resolve the data version once, then answer 304 (the client holds this answer), 400 (a parameter
    is wrong) or 409 (a ``next`` link of an older version); otherwise the request to answer.

    Raises DatabaseUnavailable when nothing is published (``endpoint`` answers 503).
    """
    version, looked_up = current_version(), time.time()
    tag = caching.etag(version, request)
    held = caching.not_modified(request, tag, version, looked_up)
    if held is not None:  # before any query: a revalidation costs a hash, not a DuckDB call
        held.headers.update(CORS)
        return held
    options = filter_options(version)
    query = read(params_of(request), options.choices(version), page, paged)
    if query.dropped:
        return bad_request(query)
    current = caching.data_version(version)
    if query.version is not None and query.version != current:
        return error(
            409,
            f"The data was published again (now version {current}) after this list was started "
            f"(version {query.version}); start again from the first page so no list mixes two versions.",
            first=link(request.url.path, query.view, limit=_limit(query)),
        )
    return Begun(version, tag, query, options, looked_up)


def _limit(query: ApiQuery) -> int | None:
    return None if query.limit == DEFAULT_LIMIT else query.limit
