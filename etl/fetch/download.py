"""Download one file into the cache folder: streamed, resumed after a break, checked, described.

``download(url, folder, kind)`` keeps the file at ``folder/HOST/PATH`` (the URL's own path, so a user
can find it) with a sidecar ``NAME.download.json`` giving the URL, the download time (UTC), the size
in bytes, the SHA-256 and the server's validators (ETag, Last-Modified). While the transfer runs the
bytes go to ``NAME.part`` (with its own sidecar): a transfer that breaks is resumed with an HTTP
Range request, in the same run (a few retries, with growing pauses) or in the next one, and only a
complete file (its size equal to the server's Content-Length) becomes ``NAME``. A later run asks
the server whether the file changed (If-None-Match / If-Modified-Since) and reuses the cached copy
when it did not.

Everything that goes wrong ends in ``DownloadError`` with a short reason ("connection refused",
"HTTP 404 Not Found", "the server answered with a web page (text/html), not the export").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import httpx

from etl.fetch.progress import Progress, megabytes

# Pauses before the 2nd, 3rd... attempt after a broken transfer or a passing server error (seconds).
RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0)
# A 360 MB export from a slow server: no overall limit, but a silent connection is given up.
TIMEOUT = httpx.Timeout(60.0, connect=15.0)
USER_AGENT = "UPR-Monitor (python -m etl fetch)"
SIDECAR = ".download.json"
_PASSING = {408, 425, 429, 500, 502, 503, 504}  # statuses worth another try
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


class DownloadError(Exception):
    """Why a download failed, as one short phrase; nothing usable was kept."""


class _Retry(Exception):
    """A failure worth another attempt (a broken transfer, a passing server error)."""


@dataclass(frozen=True)
class Download:
    """A complete file in the cache and what its sidecar says about it."""

    path: Path
    url: str
    downloaded_at: str  # ISO 8601, UTC, when the last byte arrived
    size: int  # bytes
    sha256: str  # hex
    reused: bool = False  # the server said the file had not changed: the cached copy was used

    @property
    def date(self) -> str:
        """The download day, YYYY-MM-DD (UTC)."""
        return self.downloaded_at[:10]


def cache_path(url: str, folder: Path) -> Path:
    """Where ``url`` is kept under ``folder``: ``HOST/PATH``, each part reduced to safe characters."""
    parts = urlsplit(url)
    segments = [_SAFE.sub("_", s) for s in parts.path.split("/") if s not in ("", ".", "..")]
    name = segments.pop() if segments else "download"
    if parts.query:  # the same path with another query is another file
        name = f"{hashlib.sha256(parts.query.encode()).hexdigest()[:8]}-{name}"
    return folder.joinpath(_SAFE.sub("_", parts.netloc) or "local", *segments, name)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR)


def read_sidecar(path: Path) -> dict | None:
    """The sidecar of ``path`` as a dict, or ``None`` when absent or unreadable."""
    try:
        meta = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _write_sidecar(path: Path, meta: dict) -> None:
    side = sidecar_path(path)
    temp = side.with_name(side.name + ".tmp")
    temp.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, side)


def _forget(path: Path) -> None:
    path.unlink(missing_ok=True)
    sidecar_path(path).unlink(missing_ok=True)


def cached(url: str, folder: Path) -> Download | None:
    """The complete cached copy of ``url``, if there is one whose size matches its sidecar."""
    path = cache_path(url, folder)
    meta = read_sidecar(path)
    if not meta or meta.get("url") != url or not path.is_file() or path.stat().st_size != meta.get("size"):
        return None
    return Download(path, url, meta["downloaded_at"], meta["size"], meta["sha256"])


def download(
    url: str,
    folder: Path,
    kind: str,
    delays: tuple[float, ...] | None = None,
    stream: TextIO | None = None,
) -> Download:
    """Fetch ``url`` into ``folder`` (see the module docstring); ``kind`` is "json" or "xlsx".

    Raises DownloadError; progress and retries are reported on ``stream`` (stderr).
    """
    delays = RETRY_DELAYS if delays is None else delays
    stream = stream or sys.stderr
    target = cache_path(url, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    if part.exists() and (read_sidecar(part) or {}).get("url") != url:
        _forget(part)  # a leftover of another URL, or without its sidecar: cannot be resumed
    previous = cached(url, folder)
    attempts = len(delays) + 1
    with httpx.Client(
        follow_redirects=True,
        timeout=TIMEOUT,
        # identity: byte ranges must count the bytes of the file itself, not of a compressed stream.
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
    ) as client:
        for attempt in range(attempts):
            try:
                meta = _attempt(client, url, part, previous, kind, first=attempt == 0, stream=stream)
            except _Retry as exc:
                if attempt + 1 == attempts:
                    raise DownloadError(f"{exc}; gave up after {attempts} attempts") from None
                print(f"  {exc}; trying again (attempt {attempt + 2} of {attempts})", file=stream, flush=True)
                time.sleep(delays[attempt])
                continue
            break
    if meta is None:  # 304 Not Modified
        return Download(previous.path, url, previous.downloaded_at, previous.size, previous.sha256, True)
    return _finish(part, target, meta)


def _attempt(
    client: httpx.Client, url: str, part: Path, previous: Download | None, kind: str, first: bool, stream
) -> dict | None:
    """One request; the part file grows. Returns the transfer's metadata, or None for "not modified"."""
    have = part.stat().st_size if part.exists() else 0
    meta = read_sidecar(part) or {}
    validator = meta.get("validator")
    if have and not validator:  # nothing tells whether the rest would belong to the same file
        _forget(part)
        have = 0
    headers = {}
    if have and validator:
        # If-Range: the server sends only the rest if the file is still the one we have the start of,
        # and the whole file otherwise.
        headers |= {"Range": f"bytes={have}-", "If-Range": validator}
    elif previous is not None:
        old = read_sidecar(previous.path) or {}
        if old.get("etag"):
            headers["If-None-Match"] = old["etag"]
        if old.get("last_modified"):
            headers["If-Modified-Since"] = old["last_modified"]
    total = meta.get("size") if have else None
    try:
        with client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status == 304 and previous is not None and "Range" not in headers:
                return None
            if status == 416:  # the range no longer fits the file: start again
                _forget(part)
                raise _Retry("the server would not resume the transfer (HTTP 416)")
            if status in _PASSING:
                raise _Retry(f"HTTP {status} {response.reason_phrase}".strip())
            if status not in (200, 206):
                raise DownloadError(f"HTTP {status} {response.reason_phrase}".strip())
            content_type = response.headers.get("content-type", "")
            if "html" in content_type.lower():
                raise DownloadError(
                    f"the server answered with a web page ({content_type.split(';')[0].strip()}), not the export"
                )
            if status == 206:
                start, total = _content_range(response.headers.get("content-range", ""))
                if start != have:
                    _forget(part)
                    raise _Retry(f"the server resumed at byte {start:,} instead of {have:,}")
                mode = "ab"
            else:
                if have:
                    print("  the server sent the whole file again; starting over", file=stream, flush=True)
                have, mode = 0, "wb"
                length = response.headers.get("content-length")
                total = int(length) if length and length.isdigit() else None
                etag = response.headers.get("etag")
                modified = response.headers.get("last-modified")
                meta = {
                    "url": url,
                    "size": total,
                    "etag": etag,
                    "last_modified": modified,
                    "content_type": content_type,
                    # A weak ETag may not be used in If-Range (RFC 9110 13.1.5): then the date.
                    "validator": etag if etag and not etag.startswith("W/") else modified,
                }
                _write_sidecar(part, meta)
            _receive(response, part, mode, have, total, kind, stream)
    except httpx.TransportError as exc:
        if isinstance(exc, httpx.UnsupportedProtocol):
            raise DownloadError("not an http:// or https:// address") from None
        if first and isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            raise DownloadError(_reason(exc)) from None  # offline or refused: no point in waiting
        got = part.stat().st_size if part.exists() else 0
        of = f" of {megabytes(total)}" if total else ""
        raise _Retry(f"the transfer broke after {megabytes(got)}{of} ({_reason(exc)})") from None
    size = part.stat().st_size
    if total is not None and size != total:
        raise _Retry(f"received {size:,} of the {total:,} bytes announced")
    return meta


