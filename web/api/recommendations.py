"""``/api/v1/recommendations.csv`` and ``.json``: the Explorer's rows for any view, page by page.

One query, the Explorer's own (``dashboard.data.explore.matches``), so the API returns exactly the rows
of the same view's CSV download, in the same order. The CSV is the download's bytes: the same columns
with the statuses named in the link's language, cells neutralised against spreadsheet formulas
(``dashboard.exports.to_csv_bytes``), and ``-includes-illustrative`` in the file name when made-up rows
are in it. The JSON gives the same rows with the vocabularies' codes, lists as lists, where each row
comes from (``source``, ``document``, ``paragraph``, ``document_url``) and whether it is illustrative.

Long answers come in pages of ``limit`` rows (default 1,000, at most 5,000) from ``offset``; the
``next`` link (JSON ``next``, CSV ``Link: <...>; rel="next"``) pins the data version, so a list is
never stitched from two publishes.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from starlette.requests import Request
from starlette.responses import Response

from dashboard.data import explore
from dashboard.data.overview import build_info
from dashboard.exports import file_name, to_csv_bytes
from dashboard.i18n import using_language
from dashboard.labels import document_url, named_matches
from vocab import MULTI_SEPARATOR
from web import caching
from web.api.answers import CORS, Begun, begin, endpoint, json_response, link, meta, plain
from web.api.query import DEFAULT_LIMIT
from web.api.routes import CSV_PATH, JSON_PATH

PAGE = "explore"  # the dashboard page whose link parameters (``rec`` included) and download these are
LISTS = ("recommending_states", "themes")


def _answer(request: Request, path: str) -> Response:
    begun = begin(request, PAGE, paged=True)
    if isinstance(begun, Response):
        return begun
    query, version = begun.query, begun.version
    with using_language(query.view.lang):
        rows = explore.matches(version, query.view.selection, query.view.lang)
        part = rows.iloc[query.offset : query.offset + query.limit]
        end = query.offset + len(part)
        following = link(
            path,
            query.view,
            limit=None if query.limit == DEFAULT_LIMIT else query.limit,
            offset=end,
            version=caching.data_version(version),
        )
        following = following if end < len(rows) else None
        headers = {"X-Total-Count": str(len(rows))}
        if following:
            headers["Link"] = f'<{following}>; rel="next"'
        if path == CSV_PATH:
            response = _csv(begun, rows, part, headers)
        else:
            response = _json(begun, rows, part, following, headers)
    return caching.cached(response, begun.tag, version, begun.looked_up)


def _csv(begun: Begun, rows: pd.DataFrame, part: pd.DataFrame, headers: dict[str, str]) -> Response:
    name = "recommendations"
    if len(part) < len(rows):
        name += f"-rows-{begun.query.offset + 1}-{begun.query.offset + len(part)}"
    built = built_day(begun.version)
    headers["Content-Disposition"] = f'attachment; filename="{file_name(name, part, built)}"'
    return Response(
        to_csv_bytes(named_matches(part)),
        media_type="text/csv; charset=utf-8",
        headers={**CORS, **headers},
    )


def built_day(version: str) -> date:
    """The day ``version`` was built: the date in an export's file name (the same on every replica and
    for as long as this version is published, unlike today's date, so one ETag means one file)."""
    return build_info(version)["built_at"].date()


def _json(
    begun: Begun, rows: pd.DataFrame, part: pd.DataFrame, following: str | None, headers: dict[str, str]
) -> Response:
    query = begun.query
    body = {
        "meta": {
            **meta(begun.version, query, begun.options, int(rows["illustrative"].sum())),
            "counts": {
                "matching": len(rows),
                "offset": query.offset,
                "limit": query.limit,
                "returned": len(part),
            },  # fmt: skip
        },
        "next": following,
        "rows": _rows(part),
    }
    return json_response(body, headers=headers)


def _rows(part: pd.DataFrame) -> list[dict]:
    """The rows as JSON: the CSV's columns with codes, lists as lists, and each document's address.

    Column by column (``tolist``), not row by row: a page of 1,000 rows costs milliseconds, not tens.
    """
    columns = {}
    for name in part.columns:
        values = [plain(v) for v in part[name].astype(object).tolist()]
        if name in LISTS:
            values = [v.split(MULTI_SEPARATOR) if v else [] for v in values]
        columns[name] = values
        if name == "paragraph":
            columns["document_url"] = [document_url(d) for d in columns["document"]]
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


@endpoint
def csv_answer(request: Request) -> Response:
    """GET /api/v1/recommendations.csv"""
    return _answer(request, CSV_PATH)


@endpoint
def json_answer(request: Request) -> Response:
    """GET /api/v1/recommendations.json"""
    return _answer(request, JSON_PATH)
