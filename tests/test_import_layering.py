"""The importers' modules import only downward (issue 11): the UPR Info reader's helpers need nothing
from the reader, and etl/ has no import circle (tests/test_conventions.py checks the whole project).

Every ``import`` counts, also those inside functions and under ``TYPE_CHECKING``: a circle that only
type checkers follow still means two modules that cannot be understood, or moved, one without the other.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from tests.conftest import ROOT

ETL = ROOT / "etl"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """The project modules (of ``known``) that ``path`` imports, however it spells the import."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}  # from pkg import module
    return {name for name in found if name in known} - {_module_name(path)}


def import_graph() -> dict[str, set[str]]:
    """module -> the etl modules it imports (packages' __init__ files left out: they import nothing)."""
    files = [p for p in ETL.rglob("*.py") if p.name != "__init__.py"]
    known = {_module_name(p) for p in files}
    return {_module_name(p): _imports(p, known) for p in files}


def test_etl_has_no_import_circle():
    try:
        order = list(TopologicalSorter(import_graph()).static_order())
    except CycleError as exc:  # the message names the circle
        raise AssertionError(f"import circle: {' -> '.join(exc.args[1])}") from None
    assert "etl.importers.upr_info" in order


def test_the_upr_info_readers_helpers_need_nothing_from_the_reader():
    graph = import_graph()
    for helper in ("etl.importers.paragraphs", "etl.importers.known_errors", "etl.importers.upr_info_rows"):
        assert "etl.importers.upr_info" not in graph[helper], helper
    assert {"etl.importers.paragraphs", "etl.importers.known_errors"} <= graph["etl.importers.upr_info"]
