"""recurrence_links.csv: read the recommendations to link, write the links the linker found.

The file holds facts only (two ids, a score, reason codes, instrument codes, where the link comes
from), never a text. Links are computed where the texts are: ``python -m etl link`` from the texts in
recommendations.csv, ``etl/derive_cambodia.py`` from the real texts in ../shared. Writing replaces the
links between recommendations that were just linked and keeps every other row (links computed from
texts that are not in this folder cannot be recomputed here, so they stay as they are).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from etl.canonical_csv import read_rows, write_rows
from etl.recurrence.linker import Item, Link
from vocab import MULTI_SEPARATOR

FILENAME = "recurrence_links.csv"


def _split(cell: str | None) -> frozenset[str]:
    return frozenset(v.strip() for v in (cell or "").split("|") if v.strip())


def items_from_rows(rows: Iterable[dict[str, str]], include_illustrative: bool = False) -> list[Item]:
    """The recommendations.csv rows the linker can compare: a text, and not illustrative.

    Illustrative rows are left out unless asked for: their texts are placeholders that ask for
    nothing, so linking them would claim a repetition no one made. Synthetic test sets
    (benchmarks/generate.py) ask for them.
    """
    items = []
    for row in rows:
        text = (row.get("text") or "").strip()
        illustrative = (row.get("illustrative") or "").strip().lower() == "true"
        if not text or (illustrative and not include_illustrative):
            continue
        action = (row.get("action_category") or "").strip()
        items.append(
            Item(
                id=row["id"].strip(),
                state_under_review=row["state_under_review"].strip(),
                cycle=int(row["cycle"]),
                text=text,
                themes=_split(row.get("themes")),
                action_category=int(action) if action.isdigit() else None,
                recommending_states=_split(row.get("recommending_states")),
            )
        )
    return items


def read_links(data_dir: Path) -> list[dict[str, str]]:
    path = data_dir / FILENAME
    return read_rows(path) if path.exists() else []


def write_links(data_dir: Path, links: list[Link], linked_ids: set[str], source: str) -> tuple[int, int]:
    """Replace the links among ``linked_ids`` with ``links``; keep other rows. Return (written, kept).

    Rows are sorted by (later_id, earlier_id), so the same links always give the same bytes.
    """
    kept = [
        row
        for row in read_links(data_dir)
        if not (row.get("earlier_id") in linked_ids and row.get("later_id") in linked_ids)
    ]
    rows = kept + [
        {
            "earlier_id": link.earlier_id,
            "later_id": link.later_id,
            "score": str(link.score),
            "reasons": MULTI_SEPARATOR.join(link.reasons),
            "instruments": MULTI_SEPARATOR.join(link.instruments),
            "source": source,
        }
        for link in links
    ]
    rows.sort(key=lambda r: (r.get("later_id", ""), r.get("earlier_id", "")))
    write_rows(data_dir / FILENAME, rows)
    return len(links), len(kept)


def forget(data_dir: Path, gone: set[str]) -> list[str]:
    """After an import replaced recommendations: drop the suggested links to ``gone`` ids; report.

    Suggestions are recomputed by ``python -m etl link`` from the imported texts, so they go. A
    monitor's decisions in recurrences.csv are a person's work: they stay, and are named, for the
    monitor to re-point to the imported ids (the build names each one until then).
    """
    messages = []
    path = data_dir / FILENAME
    rows = read_links(data_dir)
    kept = [r for r in rows if r.get("earlier_id") not in gone and r.get("later_id") not in gone]
    if len(kept) < len(rows):
        write_rows(path, kept)
        messages.append(
            f"removed {len(rows) - len(kept)} suggested {FILENAME} links that referred to replaced "
            "recommendations; run python -m etl link to link the imported texts"
        )
    decisions = data_dir / "recurrences.csv"
    if decisions.exists():
        orphans = [
            r for r in read_rows(decisions) if r.get("earlier_id") in gone or r.get("later_id") in gone
        ]
        if orphans:
            messages.append(
                f"WARNING: kept {len(orphans)} recurrences.csv decisions whose recommendation is no longer in "
                "the data; re-point them to the imported ids"
            )
    return messages
