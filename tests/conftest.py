"""Shared test fixtures: databases built by the real ETL, and AppTest runs of real pages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import paths
from etl import build

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"


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


@pytest.fixture
def shared_data() -> Path:
    """../shared/upr-data, or a skip that says why (CI sets UPR_REQUIRE_SHARED and must not skip)."""
    folder = paths.shared_data_dir()
    if not folder.is_dir():
        if os.environ.get("UPR_REQUIRE_SHARED"):
            pytest.fail(f"{folder} is required in CI but missing")
        pytest.skip(f"../shared/upr-data not found at {folder}: the real-data tests need it")
    return folder


@pytest.fixture
def run_page(monkeypatch):
    """Run the app (router + one page) on a database with URL parameters, as a reader would open it."""

    def run(database: Path, page: str = "", params: dict[str, str | list[str]] | None = None) -> AppTest:
        monkeypatch.setenv("UPR_DB", str(database))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(str(ROOT / "pages" / f"{page}.py"))
            at.run()
        return at

    return run
