"""Every table a page shows speaks to its reader: a header in the reader's language for each column
(never a database name like ``recommending_states``) and empty cells where a value is missing (never
the word "None", which reads like a value)."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import PAGES

KHMER = re.compile("[\u1780-\u17ff]")
# The explorer's detail view and its assessment history are tables too.
VIEWS = [(page, {}) for page in PAGES] + [("explore", {"rec": "ATL-C1-10.2"})]


def headers(table) -> dict[str, str]:
    """column → the header the reader sees (the column's own name where nothing sets one)."""
    config = json.loads(table.proto.columns or "{}")
    return {c: (config.get(c) or {}).get("label", c) for c in table.value.columns}


@pytest.mark.parametrize("page, params", VIEWS)
@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_column_has_a_header_in_the_readers_language(run_page, golden_db, page, params, lang):
    at = run_page(golden_db, page, params | {"lang": lang, "cycle": "all"})
    assert not at.exception
    assert at.dataframe, f"no table on /{page}"
    for table in at.dataframe:
        for column, header in headers(table).items():
            assert "_" not in header, f"/{page}: column {column} is headed {header!r}"
            if lang == "km":
                assert KHMER.search(header), (
                    f"/{page}?lang=km: column {column} is headed in English: {header!r}"
                )


@pytest.mark.parametrize("page, params", VIEWS)
def test_missing_values_show_as_empty_cells(run_page, golden_db, page, params):
    at = run_page(golden_db, page, params | {"cycle": "all"})
    for table in at.dataframe:
        frame = table.value
        text = [c for c in frame.columns if frame[c].dtype == object]
        assert not frame[text].isna().any().any(), f"/{page}: a missing value would show as None"
