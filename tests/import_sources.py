"""Write small source files in the three layouts the importers read, from made-up records.

Texts are invented ("Example recommendation 110.3"): no recommendation text from ../shared goes into
the repository. The layouts are those of ../shared/upr-data/FORMATS.md: the UHRI Excel export, the
UPR Info CSV conversion and the OHCHR Word matrix of cycles 2-3.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl

from etl.importers.upr_info import CSV_HEADER

UHRI_COLUMNS = [
    "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons",
    "Sdgs", "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type",
    "OHCHR Annotation Id", "UPR Session", "Regions Concerned", "Recommending Regions",
    "Date of publication on UHRI",
]  # fmt: skip
MATRIX_HEADER = (
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
)
MATRIX_HEADER_CYCLE_4 = (
    "Recommendation and recommending State", "Position of the State under review",
    "Human rights themes and groups of persons", "Relevant SDGs",
)  # fmt: skip


@dataclass(frozen=True)
class Rec:
    """One made-up recommendation: its paragraph, the source's recommending-state cells, position, themes.

    ``states`` holds what the source writes: for a matrix each item is the content of one bracket
    ("Bosnia and Herzegovina, Croatia"), for UHRI one line of the cell, for UPR Info one row.
    """

    paragraph: str
    states: tuple[str, ...]
    position: str
    themes: tuple[str, ...] = ()


def write_uhri(
    path: Path, records: tuple[Rec, ...], state: str = "Cambodia", session: int = 32, published: object = None
) -> Path:
    """An .xlsx in the UHRI export layout: "- " prefixes, newline-separated values, "32 Session";
    ``published`` is the Document Publication Date cell (an Excel serial number in real exports)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(UHRI_COLUMNS)
    for number, rec in enumerate(records, start=1):
        cells = {
            "Text": f"- {rec.paragraph} Example recommendation {rec.paragraph}",
            "Countries Concerned": f"- {state}",
            "Reccomending Body": "- UPR",
            "Document Symbol": "- A/HRC/41/17",
            "Themes": "\n".join(f"- {t}" for t in rec.themes),
            "UPR Reccomending States": "\n".join(f"- {s}" for s in rec.states),
            "UPR Position": f"- {rec.position}" if rec.position else "",
            "Type": "- Recommendations",
            "OHCHR Annotation Id": f"- {1000 + number}",
            "UPR Session": f"- {session} Session",
            "Document Publication Date": published,
        }
        sheet.append([cells.get(column) for column in UHRI_COLUMNS])
    book.save(path)
    return path


def write_upr_info(path: Path, records: tuple[Rec, ...], state: str = "Cambodia", session: int = 32) -> Path:
    """A CSV conversion of the UPR Info export: one row per recommending state."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for rec in records:
            for name in rec.states:
                text = f"Example recommendation {rec.paragraph}"
                issues = ",".join(rec.themes)
                writer.writerow([state, "Asia", "", text, name, "", "", rec.position, "4", issues, session])
    return path


def write_matrix(path: Path, records: tuple[Rec, ...], header: tuple[str, ...] = MATRIX_HEADER) -> Path:
    """A Word matrix: "Theme:" row, then "110.1 ... (States);" rows; ``header`` chooses the layout
    (cycles 2-3 by default, or ``MATRIX_HEADER_CYCLE_4``)."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(header))
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.text = title
    table.add_row().cells[0].text = "Theme: A1 Example theme group"
    for rec in records:
        cells = table.add_row().cells
        brackets = " ".join(f"({group})" for group in rec.states)
        cells[0].text = (
            f"{rec.paragraph} Example recommendation {rec.paragraph} {brackets};\n"
            "Source of Position: A/HRC/41/17/Add.1 - Para.3"
        )
        cells[1].text = rec.position
        cells[2].text = "\n".join(f"- {t}" for t in rec.themes)
    document.save(str(path))
    return path


WRITERS = {"uhri": write_uhri, "upr-info": write_upr_info, "ohchr-matrix": write_matrix}
FILE_NAMES = {"uhri": "uhri.xlsx", "upr-info": "export.csv", "ohchr-matrix": "UPR32_Cambodia_matrix.docx"}


def write_source(folder: Path, fmt: str, records: tuple[Rec, ...]) -> Path:
    """The source file of format ``fmt`` in ``folder``, named as a user's download would be."""
    return WRITERS[fmt](folder / FILE_NAMES[fmt], records)
