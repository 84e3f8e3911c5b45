"""The government's plan in Chromium, in English and Khmer: the page draws its charts with the bundled
illustrative plan, says it is illustrative, keeps ?plan= in the address, and the plan template downloads
from Progress by ministry. Screenshots: artifacts/screenshots/plan-<lang>.png (look at them)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import DESKTOP
from test_pages import fit_content

pytestmark = pytest.mark.browser

KHMER = re.compile("[\u1780-\u17ff]")
TITLE = {"en": "The government's plan", "km": "ផែនការរបស់រដ្ឋាភិបាល"}
ILLUSTRATIVE = {"en": "illustrative", "km": "គំរូ"}


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_plan_page_in_both_languages(reader, screenshots, lang):
    charts = reader.open(f"/plan?lang={lang}")
    page = reader.page
    page.evaluate("document.fonts.ready")
    assert charts == 2  # each ministry's actions by state, and the first indicator
    main = page.inner_text("[data-testid=stMain]")
    assert TITLE[lang] in main
    assert ILLUSTRATIVE[lang] in main  # the bundled plan is made up, and the page says so
    metrics = page.locator("[data-testid=stMetricValue]").all_inner_texts()
    # 173 supported cycle-3 recommendations, 131 of them with an action (python -m etl.generate_illustrative).
    assert metrics[0] == {"en": "131 of 173", "km": "131 នៃ 173"}[lang]
    if lang == "km":
        assert KHMER.search(page.inner_text("[data-testid=stSidebar]"))
    fit_content(page)
    page.screenshot(path=str(screenshots / f"plan-{lang}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    assert reader.unexpected_errors() == []


def test_the_overdue_filter_stays_in_the_address_and_narrows_the_explorer(reader, screenshots):
    reader.open("/explore?plan=overdue")
    assert reader.query()["plan"] == ["overdue"]
    shown = reader.page.locator("[data-testid=stSidebar] [data-testid=stSelectbox] input").evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert "Overdue" in shown
    heading = reader.page.locator("[data-testid=stMain] h3").first.inner_text()
    count = int(re.search(r"(\d+) recommendation", heading).group(1))
    assert 0 < count < 173
    assert reader.unexpected_errors() == []


def test_the_plan_template_downloads_from_progress_by_ministry(new_reader, tmp_path):
    reader = new_reader(accept_downloads=True)
    reader.open("/ministries?lang=km")
    button = reader.page.get_by_role("button", name="ទាញយកទម្រង់ផែនការ")
    button.scroll_into_view_if_needed()
    with reader.page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith("-includes-illustrative.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert book.sheetnames[1:] == ["actions", "indicators", "indicator_values", "lists"]
    assert book["actions"]["C1"].value == "ក្រសួងទទួលខុសត្រូវ (ministry_id)"
    assert reader.unexpected_errors() == []
