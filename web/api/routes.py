"""The data API's addresses (app.py mounts ``ROUTES``); docs/api.md describes each.

The handlers' modules are imported on the first request, not when app.py is imported: the read side's
cached queries, decorated before Streamlit's runtime exists, would each log "No runtime found" at
start (web/canonical.py does the same).
"""

from __future__ import annotations

import importlib

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

CSV_PATH = "/api/v1/recommendations.csv"
JSON_PATH = "/api/v1/recommendations.json"
SUMMARY_PATH = "/api/v1/summary.json"
ENDPOINTS = {
    CSV_PATH: "The recommendations of a view as CSV: the Explorer's download, page by page.",
    JSON_PATH: "The same rows as JSON, with provenance, illustrative flags and a meta block.",
    SUMMARY_PATH: "The counts the Overview shows for a view, with the official totals.",
}
DOCS = "docs/api.md in the UPR Monitor repository"


def _on_first_use(module: str, name: str):
    """An endpoint that imports ``web.api.<module>`` when first asked and hands the request to ``name``."""

    async def endpoint(request: Request) -> Response:
        handler = getattr(importlib.import_module(f"web.api.{module}"), name)
        return await handler(request)

    endpoint.__name__ = f"{module}_{name}"
    return endpoint


async def index(request: Request) -> Response:
    """GET /api/v1: what there is to ask for."""
    from web.api.answers import json_response

    return json_response({"endpoints": ENDPOINTS, "documentation": DOCS})


async def not_found(request: Request) -> Response:
    """Any other address under /api/: a JSON 404 naming what exists (never the dashboard's HTML)."""
    from web.api.answers import error

    path = request.url.path[:200]  # shown as JSON text, never as HTML
    return error(404, f"There is no {path} in this API.", endpoints=list(ENDPOINTS))


ROUTES = [
    Route(CSV_PATH, _on_first_use("recommendations", "csv_answer"), methods=["GET"]),
    Route(JSON_PATH, _on_first_use("recommendations", "json_answer"), methods=["GET"]),
    Route(SUMMARY_PATH, _on_first_use("summary", "answer"), methods=["GET"]),
    Route("/api/v1", index, methods=["GET"]),
    Route("/api/v1/", index, methods=["GET"]),
    Route("/api/{rest:path}", not_found),
]
