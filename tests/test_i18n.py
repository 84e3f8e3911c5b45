"""Khmer and English: every interface string is translated, none is hard-coded, and a reader who
opens ?lang=km sees the dashboard in Khmer with Khmer names, dates and CLDR number formats."""

from __future__ import annotations

import ast
import io
import os
import re
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

import paths
from dashboard import i18n, i18n_catalog
from dashboard.charts.overview import cycles_figure
from dashboard.charts.style import FONT
from dashboard.exports import to_csv_bytes
from tests.conftest import PAGES, ROOT

KHMER = re.compile("[\u1780-\u17ff]")


def km(message: str) -> str:
    """The Khmer catalog's translation of ``message`` (what a Khmer reader must see)."""
    with open(i18n.catalog_path("km"), "rb") as handle:
        found = read_po(handle).get(message)
    assert found is not None and found.string, f"not in the Khmer catalog: {message!r}"
    return found.string


# --- The catalog --------------------------------------------------------------------------------


def test_every_interface_string_has_a_khmer_translation():
    """Fails when code gains a string the catalog lacks: run `python -m dashboard.i18n_catalog update`,
    translate the new entries (docs/translating.md), and this passes again."""
    template = i18n_catalog.extract()
    with open(i18n.catalog_path("km"), "rb") as handle:
        catalog = read_po(handle)
    problems = [
        f"{reason}: {m.id!r} ({m.locations})" for reason, m in i18n_catalog.problems(template, catalog)
    ]
    assert not problems, "\n".join(problems)
    assert len(template) > 50  # the extraction really found the interface (not an empty walk)


def test_check_lists_a_new_untranslated_string_and_fails(tmp_path, monkeypatch, capsys):
    (tmp_path / "pages").mkdir()
    (tmp_path / "babel.cfg").write_text("[python: pages/**.py]\n")
    (tmp_path / "pages" / "new.py").write_text('st.title(_("Known"))\nst.caption(_("A brand new string"))\n')
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: km\\n"\n\nmsgid "Known"\nmsgstr "ស្គាល់"\n', encoding="utf-8"
    )
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "locale_dir", lambda: tmp_path / "locales")

    assert i18n_catalog.main(["check"]) == 1
    assert "missing: 'A brand new string' (pages/new.py:2)" in capsys.readouterr().out
    assert i18n_catalog.main(["update"]) == 0
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "ស្គាល់"' in text and 'msgid "A brand new string"\nmsgstr ""' in text
    capsys.readouterr()
    assert i18n_catalog.main(["check"]) == 1
    assert "untranslated: 'A brand new string' (pages/new.py:2)" in capsys.readouterr().out

    before = po.read_bytes()
    assert i18n_catalog.main(["update"]) == 0
    assert po.read_bytes() == before  # running update twice changes nothing


def test_a_translation_that_renames_a_placeholder_is_reported():
    catalog = read_po(io.BytesIO('msgid "Cycle {n}"\nmsgstr "វដ្តទី {number}"\n'.encode()))
    template = read_po(io.BytesIO(b'msgid "Cycle {n}"\nmsgstr ""\n'))
    assert [reason for reason, _ in i18n_catalog.problems(template, catalog)] == ["placeholders differ"]


def test_the_app_reads_the_po_file_itself_and_sees_edits_without_a_restart(tmp_path, monkeypatch):
    """No compiled .mo to build or commit: a fresh clone and a translator's edit both just work."""
    po = tmp_path / "km" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "Filters"\nmsgstr "តម្រង"\n', encoding="utf-8")
    monkeypatch.setattr(paths, "locale_dir", lambda: tmp_path)
    assert i18n._translation("km").gettext("Filters") == "តម្រង"
    time.sleep(0.01)
    po.write_text('msgid "Filters"\nmsgstr "តម្រងថ្មី"\n', encoding="utf-8")
    os.utime(po, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert i18n._translation("km").gettext("Filters") == "តម្រងថ្មី"
    assert not list(ROOT.glob("locales/**/*.mo"))


# --- No hard-coded English -----------------------------------------------------------------------

# Streamlit calls whose first positional argument or label=/help=/placeholder= a reader sees.
TEXT_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "metric", "warning", "info", "error",
    "success", "toast", "button", "download_button", "link_button", "page_link", "selectbox",
    "multiselect", "radio", "pills", "segmented_control", "checkbox", "toggle", "slider",
    "select_slider", "text_input", "text_area", "number_input", "date_input", "expander", "tabs",
    "popover", "spinner",
}  # fmt: skip
TEXT_KEYWORDS = {"label", "help", "placeholder", "title"}
# Text that is the same in every language, on purpose.
ALLOWED = {
    "Language / ភាសា",  # the switch must be readable whatever the current language
    "UPR Monitor",  # the product's name (browser tab)
}
TRANSLATORS = {"_", "ngettext", "source_language_note", "label", "localized"}


