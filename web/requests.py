"""A plain HTTP request as the reader's view: the same parser, the same checks as the dashboard's links.

Share pages show what was dropped as a notice; the data API answers 400 with the same words. Both take
the database version once per request, so one answer never mixes two builds.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request

from dashboard.data.options import filter_options
from dashboard.db import current_version
from dashboard.view import Parsed, parse


def params_of(request: Request) -> dict[str, list[str]]:
    """The query string as key → every value given, in order (as ``st.query_params.get_all`` gives)."""
    params: dict[str, list[str]] = {}
    # Parsed as Starlette parses request.query_params (blank values kept), from the raw query string.
    for key, value in parse_qsl(request.url.query, keep_blank_values=True):
        params.setdefault(key, []).append(value)
    return params


def view_of(request: Request, page: str, version: str | None = None) -> tuple[str, Parsed]:
    """The published version this request reads, and its parsed view of ``page``.

    ``version``: the one the caller already resolved (e.g. for its ETag); by default the current one.
    Raises dashboard.db.DatabaseUnavailable when nothing is published (answer 503 with Retry-After).
    """
    version = version or current_version()
    return version, parse(params_of(request), filter_options(version).choices(version), page)