def _receive(response: httpx.Response, part: Path, mode: str, have: int, total, kind: str, stream) -> None:
    label = f"downloading {part.name.removesuffix('.part')}"
    with part.open(mode) as out, Progress(label, total, have, stream) as bar:
        head = b"" if have == 0 else None  # the first bytes, until they tell what the file is
        for chunk in response.iter_bytes():
            if head is not None:
                head += chunk
                if head.strip() or len(head) > 4096:
                    problem = _wrong_start(head, kind)
                    if problem:
                        out.close()
                        _forget(part)
                        raise DownloadError(problem)
                    head = None
            out.write(chunk)
            bar.update(len(chunk))


def _wrong_start(head: bytes, kind: str) -> str | None:
    """Why the first bytes cannot be the export (an HTML error page, another format), or None."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] == b"<":
        return "the server answered with a web page (HTML), not the export"
    if kind == "xlsx" and not head.startswith(b"PK"):
        return "the answer is not an Excel .xlsx file"
    if kind == "json" and start[:1] not in (b"[", b"{"):
        return f"the answer is not JSON (it starts with {start[:20]!r})"
    return None


def _content_range(value: str) -> tuple[int, int | None]:
    """``bytes START-END/TOTAL`` as (START, TOTAL); TOTAL None when given as ``*``."""
    found = re.fullmatch(r"\s*bytes\s+(\d+)-\d+/(\d+|\*)\s*", value)
    if not found:
        raise _Retry(f"the server resumed with an unreadable Content-Range ({value!r})")
    return int(found.group(1)), None if found.group(2) == "*" else int(found.group(2))


def _reason(exc: Exception) -> str:
    """A transport error as a short phrase: "connection refused", "no answer within 15 s"."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no answer within {TIMEOUT.connect:g} s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"the server sent nothing for {TIMEOUT.read:g} s"
    if isinstance(exc, httpx.RemoteProtocolError) and "peer closed" in str(exc):
        return "the server closed the connection before the end"
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(exc).strip()) or type(exc).__name__
    return text[:1].lower() + text[1:]


def _finish(part: Path, target: Path, meta: dict) -> Download:
    """Hash the complete part file, move it into place and write its sidecar."""
    digest = hashlib.sha256()
    with part.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    size = part.stat().st_size
    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    _forget(target)
    os.replace(part, target)
    _write_sidecar(
        target,
        {
            "url": meta["url"],
            "downloaded_at": when,
            "size": size,
            "sha256": digest.hexdigest(),
            "etag": meta.get("etag"),
            "last_modified": meta.get("last_modified"),
            "content_type": meta.get("content_type"),
        },
    )
    sidecar_path(part).unlink(missing_ok=True)
    return Download(target, meta["url"], when, size, digest.hexdigest())


def discard(download: Download) -> None:
    """Remove a cached file found unusable (not well-formed), so the next run downloads it again."""
    _forget(download.path)