def english_literals(node: ast.AST) -> list[str]:
    """Literal text in ``node`` that would reach the reader untranslated."""
    if isinstance(node, ast.Constant):
        text = node.value
        return [text] if isinstance(text, str) and re.search("[A-Za-z]", text) and text not in ALLOWED else []
    if isinstance(node, ast.JoinedStr):  # f"{_('A')}: {n}" is fine, f"Total: {n}" is not
        return [t for v in node.values if isinstance(v, ast.Constant) for t in english_literals(v)]
    if isinstance(node, ast.BinOp):
        return english_literals(node.left) + english_literals(node.right)
    if isinstance(node, ast.IfExp):
        return english_literals(node.body) + english_literals(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [t for element in node.elts for t in english_literals(element)]
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in TRANSLATORS:
            return []
        if name == "format" and isinstance(node.func, ast.Attribute):  # "Total {n}".format(...)
            return english_literals(node.func.value)
    return []


def shown_arguments(call: ast.Call) -> list[ast.AST]:
    """The arguments of ``call`` that a reader sees as text."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    shown: list[ast.AST] = []
    for keyword in call.keywords:  # column_config={"col": "Label", ...}, on any call (st.dataframe...)
        if keyword.arg == "column_config" and isinstance(keyword.value, ast.Dict):
            shown += keyword.value.values
    column = isinstance(func, ast.Attribute) and "column_config" in ast.unparse(func.value)
    if name in TEXT_CALLS or (column and name.endswith("Column")):
        shown += call.args[:1] + [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
    if name == "Page":  # st.Page(path, title=...): the navigation's words
        shown += [k.value for k in call.keywords if k.arg == "title"]
    return shown


def interface_files() -> list[Path]:
    files = [
        ROOT / "router.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "dashboard").rglob("*.py")),
    ]
    # Placeholder pages (still being written when this test was) say so in their docstring.
    return [
        f for f in files if not (ast.get_docstring(ast.parse(f.read_text())) or "").startswith("Placeholder")
    ]


def test_no_hard_coded_english_in_the_interface():
    found = []
    for path in interface_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for argument in shown_arguments(node):
                    found += [
                        f"{path.relative_to(ROOT)}:{node.lineno}: {t!r}" for t in english_literals(argument)
                    ]
    assert not found, "wrap these in _() (or add to ALLOWED with a reason):\n" + "\n".join(found)


def test_the_hard_coded_english_check_catches_the_usual_mistakes():
    tree = ast.parse(
        'st.title("Overview")\ncols[0].metric(label="Received", value=1)\nst.tabs(["A", _("B")])\n'
        'st.caption(f"Total: {n}")\nst.column_config.LinkColumn("Source")\nst.title(_("Fine"))\n'
        'st.caption(f"{_(\'Fine\')}: {n}")\nst.radio("Language / ភាសា", [])\nst.markdown("---")\n'
        'data_table(t, column_config={"a": "Year", "b": _("Fine")})'
    )
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    found = [t for call in calls for a in shown_arguments(call) for t in english_literals(a)]
    assert sorted(found) == sorted(["Overview", "Received", "A", "Total: ", "Source", "Year"])


# --- Formats and names -------------------------------------------------------------------------


@pytest.fixture
def khmer(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "km")


def test_numbers_percentages_and_dates_follow_cldr_km_with_latin_digits(khmer):
    assert i18n.fmt_int(1234567) == format_decimal(1234567, locale="km") == "1,234,567"
    assert i18n.fmt_pct(0.874) == format_percent(0.874, locale="km") == "87%"
    assert i18n.fmt_date(date(2025, 9, 30)) == format_date(date(2025, 9, 30), locale="km") == "30 កញ្ញា 2025"
    assert i18n.fmt_date(pd.Timestamp("2025-09-30")) == "30 កញ្ញា 2025"
    assert (i18n.fmt_int(None), i18n.fmt_pct(float("nan")), i18n.fmt_date(pd.NaT)) == ("–", "–", "–")
    assert i18n.plotly_separators() == ".,"


def test_khmer_digits_are_one_switch_away(khmer, monkeypatch):
    monkeypatch.setattr(i18n, "KHMER_DIGITS", True)
    assert i18n.fmt_int(1234) == "១,២៣៤"


def test_ministry_names_in_khmer_fall_back_to_english(khmer):
    assert i18n.localized("Ministry of Justice", "ក្រសួងយុត្តិធម៌") == "ក្រសួងយុត្តិធម៌"
    for empty in (None, "", "  ", float("nan")):
        assert i18n.localized("Ministry of Information", empty) == "Ministry of Information"


def test_english_readers_see_the_english_name():
    assert i18n.localized("Ministry of Justice", "ក្រសួងយុត្តិធម៌") == "Ministry of Justice"


def test_a_khmer_ministry_name_round_trips_through_the_csv_export():
    frame = pd.DataFrame({"id": ["MOJ", "MOINF"], "name_km": ["ក្រសួងយុត្តិធម៌", "ក្រសួងអប់រំ យុវជន និងកីឡា"]})
    data = to_csv_bytes(frame)
    assert data.startswith("\ufeff".encode())  # the BOM: Excel opens it as UTF-8
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").equals(frame)


def test_charts_take_their_words_and_number_format_from_the_caller():
    reviews = pd.DataFrame(
        {"cycle": [1, 2], "supported": [1234, 163], "noted": [0, 42], "official_received": [1234, 205]}
    )
    labels = {
        "cycle": "វដ្តទី {n}",
        "supported": "បានគាំទ្រ",
        "noted": "បានកត់សម្គាល់",
        "official": "ផ្លូវការ",
        "title": "ចំណងជើង",
    }
    figure = cycles_figure(reviews, labels, number=lambda v: f"[{v:,}]", separators=",.")
    assert figure.layout.title.text == "ចំណងជើង" and figure.layout.separators == ",."
    assert list(figure.data[0].x) == ["វដ្តទី 1", "វដ្តទី 2"] and figure.data[0].text[0] == "[1,234]"
    assert FONT.startswith("'Noto Sans Khmer'")


def test_the_source_language_note_is_in_the_catalog():
    assert KHMER.search(km(i18n.SOURCE_LANGUAGE_NOTE))


# --- The app in Khmer --------------------------------------------------------------------------


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_lang_km_opens_the_overview_in_khmer(run_page, bundled_db):
    at = run_page(bundled_db, params={"lang": "km"})
    assert not at.exception
    assert at.title[0].value == km("UPR recommendations to {sur}").format(sur="កម្ពុជា")  # CLDR's name
    shown = metrics(at)
    assert shown[km("Received")] == format_decimal(198, locale="km")
    assert shown[km("Acceptance rate")] == format_percent(173 / 198, locale="km")
    assert shown[km("Recommending states")] == "73"
    assert any(KHMER.search(w.value) for w in at.warning)  # the illustrative notice, in Khmer
    latest = date.fromisoformat(pd.read_csv(paths.data_dir() / "progress.csv")["date"].max())
    assert any(format_date(latest, locale="km") in c.value for c in at.caption)  # the data-as-of line
    assert at.sidebar.header[0].value == km("More filters")  # the key filters are on the page


def test_switching_back_to_english_keeps_the_filters(run_page, golden_db):
    at = run_page(golden_db, params={"lang": "km", "cycle": "1", "response": "noted", "state": "Thailand"})
    assert metrics(at)[km("Received")] == "1"
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "UPR recommendations to Atlantis"
    assert metrics(at)["Received"] == "1"
    assert (at.selectbox(key="cycle").value, at.selectbox(key="response").value) == ("1", "noted")
    assert at.multiselect(key="state").value == ["Thailand"]
    assert at.query_params["cycle"] == "1" and "lang" not in at.query_params


def test_ministries_are_named_in_khmer_with_english_where_there_is_no_khmer_name(run_page, golden_db):
    at = run_page(golden_db, params={"lang": "km", "ministry": "MOINF"})
    options = at.multiselect(key="ministry").options
    assert "ក្រសួងយុត្តិធម៌" in options and "Ministry of Information" in options  # no blank labels
    assert at.multiselect(key="ministry").value == ["MOINF"]


def test_an_unknown_language_gets_the_notice_and_english(run_page, golden_db):
    at = run_page(golden_db, params={"lang": "fr"})
    assert any("lang=fr" in i.value for i in at.info)
    assert at.radio(key="lang").value == "en"
    assert at.title[0].value == "UPR recommendations to Atlantis"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_khmer(run_page, golden_db, page):
    """A translation that breaks a placeholder or a format would raise only in Khmer."""
    at = run_page(golden_db, page, {"lang": "km"})
    assert not at.exception, [e.value for e in at.exception]
