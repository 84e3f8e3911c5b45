"""A table's CSV download holds exactly the rows the page says, marked with source and illustrative."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import is_placeholder

from benchmarks.harness import PAGES

pytestmark = pytest.mark.browser

BOM = b"\xef\xbb\xbf"
# A filtered view on each page (all cycles, so the illustrative cycle 3 is in it too).
VIEWS = {name: f"/{path}?cycle=all&response=supported" for name, path in PAGES.items()}


@pytest.mark.parametrize("name", PAGES)
def test_every_download_holds_the_rows_it_announces(reader, name):
    reader.open(VIEWS[name])
    buttons = reader.page.get_by_role("button", name=re.compile(r"Download CSV \([\d,]+ rows\)"))
    if buttons.count() == 0:
        if is_placeholder(name) or name == "about":
            pytest.skip(f"/{PAGES[name]} has no table to download (yet)")
        pytest.fail(f"/{PAGES[name]} shows no 'Download CSV' button")
    for index in range(buttons.count()):
        button = buttons.nth(index)
        announced = int(re.search(r"\(([\d,]+) rows\)", button.inner_text()).group(1).replace(",", ""))
        with reader.page.expect_download() as info:
            button.click()
        body = open(info.value.path(), "rb").read()
        assert body.startswith(BOM), "Excel needs the BOM to read Khmer and accents"
        rows = list(csv.DictReader(io.StringIO(body[len(BOM) :].decode("utf-8"), newline="")))
        assert len(rows) == announced
        assert {"source", "illustrative"} <= set(rows[0] if rows else {}), info.value.suggested_filename
        illustrative = any(r["illustrative"].lower() == "true" for r in rows)
        assert ("includes-illustrative" in info.value.suggested_filename) == illustrative
    assert reader.unexpected_errors() == []
