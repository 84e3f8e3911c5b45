"""``python -m etl fetch uhri``: a UHRI-layout export served by the test itself from 127.0.0.1.

Each test copies the bundled data/ (Cambodia, cycle 3 illustrative) and publishes it first, then
fetches in one way the network can behave: normally, cut halfway and resumed, slowly (the progress
bar is seen in a real terminal), truncated, 404, an HTML page, offline. What is asserted is what a
user sees: the rows in data/ and in the published database, the message, the exit status, and on
failure data/ and the database byte for byte as they were. No test reaches the internet.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import openpyxl
import pytest

import paths
from benchmarks.uhri_export import upr_record, write_export
from etl import build
from etl.__main__ import main as etl_main
from etl.fetch import download
from tests.conftest import ROOT, read_csv

ETAG = '"uhri-export-v1"'
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cambodia's UPR recommendations in the test export (invented texts): 3 supported, 2 noted.
CAMBODIA = [
    upr_record("Cambodia", "110.1", "Supported", ["France"], 32, 5001),
    upr_record("Cambodia", "110.2", "Supported", ["Japan", "Thailand"], 32, 5002),
    upr_record("Cambodia", "110.3", "Noted", ["Norway"], 32, 5003),
    upr_record("Cambodia", "110.4", "Supported", ["Kenya"], 32, 5004),
    upr_record("Cambodia", "110.5", "Noted", ["Brazil"], 32, 5005),
]
IDS = [f"KHM-C3-110.{n}" for n in range(1, 6)]


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> tuple[bytes, dict[str, int]]:
    """A 2 MB export: the five Cambodia records among treaty-body, special-procedure and other-UPR records."""
    path = tmp_path_factory.mktemp("export") / "export-full-en.json"
    counts = write_export(path, CAMBODIA, 2 * 2**20)
    return path.read_bytes(), counts


class ExportServer:
    """One file at /export-full-en.json on 127.0.0.1, served in one of the ways real servers behave.

    mode: "normal" (ETag, Range, If-None-Match), "cut-once" (the first full transfer stops halfway),
    "cut-always" (never sends past 60 %), "slow" (32 kB every 20 ms), "404", "html" (a 200 web page).
    ``requests`` holds the headers of every request received.
    """

    def __init__(self, body: bytes, mode: str = "normal", name: str = "export-full-en.json"):
        self.body, self.mode, self.requests = body, mode, []
        self.content_type = "application/json" if name.endswith(".json") else XLSX_TYPE
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def do_GET(self):
                server.requests.append(dict(self.headers))
                server.handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/{name}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        if self.mode == "404":
            h.send_error(404, "Not Found")
            return
        if self.mode == "html":
            page = b"<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>"
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(page)))
            h.end_headers()
            h.wfile.write(page)
            return
        if h.headers.get("If-None-Match") == ETAG:
            h.send_response(304)
            h.end_headers()
            return
        start, ranged = 0, False
        found = re.fullmatch(r"bytes=(\d+)-", h.headers.get("Range", ""))
        if found and h.headers.get("If-Range") == ETAG:
            start, ranged = int(found.group(1)), True
        size = len(self.body)
        h.send_response(206 if ranged else 200)
        h.send_header("Content-Type", self.content_type)
        h.send_header("ETag", ETAG)
        h.send_header("Last-Modified", "Mon, 30 Nov 2026 06:00:00 GMT")
        h.send_header("Accept-Ranges", "bytes")
        h.send_header("Content-Length", str(size - start))
        if ranged:
            h.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        h.end_headers()
        end = size
        if self.mode == "cut-once" and len(self.requests) == 1:
            end = size // 2
        elif self.mode == "cut-always":
            end = max(start, size * 6 // 10)
        if self.mode == "slow":
            for offset in range(start, end, 32 * 1024):
                h.wfile.write(self.body[offset : min(offset + 32 * 1024, end)])
                h.wfile.flush()
                time.sleep(0.02)
        else:
            h.wfile.write(self.body[start:end])
        h.close_connection = True  # with end < size: the client sees the connection close early

    def __enter__(self) -> ExportServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the bundled data/, published once, and an empty download cache; no pauses between retries."""
    folder = Path(
        shutil.copytree(
            paths.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("upr.duckdb*", ".builds")
        )
    )
    build.run(folder, folder / "upr.duckdb")
    monkeypatch.setenv("UPR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(download, "RETRY_DELAYS", (0.0, 0.0, 0.0, 0.0))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (the CSVs, the published link's target, the builds) and its bytes."""
    files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    files["upr.duckdb -> "] = os.readlink(folder / "upr.duckdb").encode()
    return files


def fetch(capsys, url: str, folder: Path) -> tuple[int, str, str]:
    status = etl_main(["fetch", "uhri", "--state", "Cambodia", "--url", url, "--out", str(folder)])
    out, err = capsys.readouterr()
    return status, out, err


def published(folder: Path) -> list[tuple]:
    """Cambodia's published recommendations: (cycle, response, count, any illustrative)."""
    with duckdb.connect(str(folder / "upr.duckdb"), read_only=True) as con:
        return con.execute(
            "SELECT cycle, response, count(*), bool_or(illustrative) FROM recommendations "
            "WHERE state_under_review = 'Cambodia' GROUP BY ALL ORDER BY ALL"
        ).fetchall()


def source_of(url: str) -> str:
    """What every imported row must say: the export, the day its download finished (the sidecar's), the URL."""
    side = download.read_sidecar(download.cache_path(url, Path(os.environ["UPR_CACHE_DIR"])))
    return f"OHCHR Universal Human Rights Index export, downloaded {side['downloaded_at'][:10]} from {url}"


def assert_imported(folder: Path, out: str, url: str, counts: dict[str, int]) -> None:
    """The five Cambodia records are in data/ and published, in place of the illustrative cycle 3; the
    output says what was kept, what was left aside, what was replaced and the source it recorded."""
    source = source_of(url)
    assert (
        f"export-full-en.json: {sum(counts.values()):,} records read: kept 5 UPR records of Cambodia; left aside "
        f"{counts['treaty'] + counts['special']:,} of other bodies (treaty bodies, special procedures...) "
        f"and {counts['upr-other']:,} of other states under review"
    ) in out
    assert f'every imported row names its source: "{source}"' in out
    rows = [r for r in read_csv(folder / "recommendations.csv") if r["cycle"] == "3"]
    assert [r["id"] for r in rows] == IDS
    assert {(r["illustrative"], r["source"]) for r in rows} == {("false", source)}
    assert [r["response"] for r in rows] == ["supported", "supported", "noted", "supported", "noted"]
    assert published(folder) == [
        (1, "supported", 134, False),  # cycles 1 and 2 untouched
        (2, "noted", 42, False),
        (2, "supported", 163, False),
        (3, "noted", 2, False),
        (3, "supported", 3, False),
    ]
    with duckdb.connect(str(folder / "upr.duckdb"), read_only=True) as con:
        assert con.execute("SELECT DISTINCT source FROM recommendations WHERE cycle = 3").fetchall() == [
            (source,)
        ]


def test_normal_transfer_imports_and_publishes(data: Path, capsys, export) -> None:
    body, counts = export
    assert published(data)[-2:] == [(3, "noted", 25, True), (3, "supported", 173, True)]
    with ExportServer(body) as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 0, err
    assert_imported(data, out, server.url, counts)
    assert "replaced 198 illustrative rows of Cambodia cycle 3 with the imported list" in out
    # Assignments and progress that referred to the illustrative rows went with them.
    assert "removed 1200 illustrative progress.csv rows that referred to replaced recommendations" in out
    assert not [r for r in read_csv(data / "progress.csv") if r["recommendation_id"].startswith("ILLUS-")]
    # The cached copy, its sidecar, and the kept records a user can import again by hand.
    cached = download.cache_path(server.url, Path(os.environ["UPR_CACHE_DIR"]))
    side = download.read_sidecar(cached)
    assert cached.read_bytes() == body and side["size"] == len(body) and side["url"] == server.url
    assert "downloaded 2.0 MB in " in out and f"(SHA-256 {side['sha256']}) to {cached}" in out
    kept = cached.with_name("export-full-en.upr-KHM.json")
    assert [r["AnnotationId"] for r in json.loads(kept.read_text())] == [
        "5001",
        "5002",
        "5003",
        "5004",
        "5005",
    ]
    # Not a terminal: no bar, the final line only (a step is a tenth of the file, at least 10 MB).
    assert "\r" not in err and "%|" not in err


def test_second_fetch_reuses_the_unchanged_download(data: Path, capsys, export) -> None:
    with ExportServer(export[0]) as server:
        assert fetch(capsys, server.url, data)[0] == 0
        capsys.readouterr()
        status, out, err = fetch(capsys, server.url, data)
    assert status == 0, err
    assert server.requests[-1].get("If-None-Match") == ETAG and len(server.requests) == 2
    assert "unchanged since the download of " in out and "using the cached copy" in out
    assert "replaced 5 official rows of Cambodia cycle 3 with the imported list" in out
    assert_imported(data, out, server.url, export[1])


def test_transfer_cut_halfway_is_resumed(data: Path, capsys, export) -> None:
    body, counts = export
    with ExportServer(body, "cut-once") as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 0, err
    half = len(body) // 2
    assert (
        f"the transfer broke after {half / 2**20:,.1f} MB of {len(body) / 2**20:,.1f} MB (the server closed the "
        "connection before the end); trying again (attempt 2 of 5)"
    ) in err
    assert server.requests[1]["Range"] == f"bytes={half}-" and server.requests[1]["If-Range"] == ETAG
    assert download.cache_path(server.url, Path(os.environ["UPR_CACHE_DIR"])).read_bytes() == body
    assert_imported(data, out, server.url, counts)


def test_slow_transfer_shows_a_progress_bar_in_a_terminal(tmp_path: Path, data: Path, export) -> None:
    """In a real terminal (a pty), the bar advances while the bytes arrive; then the import runs."""
    body, _ = export
    with ExportServer(body, "slow") as server:
        env = dict(os.environ, UPR_CACHE_DIR=str(tmp_path / "tty-cache"))
        command = [sys.executable, "-m", "etl", "fetch", "uhri", "--state", "Cambodia", "--url", server.url,
                   "--out", str(data)]  # fmt: skip
        primary, secondary = pty.openpty()
        # A terminal of 100 columns by 30 lines, as a real one reports its size (a new pty says 0 x 0).
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=secondary, stdout=secondary, stderr=secondary
        )
        os.close(secondary)
        screen = b""
        while True:
            ready, _, _ = select.select([primary], [], [], 60)
            try:
                chunk = os.read(primary, 65536) if ready else b""
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            screen += chunk
        status = process.wait(timeout=60)
        os.close(primary)
    text = screen.decode("utf-8", "replace")
    assert status == 0, text
    shares = [int(p) for p in re.findall(r"downloading export-full-en\.json:\s+(\d+)%\|", text)]
    assert len(set(shares)) >= 4 and shares == sorted(shares) and shares[-1] == 100, shares
    assert "replaced 198 illustrative rows of Cambodia cycle 3" in text


