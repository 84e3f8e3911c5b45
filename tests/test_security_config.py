"""The app's security promises (issue 6), each checked where it is kept: config, code, exports, pages.

docs/security.md lists the promises and names the test for each.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config as st_config

from dashboard.exports import FORMULA_STARTS, neutralise, to_csv_bytes
from etl import build
from tests.conftest import PAGES, ROOT
from tests.etl_helpers import replace_in

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
APP_CODE = sorted(
    [
        ROOT / "app.py",
        ROOT / "router.py",
        *(ROOT / "web").rglob("*.py"),
        *(ROOT / "pages").rglob("*.py"),
        *(ROOT / "dashboard").rglob("*.py"),
    ]
)


def test_every_setting_in_config_toml_is_a_streamlit_1_67_option():
    """A misspelt key is silently ignored by Streamlit: it would leave the default in force."""
    known = set(st_config._config_options_template)
    for section, values in CONFIG.items():
        if section.startswith("theme"):
            continue
        for key in values:
            assert f"{section}.{key}" in known, f"{section}.{key} is not a Streamlit option"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("client.toolbarMode", "viewer"),  # no rerun / clear cache / deploy / settings for visitors
        # "none": generic messages only. Not `false`: in 1.67 that is a deprecated alias of "stacktrace".
        ("client.showErrorDetails", "none"),
        ("client.disableDataExport", True),  # downloads only through dashboard/exports.py
        ("server.enableXsrfProtection", True),
        ("server.enableCORS", True),
        ("server.corsAllowedOrigins", []),
        ("server.maxUploadSize", 1),  # the smallest Streamlit accepts; there is no uploader anyway
        ("server.enableStaticServing", False),
        ("server.enableAgentApi", False),
        ("server.headless", True),
        ("server.runOnSave", False),
        ("server.fileWatcherType", "none"),
        ("browser.gatherUsageStats", False),
        ("runner.magicEnabled", False),
    ],
)
def test_config_toml_is_tight(name, value):
    section, key = name.split(".")
    assert CONFIG[section][key] == value


def test_allowed_hosts_is_documented_in_config_and_security_doc():
    assert "server.allowedHosts" in st_config._config_options_template
    config_text = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "# allowedHosts = [" in config_text
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    assert "allowedHosts" in doc and "server_name" in doc


FORBIDDEN = {
    r"\bfile_uploader\(": "a file uploader",
    r"\bcamera_input\(|\baudio_input\(": "a camera or microphone input",
    r"\bunsafe_allow_html\b": "raw HTML in Markdown",
    r"\bst\.html\(": "raw HTML",
    r"\bcomponents\.v1\b|\bcomponents\.html\(|\biframe\(": "a custom HTML component",
    r"\bdata_editor\(": "an editable table",
    r"\bexec\(|\beval\(": "code execution",
}


@pytest.mark.parametrize("path", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_has_no_uploads_no_raw_html_and_no_code_execution(path):
    text = path.read_text(encoding="utf-8")
    found = [what for pattern, what in FORBIDDEN.items() if re.search(pattern, text)]
    assert not found, f"{path.name}: {found}"


# --- exports -----------------------------------------------------------------------------------


def read_export(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel reads Khmer and accents right"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_an_exported_cell_starting_like_a_formula_is_neutralised(start):
    cell = f'{start}HYPERLINK("http://x","y")'
    rows = read_export(to_csv_bytes(pd.DataFrame({"text": [cell]})))
    assert rows == [["text"], ["'" + cell]]


def test_exports_keep_every_other_text_as_it_is_and_numbers_as_numbers():
    frame = pd.DataFrame(
        {
            "text": ["Plain", "ក្រសួងយុត្តិធម៌", "a=b", " =not at the start", "<script>x</script>", 'say "hi", ok'],
            "number": [-5, 0, 3, -1, 2, 1],
            "states": [["=evil", "France"], ["Chad"], [], ["Brazil", "Chad"], ["-x"], ["Poland"]],
        }
    )
    rows = read_export(to_csv_bytes(frame))
    assert rows[0] == ["text", "number", "states"]
    assert [r[0] for r in rows[1:]] == list(frame["text"])
    assert [r[1] for r in rows[1:]] == ["-5", "0", "3", "-1", "2", "1"]  # a negative number is not a formula
    assert [r[2] for r in rows[1:]] == ["'=evil | France", "Chad", "", "Brazil | Chad", "'-x", "Poland"]


def test_neutralise_leaves_non_text_alone():
    assert neutralise(-3) == -3 and neutralise(None) is None and neutralise("=1") == "'=1"


# --- data shown inert --------------------------------------------------------------------------

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold** [link](https://evil.example) ![i](https://evil.example/i.png)"
RAW_MARKS = ("<script>", "<img", "**bold**", "](https://evil", "![i]")


@pytest.fixture(scope="module")
def poisoned_db(tmp_path_factory) -> Path:
    """The golden data with HTML, script and Markdown in every text a page may show."""
    import shutil

    from tests.conftest import GOLDEN

    folder = tmp_path_factory.mktemp("poisoned")
    data = Path(shutil.copytree(GOLDEN, folder / "data"))
    replace_in(
        data / "official_totals.csv",
        "Golden fixture report,https://example.org/c1",
        f'"{PAYLOAD}",https://example.org/c1',
    )
    replace_in(
        data / "official_totals.csv", "One recommendation missing on purpose", PAYLOAD.replace('"', "'")
    )
    replace_in(data / "recommendations.csv", "Reform the courts of Atlantis", PAYLOAD.replace('"', "'"))
    replace_in(data / "ministries.csv", "MOINF,Ministry of Information", f'MOINF,"{PAYLOAD}"')
    # A ministry that leads recommendations, so its name labels a bar of Progress by ministry's charts.
    replace_in(
        data / "ministries.csv",
        '"Ministry of Education, Youth and Sport"',
        "\"<b>Education</b> <a href='https://evil.example'>x</a>\"",
    )
    replace_in(data / "progress.csv", "Ten schools built", PAYLOAD.replace('"', "'"))
    replace_in(data / "progress.csv", "Government mid-term report", PAYLOAD.replace('"', "'"))
    replace_in(data / "themes.csv", "Justice,Civil", "<b>Justice</b> **x**,Civil")
    for name in ("recommendations.csv", "assignments.csv"):
        text = (data / name).read_text(encoding="utf-8")
        (data / name).write_text(
            text.replace(",Justice,", ",<b>Justice</b> **x**,")
            .replace("Justice |", "<b>Justice</b> **x** |")
            .replace("| Justice", "| <b>Justice</b> **x**"),
            encoding="utf-8",
        )
    # A state under review and a recommending state named with Markdown and HTML.
    for name in ("states.csv", "recommendations.csv", "official_totals.csv"):
        text = (data / name).read_text(encoding="utf-8")
        text = text.replace(",Atlantis,", ",Atlantis **bold**,").replace("Atlantis,", "Atlantis **bold**,")
        (data / name).write_text(text.replace("Chad", "<img src=x onerror=alert(2)>Chad"), encoding="utf-8")
    build.run(data, folder / "upr.duckdb")
    return folder / "upr.duckdb"


MARKDOWN_ELEMENTS = (
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
    "title",
    "header",
    "subheader",
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "overview")
@pytest.mark.parametrize(
    "states", [[], ["<img src=x onerror=alert(2)>Chad", "France"]], ids=["all", "chosen"]
)
def test_html_script_and_markdown_in_the_data_are_shown_inert(run_page, poisoned_db, page, states):
    at = run_page(poisoned_db, page, {"cycle": "all", "rec": "ATL-C1-10.1", "state": states})
    assert not at.exception, [e.value for e in at.exception]
    for kind in MARKDOWN_ELEMENTS:
        for element in getattr(at, kind):
            for mark in RAW_MARKS:  # escaped (a backslash before it), a mark shows as text
                assert not re.search(r"(?<!\\)" + re.escape(mark), element.value), (
                    f"{kind} renders {mark!r} from the data: {element.value[:200]}"
                )
    # Plotly draws a small HTML subset (<b>, <br>, <a href>) in labels: names from the data must not carry it.
    # The spec is JSON with "<" written as \u003c, so the decoded strings are searched, not the raw text.
    for chart in at.get("plotly_chart"):
        for text in strings(json.loads(chart.proto.spec)):
            for mark in ("<b>", "<img", "<script", "<a "):
                assert mark not in text, f"a chart draws {mark!r} from the data as markup: {text[:120]!r}"


def test_an_assessments_summary_and_source_show_inert_in_the_timelines_hover(run_page, poisoned_db):
    """The Explorer's timeline writes each assessment's summary and source (data) into its hover."""
    at = run_page(poisoned_db, "explore", {"cycle": "all", "rec": "ATL-C2-20.2"})
    assert not at.exception, [e.value for e in at.exception]
    drawn = [text for chart in at.get("plotly_chart") for text in strings(json.loads(chart.proto.spec))]
    assert any("alert(1)" in text for text in drawn)  # the poisoned summary is on this timeline
    for text in drawn:
        for mark in ("<script", "<img", "<b>", "<a "):
            assert mark not in text, f"the timeline draws {mark!r} from the data as markup: {text[:120]!r}"


def strings(value) -> list[str]:
    """Every string inside a decoded JSON value (a chart's labels, titles, hover texts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []
