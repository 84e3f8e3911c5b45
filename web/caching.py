"""HTTP caching for everything web/ answers: an ETag per (database version, code, address), revalidated.

The choice, and why:
- ``Cache-Control: public, no-cache``: a browser and the nginx recipe may keep an answer but must ask
  the server before using it again. Not ``max-age``: a republish must reach every reader at once, and
  a revalidation costs one round trip with no body (a 304), which is what a reader on a slow link pays
  for anyway. (nginx itself keeps answers for one second and then revalidates with this ETag:
  deploy/nginx/upr-monitor.conf.)
- A **strong** ETag naming the published database version (the versioned file the link points at),
  the code that rendered it (web/, dashboard/, vocab.py, the catalogs) and the exact address: a
  republish or a deployment of other code changes it, so nothing stale is served after either, and
  every replica of one deployment computes the same tag for the same answer (the nginx recipe
  balances readers across replicas freely). The body is built from that one version only.
- ``If-None-Match`` is compared weakly (RFC 9110, 13.1.2): nginx turns the tag into ``W/"..."`` when it
  gzips an answer, and a client sends that back.
- ``X-UPR-Data-Version`` on every answer (304s included) names the version it came from, so a reader,
  a cache or the load benchmark can check that no answer mixes two builds.
- ``X-Accel-Expires: @<time>`` tells nginx (which keeps an answer one second and removes this header
  before it reaches a reader) to count that second from the moment the answer's version was looked
  up, not from when the answer was done: an answer that took long under load, begun just before a
  republish, is not then served as fresh for another second after it (measured by the load benchmark:
  without it, answers of the previous version were still served 5 s after a republish).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

ROOT = Path(__file__).resolve().parent.parent
CACHE_CONTROL = "public, no-cache"
VERSION_HEADER = "X-UPR-Data-Version"
PROXY_SECONDS = 1  # how long the nginx recipe keeps an answer (deploy/nginx/upr-monitor.conf)


@cache
def code_id() -> str:
    """A digest of the code that renders answers (web/, dashboard/, vocab.py, the catalogs): a deployment
    of other code gives other ETags."""
    digest = hashlib.sha256()
    files = [*(p for p in (ROOT / "web").rglob("*") if p.is_file() and "__pycache__" not in p.parts),
             *(ROOT / "dashboard").rglob("*.py"), ROOT / "vocab.py", *(ROOT / "locales").rglob("*.po")]  # fmt: skip
    for path in sorted(files):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def data_version(version: str) -> str:
    """The public name of database ``version`` (a real file path): its file name without the suffix,
    e.g. ``upr-20261130T101500-123456789``. It changes with every publish (etl/publish.py)."""
    return Path(version).stem


def etag(version: str, request: Request) -> str:
    """A strong ETag for the answer to ``request`` from database ``version`` (a real file path)."""
    key = "\0".join((Path(version).name, code_id(), request.url.path, request.url.query))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def not_modified(
    request: Request, tag: str, version: str | None = None, looked_up: float | None = None
) -> Response | None:
    """A 304 when the client already holds this answer (If-None-Match, weak comparison), else None.

    ``version``: the database version the tag was made for, named in ``X-UPR-Data-Version``;
    ``looked_up``: when it was looked up (``time.time()``), for the proxy's freshness (see ``cached``).
    """
    asked = request.headers.get("if-none-match", "")
    if not asked:
        return None
    held = {_opaque(t) for t in asked.split(",")}
    if _opaque(tag) in held or "*" in held:
        return cached(Response(status_code=304), tag, version, looked_up)
    return None


def cached(
    response: Response, tag: str, version: str | None = None, looked_up: float | None = None
) -> Response:
    """``response`` with the ETag, the revalidation policy and, given them, the data version and the
    proxy's freshness counted from ``looked_up`` (``time.time()`` when the version was resolved)."""
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = CACHE_CONTROL
    if version is not None:
        response.headers[VERSION_HEADER] = data_version(version)
    if looked_up is not None:
        response.headers["X-Accel-Expires"] = f"@{int(looked_up) + PROXY_SECONDS}"
    return response
