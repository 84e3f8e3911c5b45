"""``/api/v1/summary.json``: the counts the Overview shows for a view, from the Overview's own queries.

The headline (received, supported, noted, answered, awaiting the answer, position not read, acceptance
rate over the answered, recommending states, illustrative rows: ``overview.headline``), the review's
official totals with their source and the Overview's sentence for them (``overview.official``,
``wording.official_totals_line``; none for all cycles) and the Overview's table of every cycle of the
state under review beside its official totals, with whether they reconcile (``overview.reviews``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from dashboard import wording
from dashboard.data import overview
from dashboard.i18n import using_language
from web import caching
from web.api.answers import begin, endpoint, json_response, meta, plain

PAGE = ""  # the Overview: its link parameters are these
COUNTS = ("received", "supported", "noted", "answered", "pending", "unclassified", "recommending_states",
          "illustrative")  # fmt: skip
OFFICIAL = ("received", "supported", "noted", "recommending_states")
CYCLE_COLUMNS = ("cycle", "year", "document", "received", "supported", "noted", "rejected", "pending",
                 "unclassified", "rate", "recommending_states", "official_received", "official_supported",
                 "official_noted", "official_rejected", "official_recommending_states", "reconciles",
                 "illustrative", "official_source", "official_source_url", "official_note")  # fmt: skip


@endpoint
def answer(request: Request) -> Response:
    """GET /api/v1/summary.json"""
    begun = begin(request, PAGE, paged=False)
    if isinstance(begun, Response):
        return begun
    query, version = begun.query, begun.version
    selection = query.view.selection
    with using_language(query.view.lang):
        head = overview.headline(version, selection)
        official = overview.official(version, selection)
        reviews = overview.reviews(version, selection.state_under_review)
        body = {
            "meta": meta(version, query, begun.options, int(head["illustrative"])),
            "headline": {**{k: int(head[k]) for k in COUNTS}, "rate": plain(head["rate"])},
            "official": None
            if official is None
            else {
                **{k: int(official[f"official_{k}"]) for k in OFFICIAL},
                "rejected": plain(official.get("official_rejected")),  # of the noted, where a source says so
                "sentence": wording.official_totals_line(official),  # as the Overview says it
                "source": plain(official["official_source"]),
                "source_url": plain(official["official_source_url"]),
                "note": plain(official["official_note"]),
                "reconciles": bool(official["reconciles"]),
            },
            "cycles": [{k: plain(record[k]) for k in CYCLE_COLUMNS} for record in reviews.to_dict("records")],
        }
    return caching.cached(json_response(body), begun.tag, version, begun.looked_up)