def _assert_refused(
    status: int, out: str, err: str, url: str, reason: str, before: dict, folder: Path
) -> None:
    lines = err.strip().splitlines()
    assert status == 2
    assert lines[-1] == (
        f"error: {url}: {reason}; download it in a browser, then: "
        f"python -m etl import uhri FILE --out {folder} --state Cambodia"
    ), lines[-1]
    assert "Traceback" not in err
    assert snapshot(folder) == before
    assert "replaced" not in out


def test_truncated_transfer_is_never_imported(data: Path, capsys, export) -> None:
    """A server that never sends past 60 %: five attempts, each resumed where the last one broke, then refused."""
    body, _ = export
    before = snapshot(data)
    with ExportServer(body, "cut-always") as server:
        status, out, err = fetch(capsys, server.url, data)
    got = len(body) * 6 // 10
    assert err.count(f"the transfer broke after {got / 2**20:,.1f} MB of ") == 5
    assert err.count("; trying again (attempt ") == 4
    assert [r.get("Range") for r in server.requests] == [None] + [f"bytes={got}-"] * 4
    _assert_refused(
        status, out, err, server.url,
        f"the transfer broke after {got / 2**20:,.1f} MB of {len(body) / 2**20:,.1f} MB (the server closed the "
        "connection before the end); gave up after 5 attempts",
        before, data,
    )  # fmt: skip


