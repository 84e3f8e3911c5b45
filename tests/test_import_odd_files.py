"""Odd files get one clear error line and exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import run_import


def _assert_clean_error(status: int, err: str, *expected: str) -> None:
    assert status == 2
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for words in expected:
        assert words in err, err


def test_empty_upr_info_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"")
    _assert_clean_error(*run_import(capsys, "upr-info", path, "--out", tmp_path / "out")[::2], "empty")


def test_csv_with_the_wrong_header(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.csv"
    path.write_text("name,iso3\nCambodia,KHM\n", encoding="utf-8")
    _assert_clean_error(
        *run_import(capsys, "upr-info", path, "--out", tmp_path / "out")[::2],
        "line 1: header: name, iso3: expected To, To-Rgrp",
    )


def test_an_xls_that_is_not_one(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _assert_clean_error(
        *run_import(capsys, "upr-info", path, "--out", tmp_path / "out")[::2], "not a readable XLS"
    )


@pytest.mark.shared
def test_truncated_xls(shared: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes((shared / "upr-info-export-2015/xls-original/sessions_18-20.xls").read_bytes()[:30000])
    _assert_clean_error(*run_import(capsys, "upr-info", path, "--out", tmp_path / "out")[::2], "export.xls")


@pytest.mark.shared
def test_a_pdf_given_as_an_export_or_a_matrix(shared: Path, tmp_path: Path, capsys) -> None:
    pdf = next((shared / "cambodia" / "un-documents").glob("*.pdf"))
    _assert_clean_error(*run_import(capsys, "upr-info", pdf, "--out", tmp_path / "out")[::2], pdf.name)
    _assert_clean_error(
        *run_import(capsys, "ohchr-matrix", pdf, "--state", "Slovenia", "--cycle", "3", "--out", tmp_path)[
            ::2
        ],
        "not a readable Word .docx file",
    )


@pytest.mark.shared
def test_truncated_docx(shared: Path, tmp_path: Path, capsys) -> None:
    sample = next((shared / "formats" / "ohchr-matrix-samples").glob("*cycle3*.docx")).read_bytes()
    path = tmp_path / "matrix.docx"
    path.write_bytes(sample[: len(sample) // 2])
    argv = ("ohchr-matrix", path, "--state", "Slovenia", "--cycle", "3", "--out", tmp_path / "out")
    _assert_clean_error(*run_import(capsys, *argv)[::2], "matrix.docx")


def test_empty_and_tableless_docx(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    argv = ("--state", "Slovenia", "--cycle", "3", "--out", tmp_path / "out")
    _assert_clean_error(
        *run_import(capsys, "ohchr-matrix", empty, *argv)[::2], "not a readable Word .docx file"
    )
    document = docx.Document()
    document.add_paragraph("A letter, not a matrix.")
    letter = tmp_path / "letter.docx"
    document.save(str(letter))
    _assert_clean_error(
        *run_import(capsys, "ohchr-matrix", letter, *argv)[::2], "no table with a 'Recommendation"
    )


def test_unknown_state_name_in_the_command(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n", encoding="utf-8"
    )
    _assert_clean_error(
        *run_import(capsys, "upr-info", path, "--state", "Atlantis", "--out", tmp_path / "out")[::2],
        "--state Atlantis: not a state name the importer can place",
    )
