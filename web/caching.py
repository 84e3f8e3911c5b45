"""HTTP caching for everything web/ answers: an ETag per (database version, code, address), revalidated.

``Cache-Control: public, no-cache`` lets a browser and the nginx recipe keep the body but ask before
using it again; the ETag names the published database version, the code that rendered it and the
exact address, so a republish (or a new deployment) changes it and nothing stale is ever served, while
an unchanged answer costs a 304 with no body.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

ROOT = Path(__file__).resolve().parent.parent
CACHE_CONTROL = "public, no-cache"


@cache
def code_id() -> str:
    """A digest of the code that renders answers (web/, dashboard/, vocab.py, the catalogs): a deployment
    of other code gives other ETags."""
    digest = hashlib.sha256()
    files = [*(ROOT / "web").rglob("*.py"), *(ROOT / "dashboard").rglob("*.py"), ROOT / "vocab.py",
             *(ROOT / "locales").rglob("*.po")]  # fmt: skip
    for path in sorted(files):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def etag(version: str, request: Request) -> str:
    """A strong ETag for the answer to ``request`` from database ``version`` (a real file path)."""
    key = "\0".join((Path(version).name, code_id(), request.url.path, request.url.query))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def not_modified(request: Request, tag: str) -> Response | None:
    """A 304 when the client already holds this answer (If-None-Match), else None."""
    asked = request.headers.get("if-none-match", "")
    if tag in {t.strip() for t in asked.split(",")} or asked.strip() == "*":
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": CACHE_CONTROL})
    return None


def cached(response: Response, tag: str) -> Response:
    """``response`` with the ETag and the revalidation policy set."""
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response