def test_cut_json_with_honest_length_is_detected_and_not_imported(data: Path, capsys, export) -> None:
    """A mirror that serves a file cut short (its Content-Length matching): the JSON check catches it."""
    body, _ = export
    before = snapshot(data)
    with ExportServer(body[: len(body) // 2]) as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 2
    assert re.search(
        rf"^error: {re.escape(server.url)}: the download is not a complete export: not well-formed JSON near byte "
        r"[\d,]+ of [\d,]+ \(.+\); it was removed from the cache and nothing was imported; download it in a browser",
        err.strip().splitlines()[-1],
    ), err
    assert snapshot(data) == before
    assert not download.cache_path(server.url, Path(os.environ["UPR_CACHE_DIR"])).exists()


def test_404(data: Path, capsys, export) -> None:
    before = snapshot(data)
    with ExportServer(export[0], "404") as server:
        status, out, err = fetch(capsys, server.url, data)
    _assert_refused(status, out, err, server.url, "HTTP 404 Not Found", before, data)


def test_html_page_instead_of_json(data: Path, capsys, export) -> None:
    before = snapshot(data)
    with ExportServer(export[0], "html") as server:
        status, out, err = fetch(capsys, server.url, data)
    _assert_refused(
        status,
        out,
        err,
        server.url,
        "the server answered with a web page (text/html), not the export",
        before,
        data,
    )


def test_offline_connection_refused(data: Path, capsys) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/export-full-en.json"
    before = snapshot(data)
    started = time.perf_counter()
    status, out, err = fetch(capsys, url, data)
    _assert_refused(status, out, err, url, "connection refused", before, data)
    assert time.perf_counter() - started < 10  # no retries when nothing answers at all


def test_a_build_the_import_would_break_changes_nothing(data: Path, capsys, export) -> None:
    """A monitor's own (non-illustrative) assessment of an illustrative row: the merge keeps it, the
    build then refuses the dangling reference; data/ and the database stay as they were."""
    progress = data / "progress.csv"
    progress.write_text(
        progress.read_text(encoding="utf-8")
        + "ILLUS-KHM-C3-001,2026-10-01,civil_society,not_implemented,,,A monitor,false\n",
        encoding="utf-8",
    )
    build.run(data, data / "upr.duckdb")
    before = snapshot(data)
    with ExportServer(export[0]) as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 2
    assert (
        "WARNING: kept 1 non-illustrative progress.csv rows whose recommendation is no longer in the data"
        in err
    )
    assert (
        "progress.csv:2: recommendation_id: ILLUS-KHM-C3-001: not found: expected an id from recommendations.csv"
        in err
    )
    assert err.strip().splitlines()[-1] == (
        "1 problem(s) with the import merged in (lines as the import would write the files); nothing was changed "
        f"({data} and {data / 'upr.duckdb'} are as they were)."
    )
    assert snapshot(data) == before


def test_excel_export_by_url(data: Path, capsys, tmp_path: Path) -> None:
    """``--url ...xlsx``: the Excel form of the export (Excel columns, "- " prefixes, a title row) is read
    row by row and imported the same way."""
    columns = ["Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "UPR Reccomending States",
               "UPR Position", "Type", "OHCHR Annotation Id", "UPR Session"]  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Universal Human Rights Index export"])  # a title row above the header
    sheet.append(columns)
    rows = [
        ("- 110.1 Example invented text", "- Cambodia", "- UPR", "- A/HRC/41/17", "- Right to education", "- France", "- Supported", "- Recommendations", "- 1", "- 32 Session"),
        ("- 12. Example concern", "- Cambodia", "- CRC", "- CRC/C/KHM/CO/2", "- Right to education", None, None, "- Concerns/Observations", "- 2", None),
        ("- 110.2 Example invented text", "- Cambodia", "- UPR", "- A/HRC/41/17", "- Right to health", "- Japan\n- Thailand", "- Noted", "- Recommendations", "- 3", "- 32 Session"),
        ("- 99.1 Example invented text", "- Viet Nam", "- UPR", "- A/HRC/41/7", "- Right to health", "- Peru", "- Supported", "- Recommendations", "- 4", "- 32 Session"),
        ("- 8. Example recommendation", "- Cambodia", "- Special Rapporteur on the situation of human rights in Cambodia", "- A/HRC/42/60", None, None, None, "- Recommendations", "- 5", None),
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "export.xlsx")
    with ExportServer((tmp_path / "export.xlsx").read_bytes(), name="export-full-en.xlsx") as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 0, err
    assert (
        "export-full-en.xlsx: 5 records read: kept 2 UPR records of Cambodia; left aside 2 of other bodies "
        "(treaty bodies, special procedures...) and 1 of other states under review"
    ) in out
    assert "replaced 198 illustrative rows of Cambodia cycle 3 with the imported list" in out
    assert published(data)[-2:] == [(3, "noted", 1, False), (3, "supported", 1, False)]
    recs = {r["id"]: r for r in read_csv(data / "recommendations.csv") if r["cycle"] == "3"}
    assert recs["KHM-C3-110.2"]["recommending_states"] == "Japan | Thailand"
    assert recs["KHM-C3-110.1"]["source"] == source_of(server.url)


def test_an_export_without_the_state_changes_nothing(data: Path, capsys, tmp_path: Path) -> None:
    path = tmp_path / "export-full-en.json"
    counts = write_export(path, [], 200_000)
    before = snapshot(data)
    with ExportServer(path.read_bytes()) as server:
        status, out, err = fetch(capsys, server.url, data)
    assert status == 2
    assert f"{sum(counts.values()):,} records read: kept 0 UPR records of Cambodia" in out
    assert err == f"error: {server.url}: no UPR records of Cambodia in the export; nothing was changed\n"
    assert snapshot(data) == before
