"""Shared test fixtures: databases built by the real ETL, and AppTest runs of real pages."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import paths
from etl import build
from etl.importers import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
ROUTER = f"import runpy\nrunpy.run_path({str(ROOT / 'router.py')!r}, run_name='__main__')\n"
# Every page's URL path ("" is the Overview), as router.py registers them: a new page is tested too.
PAGES = re.findall(r'url_path="([^"]*)"', (ROOT / "router.py").read_text(encoding="utf-8"))


def build_database(data_dir: Path, folder: Path) -> Path:
    """Build ``data_dir`` with the real ETL into ``folder`` and return the published path."""
    database = folder / "upr.duckdb"
    build.run(data_dir, database)
    return database


@pytest.fixture(scope="session")
def golden_db(tmp_path_factory) -> Path:
    return build_database(GOLDEN, tmp_path_factory.mktemp("golden"))


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    return build_database(paths.data_dir(), tmp_path_factory.mktemp("bundled"))


@pytest.fixture
def golden_dir(tmp_path) -> Path:
    """A writable copy of the golden fixture data, for tests that change it."""
    return Path(shutil.copytree(GOLDEN, tmp_path / "data"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared/upr-data, read at test time and never copied into the repository.

    Skipped with the reason where it is absent; CI sets UPR_REQUIRE_SHARED, and there it must not skip.
    """
    root = paths.shared_data_dir()
    if not (root / "upr-info-export-2015").is_dir():
        if os.environ.get("UPR_REQUIRE_SHARED"):
            pytest.fail(f"{root} is required in CI but missing")
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


@pytest.fixture
def run_page(monkeypatch):
    """Run the app (router + one page) on a database with URL parameters, as a reader would open it."""

    def run(database: Path, page: str = "", params: dict[str, str | list[str]] | None = None) -> AppTest:
        monkeypatch.setenv("UPR_DB", str(database))
        # Through a wrapper: with router.py itself, the pages/ folder beside it makes AppTest's switch_page
        # run a page whose url_path equals its file name on its own, without the router and sidebar.
        at = AppTest.from_string(ROUTER, default_timeout=60)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        if page:  # the first run is on the page, as when a reader opens its link
            at.switch_page(str(ROOT / "pages" / f"{page}.py"))
        at.run()
        return at

    return run
