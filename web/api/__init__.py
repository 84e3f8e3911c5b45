"""The data API, ``/api/v1/...``: the recommendations of any dashboard view as CSV or JSON, and the
counts a page shows, taking the same link parameters as the dashboard (docs/api.md)."""

from web.api.routes import ROUTES

__all__ = ["ROUTES"]
