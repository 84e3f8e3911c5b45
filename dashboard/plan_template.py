"""The plan template a ministry fills: an Excel workbook listing its supported recommendations of one
review, with a sheet for each table of the plan and dropdowns for the closed vocabularies.

``workbook()`` is a pure function (the ministry, its recommendations, the language → the file's bytes);
``build()`` reads what it needs from the database first. The sheets ``actions``, ``indicators`` and
``indicator_values`` have the columns of the ETL's canonical tables (etl/schema.py; a test keeps the
two in step), one header row each: "label (column_name)", the label in the reader's language, so a
ministry reads Khmer or English and the build reads the name in the brackets (data/README.md).
The first sheet lists the ministry's recommendations (id, paragraph, text or the report's link on
undocs.org, its role) and is not a table the build reads; a hidden sheet holds the dropdowns' lists.

Every text cell is written as text, never as a formula, whatever it starts with (docs/security.md).
"""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard.data import plan
from dashboard.data.options import filter_options
from dashboard.i18n import N_, localized, translate
from vocab import ASSESSORS, BOOLEANS, NAMES, UNITS

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS = 300  # rows of each table sheet that carry the dropdowns and formats
UNDOCS = "https://undocs.org/"

# Each table's columns as the ETL reads them (etl/schema.py), with the label a reader sees.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "actions": (
        ("id", N_("Action id")),
        ("recommendation_ids", N_("Recommendations it answers (one or several)")),
        ("ministry_id", N_("Responsible ministry")),
        ("description", N_("What will be done")),
        ("start_date", N_("Start date")),
        ("due_date", N_("Due date")),
        ("source", N_("Source (the plan document)")),
        ("illustrative", N_("Illustrative (false for a real plan)")),
    ),
    "indicators": (
        ("id", N_("Indicator id")),
        ("action_id", N_("Action it measures")),
        ("description", N_("What is measured")),
        ("unit", N_("Unit of the baseline")),
        ("baseline", N_("Baseline (a number)")),
        ("baseline_date", N_("Baseline date")),
        ("target", N_("Target (a number)")),
        ("target_unit", N_("Unit of the target")),
        ("target_date", N_("Target date")),
        ("source", N_("Source (the plan document)")),
        ("illustrative", N_("Illustrative (false for a real plan)")),
    ),
    "indicator_values": (
        ("indicator_id", N_("Indicator")),
        ("date", N_("Date measured")),
        ("value", N_("Value (a number)")),
        ("unit", N_("Unit")),
        ("reported_by", N_("Reported by")),
        ("evidence_url", N_("Evidence link")),
        ("source", N_("Source")),
        ("illustrative", N_("Illustrative (false for a real plan)")),
    ),
}
DATES = {"start_date", "due_date", "baseline_date", "target_date", "date"}
NUMBERS = {"baseline", "target", "value"}
# The hidden sheet's lists, one per column: what each dropdown offers.
LISTS = "lists"
REFERENCE_COLUMNS = (
    ("id", N_("Recommendation")),
    ("cycle", N_("Cycle")),
    ("document", N_("Document")),
    ("paragraph", N_("Paragraph")),
    ("text", N_("Text, or the report on undocs.org")),
    ("role", N_("Role of the ministry")),
    ("illustrative", N_("Illustrative")),
)
GUIDE = (
    N_(
        "Fill in the sheets actions, indicators and indicator_values, one row each, then save this file "
        "into the data folder and build: it is read as it is. Keep the names in brackets in the headers."
    ),
    N_(
        "Dates as YYYY-MM-DD. Numbers without their unit: 12 % is 12, with the unit percent. Several "
        "recommendations for one action in one cell, separated by ' | '. The target is in the baseline's unit."
    ),
    N_("An action answering two recommendations counts once for each of them."),
)
ILLUSTRATIVE_WARNING = N_(
    "ILLUSTRATIVE: some recommendations listed here are made-up stand-ins (see the Illustrative column), "
    "not official ones."
)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_UNSAFE_FILE = re.compile(r"[^A-Za-z0-9._-]+")


def header(name: str, label: str, lang: str) -> str:
    """A table sheet's header cell: the label in ``lang``, then the column's name in brackets."""
    return f"{translate(label, lang)} ({name})"


