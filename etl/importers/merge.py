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
- Suggested recurrence links (recurrence_links.csv) to a replaced recommendation go (``python -m etl
  link`` recomputes them from the imported texts); a monitor's decisions (recurrences.csv) stay and
  are named, like real assignments and progress.
- A state or theme the folder already has keeps the folder's spelling: a state by ISO3 ("Türkiye" in
  states.csv stays "Türkiye" when the import says "Turkey"), any name however its accents are encoded
  or its letters cased (Unicode NFC, case folded). An import never adds a second entry for one state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from etl.importers.canonical_csv import COLUMNS, read_table, recommendation_row, state_row, write_table
from etl.importers.countries import resolve
from etl.importers.model import ImportResult, Recommendation, SourceError
from etl.importers.text import tidy
from etl.recurrence import links_file
from vocab import MULTI_SEPARATOR


def _state_key(name: str) -> str:
    """One key per state however it is spelled: its ISO3, else its name in NFC, case folded."""
    placed = resolve(name)
    return placed.iso3 if placed else tidy(name).casefold()


def _is_true(value: str) -> bool:
    return value.strip().lower() == "true"


def _cycle(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def write(folder: Path, result: ImportResult) -> list[str]:
    """Write ``result`` into ``folder`` by the rules above; return the lines for the summary."""
    folder.mkdir(parents=True, exist_ok=True)
    messages = _respell(folder, result)
    imported_keys = {(_state_key(r.state_under_review), r.cycle) for r in result.recommendations}
    new_ids = {r.id for r in result.recommendations}

    header, existing = read_table(folder / "recommendations.csv")
    kept, replaced = [], Counter()
    removed_ids: set[str] = set()
    for row in existing:
        state = row.get("state_under_review", "").strip()
        key = (_state_key(state), _cycle(row.get("cycle", "")))
        if key in imported_keys:
            replaced[(state, key[1], _is_true(row.get("illustrative", "")))] += 1
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
    messages += _drop_plan(folder, gone)
    messages += links_file.forget(folder, gone)
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


def _respell(folder: Path, result: ImportResult) -> list[str]:
    """Give imported states and themes the folder's own spelling where the folder has them already."""
    _, state_rows = read_table(folder / "states.csv")
    by_key: dict[str, str] = {}
    for row in state_rows:
        name = row.get("name", "").strip()
        iso3 = row.get("iso3", "").strip().upper()
        for key in (iso3, _state_key(name), tidy(name).casefold()):
            if name and key:
                by_key.setdefault(key, name)
    states = {
        name: by_key.get(info.iso3) or by_key.get(tidy(name).casefold()) or name
        for name, info in result.states.items()
    }
    for rec in result.recommendations:
        rec.state_under_review = states.get(rec.state_under_review, rec.state_under_review)
        rec.recommending_states = list(dict.fromkeys(states.get(s, s) for s in rec.recommending_states))
    result.states = {states[name]: info for name, info in result.states.items()}

    _, theme_rows = read_table(folder / "themes.csv")
    known = {tidy(row.get("name", "")).casefold(): row.get("name", "").strip() for row in theme_rows}
    themes = {name: known.get(tidy(name).casefold(), name) for name in result.themes}
    for rec in result.recommendations:
        rec.themes = list(dict.fromkeys(themes.get(t, t) for t in rec.themes))
    result.themes = {themes[name]: group for name, group in result.themes.items()}

    respelled = sorted({(a, b) for a, b in (states | themes).items() if a != b})
    if not respelled:
        return []
    pairs = ", ".join(f"{a!r} as {b!r}" for a, b in respelled)
    return [f"kept the data folder's spelling of {len(respelled)} name(s) it already has: {pairs}"]


def _block(rec: Recommendation) -> tuple[str, int, int]:
    return (rec.state_under_review, rec.cycle, rec.session or 0)


def _drop_plan(folder: Path, gone: set[str]) -> list[str]:
    """The government's plan follows the same rule as assignments and progress: an illustrative action
    that answers only replaced recommendations goes (with its illustrative indicators and their values);
    one that also answers kept ones keeps them and drops the replaced ids; a monitor's real action is
    never deleted, only listed for re-pointing."""
    path = folder / "actions.csv"
    if not path.exists() or not gone:
        return []
    header, rows = read_table(path)
    keep, removed, orphans = [], set(), 0
    for row in rows:
        ids = [
            i.strip() for i in row.get("recommendation_ids", "").split(MULTI_SEPARATOR.strip()) if i.strip()
        ]
        left = [i for i in ids if i not in gone]
        if len(left) == len(ids):
            keep.append(row)
        elif not _is_true(row.get("illustrative", "")):
            keep.append(row)
            orphans += 1
        elif left:
            keep.append({**row, "recommendation_ids": MULTI_SEPARATOR.join(left)})
        else:
            removed.add(row.get("id", "").strip())
    write_table(path, [h.strip().lower() for h in header], keep)
    messages = []
    if removed:
        messages.append(
            f"removed {len(removed)} illustrative actions.csv rows that answered only replaced recommendations"
        )
        messages += _drop_rows(folder / "indicators.csv", "action_id", removed, "indicators of those actions")
    if orphans:
        messages.append(
            f"WARNING: kept {orphans} non-illustrative actions.csv rows that answer a recommendation no longer "
            "in the data; re-point them to the imported ids"
        )
    return messages


def _drop_rows(path: Path, column: str, gone: set[str], what: str) -> list[str]:
    """Remove the illustrative rows of ``path`` whose ``column`` is in ``gone`` (and, for indicators,
    their values in indicator_values.csv)."""
    if not path.exists():
        return []
    header, rows = read_table(path)
    keep = [
        r for r in rows if r.get(column, "").strip() not in gone or not _is_true(r.get("illustrative", ""))
    ]
    removed = {r.get("id", "").strip() for r in rows if r not in keep}
    write_table(path, [h.strip().lower() for h in header], keep)
    count = len(rows) - len(keep)
    messages = [f"removed {count} illustrative {path.name} rows: {what}"] if count else []
    if path.name == "indicators.csv" and removed:
        messages += _drop_rows(
            path.parent / "indicator_values.csv", "indicator_id", removed, "values of those indicators"
        )
    return messages


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
    known = {row.get("name", "").strip() for row in rows}  # _respell gave known states these names
    rows += [
        state_row(replace(s, name=name)) for name, s in sorted(result.states.items()) if name not in known
    ]
    write_table(path, [h.strip().lower() for h in header] or COLUMNS["states.csv"], rows)


def _merge_themes(path: Path, result: ImportResult) -> None:
    header, rows = read_table(path)
    known = {row.get("name", "").strip() for row in rows}
    rows += [{"name": n, "group": g} for n, g in sorted(result.themes.items()) if n not in known]
    columns = [h.strip().lower() for h in header] or COLUMNS["themes.csv"]
    write_table(path, columns if "group" in columns else [*columns, "group"], rows)
