"""Keep the shape honest (ARCHITECTURE.md): pages only call the read side, the read side never writes and
takes nothing from the write side but its one entry point, nothing imports upward, no import circle,
only dashboard/session.py touches the address, and the docs match the code."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etl.schema import FILES
from tests.import_graph import cycles, graph

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


MAX_PAGE_LINES = 150
# Which project modules each layer may import (ARCHITECTURE.md, "The layers"); a prefix covers a package.
LAYERS = {
    "vocab": (),
    "paths": (),
    "etl": ("etl", "vocab", "paths"),
    "dashboard.view": ("vocab",),
    "dashboard": ("dashboard", "vocab", "paths", "etl.entry"),
    "web": ("web", "dashboard", "vocab", "paths"),
    "pages": ("dashboard", "vocab"),
    "router": ("dashboard",),
    "app": ("web",),
}


def layer_of(module: str) -> str | None:
    """The most specific layer a module belongs to ("dashboard.view" before "dashboard")."""
    matches = [name for name in LAYERS if module == name or module.startswith(name + ".")]
    return max(matches, key=len) if matches else None


def allowed(module: str, imported: str) -> bool:
    return any(imported == p or imported.startswith(p + ".") for p in LAYERS[layer_of(module)])


def test_nothing_imports_upward():
    edges = graph()
    wrong = [
        f"{module} imports {imported}"
        for module, imported_modules in sorted(edges.items())
        if layer_of(module)
        for imported in sorted(imported_modules)
        if not allowed(module, imported)
    ]
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_circle():
    assert cycles(graph()) == []


def test_the_view_has_no_streamlit_in_it():
    assert not {m for m in imported_modules(ROOT / "dashboard" / "view.py") if m.startswith("streamlit")}


@pytest.mark.parametrize(
    "path",
    sorted([ROOT / "router.py", ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "dashboard").rglob("*.py"),
            *(ROOT / "web").rglob("*.py")]),
    ids=lambda p: str(p.relative_to(ROOT)),
)  # fmt: skip
def test_only_the_session_module_touches_the_address(path):
    if path == ROOT / "dashboard" / "session.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    streamlit_params = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and n.attr == "query_params" and getattr(n.value, "id", "") == "st"
    ]
    assert not streamlit_params, (
        f"{path.relative_to(ROOT)}: read the reader's view from dashboard.session, not st.query_params"
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_reads_top_to_bottom_in_at_most_150_lines(page):
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_PAGE_LINES, (
        f"{page.name}: {lines} lines; move queries, wording or charts out of the page"
    )


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


def test_every_published_table_has_its_lineage_in_architecture_md():
    from etl.build import PUBLISHED_TABLES

    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    lineage = doc.split("## Lineage", 1)[1].split("\n## ", 1)[0]
    for table in (*PUBLISHED_TABLES, "source_files", "build_info"):
        assert f"| `{table}` |" in lineage, f"{table} is not in ARCHITECTURE.md's lineage table"


def test_test_modules_have_unique_names():
    """pytest imports test files by their base name: two test_x.py in different folders stop the whole run."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


DOCUMENTS = [
    "README.md",
    "ARCHITECTURE.md",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")),
]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_relative_link_and_picture_in_the_docs_exists(document):
    """A newcomer's README showed a broken picture (docs/screenshots/overview-desktop.png was never
    committed): every relative link and image of the project's documents names a file or folder that is there."""
    source = ROOT / document
    missing = [
        target
        for target in LINK.findall(re.sub(r"`[^`]*`", "", source.read_text(encoding="utf-8")))  # not in code
        if not re.match(r"[a-z]+:|#", target)  # web addresses and anchors are not files
        and not (source.parent / target.split("#")[0]).exists()
    ]
    assert not missing, f"{document} links to files that are not in the repository: {missing}"