def workbook(
    ministry_id: str,
    ministry_name: str,
    review: str,
    lang: str,
    recommendations: pd.DataFrame,
    ministry_ids: list[str],
) -> bytes:
    """The plan template of one ministry as .xlsx bytes.

    ``review``: the review in words ("Cambodia, cycle 3"); ``recommendations``: ``plan.template_rows``
    (id, cycle, document, paragraph, text, role, illustrative); ``ministry_ids``: every ministry id the
    responsible-ministry dropdown offers. Headers and guidance in ``lang`` ("en" or "km").
    """
    book = openpyxl.Workbook()
    guide = book.active
    guide.title = _sheet_title(translate(N_("Your recommendations"), lang))
    _reference_sheet(guide, ministry_name, review, lang, recommendations)
    lists = book.create_sheet(LISTS)
    columns = {
        "ministry_id": list(ministry_ids),
        "unit": list(UNITS),
        "reported_by": list(ASSESSORS),
        "illustrative": list(BOOLEANS),
        "recommendation_ids": recommendations["id"].tolist(),
    }
    ranges = {}
    for number, (key, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(number)
        _text(lists, 1, number, key)
        for row, value in enumerate(values, start=2):
            _text(lists, row, number, value)
        ranges[key] = f"{LISTS}!${letter}$2:${letter}${max(len(values) + 1, 2)}" if values else None
    ranges["target_unit"] = ranges["unit"]
    ranges["action_id"] = f"actions!$A$2:$A${ROWS + 1}"
    lists.sheet_state = "hidden"
    for table, spec in TABLES.items():
        sheet = book.create_sheet(table)
        _table_sheet(sheet, spec, lang, ranges)
    book.move_sheet(LISTS, offset=len(TABLES))  # last, out of the way
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build(version: str, sur: str, cycle: int | None, ministry_id: str, lang: str) -> bytes:
    """The template of ``ministry_id`` for the review ``sur``, ``cycle`` (None: every cycle), in ``lang``."""
    options = filter_options(version)
    name = localized(
        options.ministry_names.get(ministry_id, ministry_id), options.ministry_names_km.get(ministry_id), lang
    )
    cycle_words = (
        translate(N_("all cycles"), lang)
        if cycle is None
        else translate(N_("cycle {n}"), lang).format(n=cycle)
    )
    return workbook(
        ministry_id,
        name,
        f"{sur}, {cycle_words}",
        lang,
        plan.template_rows(version, sur, cycle, ministry_id),
        options.ministry_ids,
    )


def file_name(version: str, sur: str, cycle: int | None, ministry_id: str) -> str:
    """``plan-template-MOJ-Cambodia-cycle-3.xlsx``, ending ``-includes-illustrative`` when it lists made-up rows."""
    rows = plan.template_rows(version, sur, cycle, ministry_id)
    suffix = "-includes-illustrative" if bool(rows["illustrative"].any()) else ""
    scope = "all-cycles" if cycle is None else f"cycle-{cycle}"
    stem = _UNSAFE_FILE.sub("-", f"plan-template-{ministry_id}-{sur}-{scope}").strip("-")
    return f"{stem}{suffix}.xlsx"


def _reference_sheet(sheet, ministry_name: str, review: str, lang: str, recs: pd.DataFrame) -> None:
    _text(sheet, 1, 1, translate(N_("Plan template: {ministry}"), lang).format(ministry=ministry_name))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    _text(
        sheet,
        2,
        1,
        translate(N_("{review}: the supported recommendations assigned to {ministry}."), lang).format(
            review=review, ministry=ministry_name
        ),
    )
    for row, line in enumerate(GUIDE, start=3):
        _text(sheet, row, 1, translate(line, lang))
    first = 3 + len(GUIDE)
    if bool(recs["illustrative"].any()):
        _text(sheet, first, 1, translate(ILLUSTRATIVE_WARNING, lang))
        sheet.cell(first, 1).font = Font(bold=True, color="C00000")
    top = first + 2
    for col, (_key, label) in enumerate(REFERENCE_COLUMNS, start=1):
        _text(sheet, top, col, translate(label, lang))
        sheet.cell(top, col).font = Font(bold=True)
        sheet.cell(top, col).fill = HEADER_FILL
    for row, rec in enumerate(recs.itertuples(index=False), start=top + 1):
        link = (
            UNDOCS + quote(rec.document, safe="/") if isinstance(rec.document, str) and rec.document else ""
        )
        text = rec.text if isinstance(rec.text, str) and rec.text else link
        values = (rec.id, int(rec.cycle), rec.document, rec.paragraph, text, translate(NAMES.get(rec.role, rec.role), lang),
                  "true" if rec.illustrative else "false")  # fmt: skip
        for col, value in enumerate(values, start=1):
            _text(sheet, row, col, value)
        if text and text == link:
            sheet.cell(row, 5).hyperlink = link
    for col, width in enumerate((22, 7, 14, 11, 70, 16, 12), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(top + 1, 1)


def _table_sheet(sheet, spec, lang: str, ranges: dict) -> None:
    for col, (name, label) in enumerate(spec, start=1):
        cell = _text(sheet, 1, col, header(name, label, lang))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = 40 if name == "description" else 22
        cells = f"{letter}2:{letter}{ROWS + 1}"
        number_format = "yyyy-mm-dd" if name in DATES else ("General" if name in NUMBERS else "@")
        for row in range(2, ROWS + 2):
            sheet.cell(row, col).number_format = number_format
        check = _validation(name, ranges, lang)
        if check is not None:
            sheet.add_data_validation(check)
            check.add(cells)
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 45


def _validation(name: str, ranges: dict, lang: str) -> DataValidation | None:
    """The dropdown or check of one column (None: free text)."""
    if name in ("ministry_id", "unit", "target_unit", "reported_by"):
        return DataValidation(type="list", formula1=ranges[name], allow_blank=True, showErrorMessage=True,
                              error=translate(N_("Choose a value from the list."), lang))  # fmt: skip
    if name == "illustrative":
        return DataValidation(type="list", formula1='"true,false"', allow_blank=True, showErrorMessage=True)
    if name in ("recommendation_ids", "action_id") and ranges.get(name):
        # A warning, not a stop: several ids go in one cell, separated by " | ".
        return DataValidation(type="list", formula1=ranges[name], allow_blank=True, showErrorMessage=True,
                              errorStyle="warning",
                              error=translate(N_("Not in the list: keep it only if you mean it (several ids: separate them with ' | ')."), lang))  # fmt: skip
    if name in NUMBERS:
        return DataValidation(type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000",
                              allow_blank=True, showErrorMessage=True,
                              error=translate(N_("A number, without its unit: 12 % is 12."), lang))  # fmt: skip
    if name in DATES:
        return DataValidation(type="date", operator="greaterThan", formula1="DATE(1990,1,1)", allow_blank=True,
                              showErrorMessage=True, error=translate(N_("A date, as YYYY-MM-DD."), lang))  # fmt: skip
    return None


def _text(sheet, row: int, col: int, value):
    """Put ``value`` in a cell; text stays text (a leading "=" is never a formula)."""
    cell = sheet.cell(row, col)
    if value is None or (isinstance(value, float) and value != value):
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _sheet_title(title: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31]
