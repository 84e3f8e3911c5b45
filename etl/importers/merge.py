"""Merge an import into a data folder: replace whole (state under review, cycle) blocks, keep the rest.

Rules (each one reported in the summary):
- The imported rows of a state+cycle replace every row the folder holds for that state+cycle, whether
  illustrative or official, so one state+cycle never mixes illustrative and official rows.
- Illustrative assignments.csv and progress.csv rows that refer to a replaced recommendation that the
  import does not bring back go with it. Non-illustrative ones (a monitor's real work) are never
  deleted: if their recommendation disappears they are kept and listed, for the user to re-point.
- Everything else is kept: other states and cycles, ministries.csv, official_totals.csv, existing
  states and themes (new ones are added). Missing companion files are created with their header, so
  ``python -m etl --data-dir DIR`` can build the folder as it is.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from etl.importers.canonical_csv import COLUMNS, read_table, recommendation_row, state_row, write_table
from etl.importers.countries import resolve
from etl.importers.model import ImportResult, Recommendation, SourceError


def _canonical_state(name: str) -> str:
    placed = resolve(name)
    return placed.name if placed else name.strip()


def _is_true(value: str) -> bool:
    return value.strip().lower() == "true"


def _cycle(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def write(folder: Path, result: ImportResult) -> list[str]:
    """Write ``result`` into ``folder`` by the rules above; return the lines for the summary."""
    folder.mkdir(parents=True, exist_ok=True)
    messages: list[str] = []
    imported_keys = {(r.state_under_review, r.cycle) for r in result.recommendations}
    new_ids = {r.id for r in result.recommendations}

    header, existing = read_table(folder / "recommendations.csv")
    kept, replaced = [], Counter()
    removed_ids: set[str] = set()
    for row in existing:
        key = (_canonical_state(row.get("state_under_review", "")), _cycle(row.get("cycle", "")))
        if key in imported_keys:
            replaced[(*key, _is_true(row.get("illustrative", "")))] += 1
            removed_ids.add(row.get("id", ""))
        else:
            kept.append(row)
    clashes = new_ids & {row.get("id", "") for row in kept}
    if clashes:
        raise SourceError(
            f"{folder / 'recommendations.csv'}: ids already used by other rows: "
            f"{', '.join(sorted(clashes)[:5])}"
        )
    gone = removed_ids - new_ids
    for (state, cycle, illustrative), count in sorted(replaced.items()):
        kind = "illustrative" if illustrative else "official"
        messages.append(f"replaced {count} {kind} rows of {state} cycle {cycle} with the imported list")

    extra = [h.strip().lower() for h in header if h.strip().lower() not in COLUMNS["recommendations.csv"]]
    rec_columns = COLUMNS["recommendations.csv"] + extra  # unknown columns are the user's: keep them
    for name in ("assignments.csv", "progress.csv"):
        messages += _drop_dependants(folder / name, gone)
    _merge_states(folder / "states.csv", result)
    _merge_themes(folder / "themes.csv", result)
    for name in ("ministries.csv", "official_totals.csv"):
        if not (folder / name).exists():
            write_table(folder / name, COLUMNS[name], [])
    write_table(
        folder / "recommendations.csv",
        rec_columns,
        # Sorted by state and session (stable: source order within a session), so the file does not
        # depend on the order in which the user named the input files.
        kept + [recommendation_row(r) for r in sorted(result.recommendations, key=_block)],
    )
    return messages


def _block(rec: Recommendation) -> tuple[str, int, int]:
    return (rec.state_under_review, rec.cycle, rec.session or 0)


def _drop_dependants(path: Path, gone: set[str]) -> list[str]:
    header, rows = read_table(path)
    columns = [h.strip().lower() for h in header] or COLUMNS[path.name]
    keep, dropped, orphans = [], 0, 0
    for row in rows:
        if row.get("recommendation_id", "") not in gone:
            keep.append(row)
        elif _is_true(row.get("illustrative", "")):
            dropped += 1
        else:
            keep.append(row)
            orphans += 1
    if rows or not path.exists():
        write_table(path, columns, keep)
    messages = []
    if dropped:
        messages.append(
            f"removed {dropped} illustrative {path.name} rows that referred to replaced recommendations"
        )
    if orphans:
        messages.append(
            f"WARNING: kept {orphans} non-illustrative {path.name} rows whose recommendation is no longer "
            "in the data; re-point them to the imported ids"
        )
    return messages


def _merge_states(path: Path, result: ImportResult) -> None:
    header, rows = read_table(path)
    known = {row.get("name", "").strip() for row in rows}
    rows += [state_row(s) for name, s in sorted(result.states.items()) if name not in known]
    write_table(path, [h.strip().lower() for h in header] or COLUMNS["states.csv"], rows)


def _merge_themes(path: Path, result: ImportResult) -> None:
    header, rows = read_table(path)
    known = {row.get("name", "").strip() for row in rows}
    rows += [{"name": n, "group": g} for n, g in sorted(result.themes.items()) if n not in known]
    columns = [h.strip().lower() for h in header] or COLUMNS["themes.csv"]
    write_table(path, columns if "group" in columns else [*columns, "group"], rows)
