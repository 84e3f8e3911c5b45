"""Every download arrives on the first click, holds the rows it announces, says whether illustrative
rows are behind it (in its name and in a column), and links each listed recommendation to its document.

No retries: a reader does not retry. The clicks are paced at five a second, about as fast as a
person can click: Chromium itself drops a download that starts within ~0.1 s of the tenth in a
second (measured on a plain HTML page with an ``<a download>`` link and nothing of Streamlit: clicks
10 and 21 of 30 were lost at full speed, none at 100 ms apart).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from benchmarks.harness import PAGES

pytestmark = pytest.mark.browser

BOM = b"\xef\xbb\xbf"
DOWNLOAD = re.compile(r"Download CSV \([\d,]+ rows?\)")
CLICKS = 30
PACE_MS = 200
# A view on each page with official and illustrative rows (all cycles: cycle 3 is illustrative) and
# one with official rows only (cycle 2).
MIXED = {name: f"/{path}?cycle=all" for name, path in PAGES.items()}
OFFICIAL = {name: f"/{path}?cycle=2" for name, path in PAGES.items()}
# Pages whose tables list every cycle of the review whatever the cycle filter (beside the official totals).
EVERY_CYCLE = {"overview", "about"}
# The Explorer lists a recommendation's assessments too when one is open.
MIXED["explore"] += "&rec=ILLUS-KHM-C3-001"


def open_tables(reader, path: str) -> None:
    """Open ``path`` with every collapsed expander open (tables may sit in "Table and CSV: ...")."""
    reader.open(path)
    closed = reader.page.locator(
        "[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary"
    )
    for _ in range(closed.count()):
        closed.first.click()


def buttons(reader):
    found = reader.page.get_by_role("button", name=DOWNLOAD)
    found.first.wait_for(timeout=20_000)
    return found


def download(reader, button) -> tuple[str, list[dict[str, str]]]:
    """Click ``button`` once; the file's name and its rows (the test fails if no file comes)."""
    with reader.page.expect_download(timeout=20_000) as info:
        button.click()
    body = Path(info.value.path()).read_bytes()
    name = info.value.suggested_filename
    assert body.startswith(BOM), f"{name}: Excel needs the BOM to read Khmer and accents"
    return name, list(csv.DictReader(io.StringIO(body[len(BOM) :].decode("utf-8"), newline="")))


@pytest.mark.parametrize("name", PAGES)
def test_thirty_clicks_in_a_row_give_thirty_files(reader, app_server, name):
    open_tables(reader, MIXED[name])
    found = buttons(reader)
    count = found.count()
    names = []
    for click in range(CLICKS):
        filename, rows = download(reader, found.nth(click % count))  # one click, no retry
        names.append(filename)
        reader.page.wait_for_timeout(PACE_MS)
    assert len(names) == CLICKS
    assert reader.unexpected_errors() == []
    assert "MediaFileStorageError" not in app_server.log.read_text(errors="replace")


def announced(button) -> int:
    return int(re.search(r"\(([\d,]+) rows?\)", button.inner_text()).group(1).replace(",", ""))


def illustrative_behind(filename: str, rows: list[dict[str, str]]) -> int:
    """How many illustrative rows the file says are behind it (its flag or its count column)."""
    columns = set(rows[0]) if rows else set()
    assert columns & {"illustrative", "illustrative_rows"}, f"{filename}: no illustrative column"
    if "illustrative" in columns:
        flags = {r["illustrative"] for r in rows}
        assert flags <= {"true", "false"}, f"{filename}: flags {flags} (data/ writes true/false)"
        return sum(r["illustrative"] == "true" for r in rows)
    return sum(int(r["illustrative_rows"]) for r in rows)


def check_links(filename: str, rows: list[dict[str, str]]) -> None:
    """Every row that names a document links to it, beside its paragraph."""
    if not rows or "document" not in rows[0]:
        return
    keys = list(rows[0])
    assert "document_url" in keys, f"{filename}: lists documents without a document_url column"
    assert keys.index("document_url") == keys.index("paragraph" if "paragraph" in keys else "document") + 1
    for row in rows:
        expected = f"https://undocs.org/{row['document']}" if row["document"] else ""
        assert row["document_url"] == expected, filename


@pytest.mark.parametrize("views", [MIXED, OFFICIAL], ids=["with-illustrative", "official-only"])
@pytest.mark.parametrize("name", PAGES)
def test_every_download_holds_its_rows_and_says_what_is_illustrative(reader, name, views):
    open_tables(reader, views[name])
    found = buttons(reader)
    marked = 0
    for index in range(found.count()):
        button = found.nth(index)
        filename, rows = download(reader, button)
        assert len(rows) == announced(button), filename
        behind = illustrative_behind(filename, rows)
        assert ("-includes-illustrative" in filename) == (behind > 0), (filename, behind)
        marked += behind > 0
        if rows and "id" in rows[0]:  # rows of recommendations: each says where it comes from
            assert "source" in rows[0], f"{filename}: no source column"
        check_links(filename, rows)
        reader.page.wait_for_timeout(PACE_MS)
    if views is OFFICIAL and name not in EVERY_CYCLE:
        assert marked == 0, f"/{PAGES[name]}: a cycle-2 view exports a file marked illustrative"
    if views is MIXED:
        assert marked >= 1, f"/{PAGES[name]}: a view with cycle 3 exports no file marked illustrative"
    assert reader.unexpected_errors() == []


def test_the_ministries_table_of_counts_is_marked_like_its_rows(reader):
    """An aggregate made only of illustrative assignments says so, though it has no per-row flag."""
    open_tables(reader, "/ministries?cycle=3")
    button = reader.page.get_by_role("button", name=DOWNLOAD).first
    filename, rows = download(reader, button)
    assert filename.startswith("upr-monitor-ministries-") and filename.endswith("-includes-illustrative.csv")
    assert all(int(r["illustrative_rows"]) == int(r["lead"]) + int(r["supporting"]) for r in rows)
