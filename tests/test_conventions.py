"""Keep the shape honest: pages only call the read side, the read side never writes, docs match code."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etl.schema import FILES

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "pages").glob("*.py"))
SQL_WORDS = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\b(CREATE|DROP)\s+(TABLE|VIEW)\b",
    re.IGNORECASE | re.S,
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_only_call_the_read_side(page):
    modules = imported_modules(page)
    assert not {m for m in modules if m.split(".")[0] in {"duckdb", "etl", "paths"}}, modules
    strings = [n.value for n in ast.walk(ast.parse(page.read_text())) if isinstance(n, ast.Constant)]
    assert not [s for s in strings if isinstance(s, str) and SQL_WORDS.search(s)], (
        "SQL belongs in dashboard/data"
    )


def test_the_read_side_never_writes_the_database():
    for path in (ROOT / "dashboard").rglob("*.py"):
        text = path.read_text()
        assert "read_only=True" in text or "duckdb.connect" not in text, path
        assert not re.search(r"\b(INSERT|UPDATE|DELETE|DROP|CREATE)\b", text), f"{path} writes"


def test_every_canonical_file_and_column_is_documented():
    readme = (ROOT / "data" / "README.md").read_text()
    for spec in FILES:
        assert spec.filename in readme
        for column in spec.columns:
            assert f"`{column.name}`" in readme, f"{spec.filename}: {column.name} is not in data/README.md"


@pytest.mark.parametrize("verb", ["import", "fetch"])
def test_every_etl_command_is_documented(verb):
    readme = (ROOT / "README.md").read_text() + (ROOT / "data" / "README.md").read_text()
    out = subprocess.run(
        [sys.executable, "-m", "etl", verb, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    commands = re.search(r"\{([a-z\-,]+)\}", out).group(1).split(",")
    assert commands, out
    docs = readme + "".join(p.read_text() for p in (ROOT / "docs").glob("*.md"))
    for command in commands:
        assert f"python -m etl {verb} {command}" in docs, f"`python -m etl {verb} {command}` is undocumented"
        # The README's "Importing what you downloaded" block shows every command, not only the guide.
        assert f"python -m etl {verb} {command}" in (ROOT / "README.md").read_text(), (
            f"{verb} {command}: README"
        )
    assert "python -m etl" in readme


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r"Set up and run the whole test suite.*?```bash\n(.+?)\n```", readme, re.S).group(1)
    assert command.strip() in ci
