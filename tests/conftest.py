"""Shared test helpers for the importers: where the real files are, and running the command."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import pytest

import paths
from etl.importers import cli


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared/upr-data, read at test time and never copied into the repository."""
    root = paths.shared_data_dir()
    if not (root / "upr-info-export-2015").is_dir():
        pytest.skip(f"../shared/upr-data not found: {root} (set UPR_SHARED_DATA); CI requires it")
    return root


def run_import(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run ``python -m etl import ...`` in-process; return (status, stdout, stderr)."""
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_quiet(*argv: object) -> tuple[int, str]:
    """Run the command outside a test function (module fixtures); return (status, stdout)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        status = cli.main([str(a) for a in argv])
    return status, buffer.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
