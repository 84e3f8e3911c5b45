"""Generated files (issue 2/6): whatever the input, the ETL builds or raises BuildFailed, never anything else.

Hypothesis writes random bytes, random CSV-like text and mutations of the golden files (cells deleted
or duplicated, random Unicode, random quotes). Every outcome must be a build, or a BuildFailed whose
report has one well-formed ``FILE:LINE: column: value: expected`` per line, with the published
database unchanged.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import build, validate
from etl.problems import BuildFailed
from etl.schema import FILES
from etl.stage import stage_file
from tests.conftest import GOLDEN
from tests.etl_helpers import MESSAGE, MORE, copy_published, fingerprint

FILENAMES = [spec.filename for spec in FILES]
SETTINGS = settings(
    max_examples=45,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SPECIAL_CHARS = list(',"\n\r\t; |-_.:/') + ["\x00", "\ufeff", "\u2028", "ក", "្", "é"]
CELL_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(SPECIAL_CHARS),
    max_size=30,
)
CSV_PIECES = st.sampled_from(SPECIAL_CHARS + [",", ",", "a", "1", "2024-01-01", "ក្រសួង", "true", "Atlantis"])


def outcome(golden_db: Path, name: str, content: bytes | None) -> None:
    """Write ``content`` as ``name`` in a copy of the golden data, build, and check the outcome."""
    with tempfile.TemporaryDirectory(prefix="upr-prop-") as folder:
        work = Path(folder)
        data = Path(shutil.copytree(GOLDEN, work / "data"))
        if content is None:
            (data / name).unlink()
        else:
            (data / name).write_bytes(content)
        database = copy_published(golden_db, work)
        before = fingerprint(database)
        try:
            build.run(data, database)
        except BuildFailed as failed:
            assert failed.problems
            for line in failed.report().splitlines():
                assert MESSAGE.match(line) or MORE.match(line), repr(line)
            assert fingerprint(database) == before


@SETTINGS
@given(name=st.sampled_from(FILENAMES), content=st.binary(max_size=600))
def test_random_bytes(golden_db, name, content):
    outcome(golden_db, name, content)


@SETTINGS
@given(
    name=st.sampled_from(FILENAMES),
    text=st.lists(CSV_PIECES | CELL_TEXT, max_size=40).map("".join),
    with_header=st.booleans(),
)
def test_random_csv_like_text(golden_db, name, text, with_header):
    header = (GOLDEN / name).read_text(encoding="utf-8").split("\n", 1)[0] + "\n" if with_header else ""
    outcome(golden_db, name, (header + text).encode("utf-8"))


MUTATIONS = ("delete", "duplicate", "replace", "quote", "drop_line", "copy_line", "newline_in_cell")


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """A golden file with a few random edits of its cells and lines."""
    name = draw(st.sampled_from(FILENAMES))
    lines = [line.split(",") for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines()]
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        row = draw(st.integers(0, len(lines) - 1))
        cells = lines[row]
        col = draw(st.integers(0, max(len(cells) - 1, 0)))
        kind = draw(st.sampled_from(MUTATIONS))
        if kind == "delete" and cells:
            del cells[col]
        elif kind == "duplicate" and cells:
            cells.insert(col, cells[col])
        elif kind == "replace" and cells:
            cells[col] = draw(CELL_TEXT)
        elif kind == "quote" and cells:
            text = cells[col]
            at = draw(st.integers(0, len(text)))
            cells[col] = text[:at] + draw(st.sampled_from(['"', '""', "'", '"x"'])) + text[at:]
        elif kind == "drop_line":
            del lines[row]
        elif kind == "copy_line":
            lines.insert(row, list(cells))
        elif kind == "newline_in_cell" and cells:
            cells[col] = '"' + cells[col] + draw(st.sampled_from(["\n", "\r\n", "\r"])) + 'more"'
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return name, (newline.join(",".join(cells) for cells in lines) + newline).encode("utf-8")


@SETTINGS
@given(file=mutated())
def test_mutations_of_the_golden_files(golden_db, file):
    outcome(golden_db, *file)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILENAMES))
def test_a_deleted_file(golden_db, name):
    outcome(golden_db, name, None)


@SETTINGS
@given(file=mutated())
def test_the_one_scan_screen_never_waves_a_bad_cell_through(file):
    """A clean table skips the per-rule queries after one scan: on any edited file, every problem
    those queries find must still be found (the screen may say "look closer" when nothing is wrong)."""
    name, content = file
    with tempfile.TemporaryDirectory(prefix="upr-screen-") as folder:
        data = Path(shutil.copytree(GOLDEN, Path(folder) / "data"))
        (data / name).write_bytes(content)
        con = duckdb.connect()
        for spec in FILES:
            item, _ = stage_file(con, spec, data / spec.filename, Path(folder))
            validate._create_clean(con, item)
            screened = validate._column_problems(con, item, validate.latest_today())
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(validate, "_may_have_column_problems", lambda *_: True)
                every_rule = validate._column_problems(con, item, validate.latest_today())
            assert screened == every_rule, spec.filename
