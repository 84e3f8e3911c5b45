"""The data API's addresses (app.py mounts ``ROUTES``); docs/api.md describes each."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.api import recommendations, summary
from web.api.answers import error, json_response

ENDPOINTS = {
    recommendations.CSV_PATH: "The recommendations of a view as CSV: the Explorer's download, page by page.",
    recommendations.JSON_PATH: "The same rows as JSON, with provenance, illustrative flags and a meta block.",
    "/api/v1/summary.json": "The counts the Overview shows for a view, with the official totals.",
}
DOCS = "docs/api.md in the UPR Monitor repository"


async def index(request: Request) -> Response:
    """GET /api/v1: what there is to ask for."""
    return json_response({"endpoints": ENDPOINTS, "documentation": DOCS})


async def not_found(request: Request) -> Response:
    """Any other address under /api/: a JSON 404 naming what exists (never the dashboard's HTML)."""
    path = request.url.path[:200]  # shown as JSON text, never as HTML
    return error(404, f"There is no {path} in this API.", endpoints=list(ENDPOINTS))


ROUTES = [
    Route(recommendations.CSV_PATH, recommendations.csv_answer, methods=["GET"]),
    Route(recommendations.JSON_PATH, recommendations.json_answer, methods=["GET"]),
    Route("/api/v1/summary.json", summary.answer, methods=["GET"]),
    Route("/api/v1", index, methods=["GET"]),
    Route("/api/v1/", index, methods=["GET"]),
    Route("/api/{rest:path}", not_found),
]
