"""The interactive pages' charts as share-page row charts: the same frames, names, labels and
summaries (dashboard/wording.py), the same colours and patterns (dashboard/charts/), drawn as SVG.
"""

from __future__ import annotations

import pandas as pd

from dashboard.charts.acceptance import cycle_colour, group_order
from dashboard.charts.ministries import PATTERNS, STATUS_ORDER
from dashboard.charts.plan import PATTERNS as PLAN_PATTERNS
from dashboard.charts.plan import STATE_COLOURS as PLAN_COLOURS
from dashboard.charts.style import NOTED, PENDING, STATUS_COLOURS, SUPPORTED
from dashboard.frames import records
from dashboard.i18n import _, fmt_int
from web.share.model import Bar, Chart, Row, Series, Table

NOT_ASSESSED = "#FFFFFF"


def _by_name(frame: pd.DataFrame) -> dict[str, list]:
    """The frame's rows by their ``name``, in order (one walk over the frame)."""
    groups: dict[str, list] = {}
    for row in records(frame):
        groups.setdefault(row.name, []).append(row)
    return groups


def _split_series(names: dict[str, str]) -> tuple[Series, ...]:
    return (Series("supported", names["supported"], SUPPORTED), Series("noted", names["noted"], NOTED, "/"))


def cycles_chart(reviews: pd.DataFrame, labels: dict[str, str], summary: str, table: Table) -> Chart:
    """The Overview's chart: each cycle's supported and noted (and awaiting the answer, where any is),
    and the official total received."""
    pending = "pending" in reviews and bool(reviews["pending"].fillna(0).any())
    columns = ["supported", "noted", *(["pending"] if pending else [])]
    series = _split_series(labels) + (
        (Series("pending", labels["pending"], PENDING, "."),) if pending else ()
    )
    rows = []
    for r in records(reviews):
        values = tuple(float(0 if pd.isna(getattr(r, c)) else getattr(r, c)) for c in columns)
        text = fmt_int(sum(values))
        if not pd.isna(r.official_received):
            text = _("{n} (official: {official})").format(n=text, official=fmt_int(r.official_received))
        rows.append(Row(labels["cycle"].format(n=int(r.cycle)), (Bar(values, text),)))
    top = max([1.0, *reviews["received"].fillna(0), *reviews["official_received"].fillna(0)])
    return Chart(labels["title"], summary, series, tuple(rows), float(top), table, table_open=True)


def rate_chart(frame: pd.DataFrame, title: str, cycle_names: dict[int, str], table: Table, summary: str,
               order: str = "count", small_n: int = 3, limit: int | None = None) -> Chart:  # fmt: skip
    """Acceptance per group (``wording.rate_chart_frame`` rows): one bar per cycle, "87 % of 198" after it."""
    names = group_order(frame, order, small_n, limit)
    cycles = sorted(int(c) for c in frame["cycle"].unique())
    series = tuple(Series(str(c), cycle_names[c], cycle_colour(c, cycles)) for c in cycles)
    by_name = _by_name(frame)
    rows = []
    for name in names:
        bars = []
        for part in by_name[name]:
            values = tuple(part.rate if c == part.cycle and pd.notna(part.rate) else 0.0 for c in cycles)
            bars.append(Bar(values, part.label, faint=part.received < small_n))
        rows.append(Row(name, tuple(bars)))
    return Chart(title, summary, series, tuple(rows), 1.0, table, legend=len(cycles) > 1)


def count_chart(frame: pd.DataFrame, title: str, cycle_names: dict[int, str], table: Table, summary: str,
                limit: int | None = None) -> Chart:  # fmt: skip
    """Noted per group (``wording.count_chart_frame`` rows), most first: one bar per cycle."""
    totals = frame.groupby("name", sort=False)["count"].sum().reset_index()
    names = totals.sort_values(["count", "name"], ascending=[False, True])["name"].tolist()[:limit]
    cycles = sorted(int(c) for c in frame["cycle"].unique())
    single = len(cycles) == 1
    series = tuple(
        Series(str(c), cycle_names[c], NOTED if single else cycle_colour(c, cycles), "/" if single else "")
        for c in cycles
    )
    by_name = _by_name(frame)
    rows = [
        Row(name, tuple(
            Bar(tuple(float(p.count) if c == p.cycle else 0.0 for c in cycles), p.label if single else p.bar_label)
            for p in by_name[name]
        ))
        for name in names
    ]  # fmt: skip
    top = float(frame["count"].max()) if len(frame) else 1.0
    return Chart(title, summary, series, tuple(rows), top, table, legend=not single)


def split_chart(frame: pd.DataFrame, title: str, names: dict[str, str], table: Table, summary: str) -> Chart:
    """Supported then noted, one stacked bar per row (``wording.split_frame`` rows), "12 · 83 % supported"."""
    rows = tuple(Row(r.name, (Bar((float(r.supported), float(r.noted)), r.label),)) for r in records(frame))
    top = float((frame["supported"] + frame["noted"]).max()) if len(frame) else 1.0
    return Chart(title, summary, _split_series(names), rows, top or 1.0, table)


def status_chart(counts: pd.DataFrame, order: list[str], labels: dict[str, str], table: Table,
                 summary: str) -> Chart:  # fmt: skip
    """Per ministry (in ``order``), its recommendations by one assessor's latest status, stacked."""
    present = [s for s in STATUS_ORDER if (counts["status"] == s).any()]
    series = tuple(
        Series(s, labels[s], STATUS_COLOURS.get(s, NOT_ASSESSED), PATTERNS.get(s, "")) for s in present
    )
    pivot = counts.pivot_table(
        index="ministry", columns="status", values="count", aggfunc="sum", fill_value=0
    )
    rows = []
    for ministry in order:
        values = tuple(float(pivot.at[ministry, s]) if ministry in pivot.index else 0.0 for s in present)
        rows.append(Row(ministry, (Bar(values, fmt_int(sum(values))),)))
    top = max([1.0, *(sum(r.bars[0].values) for r in rows)])
    return Chart(labels["title"], summary, series, tuple(rows), top, table)


def plan_chart(per: pd.DataFrame, names: dict[str, str], title: str, table: Table, summary: str) -> Chart:
    """Per ministry (``plan.per_ministry`` rows): its action-recommendation pairs done, on track and overdue,
    and the recommendations it leads with no plan, stacked (the plan page's chart)."""
    order = ("done", "on_track", "overdue", "no_plan")
    series = tuple(Series(s, names[s], PLAN_COLOURS[s], PLAN_PATTERNS.get(s, "")) for s in order)
    rows = tuple(
        Row(r.ministry or _("no lead assigned"), (Bar(tuple(float(getattr(r, s)) for s in order),
                                                      fmt_int(sum(int(getattr(r, s)) for s in order))),))
        for r in records(per)
    )  # fmt: skip
    top = max([1.0, *(sum(row.bars[0].values) for row in rows)])
    return Chart(title, summary, series, rows, top, table)
