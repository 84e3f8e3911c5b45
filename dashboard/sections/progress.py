"""The Ministries page's progress sections: statuses quarter by quarter, and by Sustainable Development Goal."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import components
from dashboard.charts.ministries import STATUS_ORDER, status_figure
from dashboard.charts.ministries_progress import quarter_figure
from dashboard.data import ministries_progress
from dashboard.data.ministries_progress import NOT_ASSESSED
from dashboard.i18n import _, fmt_date, fmt_int, plotly_separators
from dashboard.labels import label, sdg_name
from dashboard.view import Selection
from vocab import ASSESSORS, MOVED_STATUSES


def _names() -> dict[str, str]:
    names = {s: label(s) for s in STATUS_ORDER if s != NOT_ASSESSED}
    return names | {NOT_ASSESSED: _("Not assessed"), "x": _("Recommendations"), "y": _("Recommendations")}


def over_time(version: str, f: Selection, today: date) -> None:
    """Per assessor, a column per quarter of the selected supported recommendations by the status they
    had at its end, and the table behind the charts."""
    counts = ministries_progress.status_by_quarter(version, f, today)
    st.subheader(_("Progress over time"))
    if counts.empty:
        st.info(_("None of these recommendations has been assessed yet."))
        return
    st.caption(
        _(
            "At the end of each quarter, the status each assessor had last given each supported recommendation "
            "here (the last quarter ends on {day}). Not assessed: that assessor had not assessed it yet."
        ).format(day=fmt_date(counts["quarter_end"].max()))
    )
    quarters = {q: fmt_date(q, "QQQ y") for q in sorted(counts["quarter"].unique())}
    names = _names()
    present = [a for a in ASSESSORS if a in set(counts["assessor"])]
    columns = st.columns(2)
    for k, who in enumerate(present):
        part = counts[counts["assessor"] == who]
        labels = names | {"title": _("Status at each quarter's end: {assessor}").format(assessor=label(who))}
        first, last = min(quarters), max(quarters)
        ends = part[part["quarter"].isin((first, last))]
        summary = "; ".join(
            _("{quarter}: {counts}").format(
                quarter=quarters[q],
                counts=", ".join(
                    f"{names[s]} {fmt_int(c)}"
                    for quarter, s, c in zip(ends["quarter"], ends["status"], ends["count"], strict=True)
                    if quarter == q
                ),
            )
            for q in (first, last)
        )
        with columns[k % 2]:
            components.chart(
                quarter_figure(part, quarters, labels, plotly_separators()), summary, key=f"quarters_{who}"
            )
    statuses = tuple(s for s in STATUS_ORDER)
    table = ministries_progress.wide(counts, statuses)
    with st.expander(_("Table and CSV: progress over time")):
        components.data_table(
            table.assign(assessor=table["assessor"].map(label)),
            "progress-by-quarter",
            key="quarters",
            column_config={s: st.column_config.NumberColumn(names[s]) for s in statuses}
            | {
                "quarter": st.column_config.DateColumn(_("Quarter from"), format="YYYY-MM-DD"),
                "quarter_end": st.column_config.DateColumn(_("Status on"), format="YYYY-MM-DD"),
            },
        )


def by_goal(version: str, f: Selection, today: date) -> None:
    """Per SDG goal, the selected supported recommendations by each assessor's latest status."""
    counts = ministries_progress.status_by_goal(version, f, today)
    st.subheader(_("Progress by Sustainable Development Goal"))
    if counts.empty:
        st.info(
            _(
                "None of these supported recommendations names a Sustainable Development Goal. Only imported "
                "recommendations carry goals (the UN Human Rights Index and OHCHR's cycle-4 matrices list them)."
            )
        )
        return
    st.caption(_("A recommendation naming several goals counts once for each."))
    goals = list(dict.fromkeys(counts["goal"]))
    shown = counts.assign(ministry=counts["goal"].map(sdg_name))
    order = [sdg_name(g) for g in goals]
    names = _names()
    for col, who in zip(st.columns(2), ("government", "civil_society"), strict=True):
        part = shown[shown["assessor"] == who]
        labels = names | {"title": _("Latest status by goal: {assessor}").format(assessor=label(who))}
        total = part.groupby("ministry", sort=False)["count"].sum()
        moved = part[part["status"].isin(MOVED_STATUSES)].groupby("ministry", sort=False)["count"].sum()
        summary = "; ".join(
            _("{goal}: {moved} of {total} moved").format(
                goal=name, moved=fmt_int(moved.get(name, 0)), total=fmt_int(total.get(name, 0))
            )
            for name in order
        )
        with col:
            components.chart(status_figure(part, order, labels), summary, key=f"goals_{who}")
    with st.expander(_("Table and CSV: progress by goal")):
        table = shown.assign(assessor=shown["assessor"].map(label), status=shown["status"].map(names.get))
        components.data_table(
            table[["goal", "ministry", "assessor", "status", "count", "illustrative_rows"]],
            "progress-by-goal",
            key="goals",
            column_config={
                "goal": st.column_config.TextColumn(_("Goal")),
                "ministry": st.column_config.TextColumn(_("Sustainable Development Goal")),
                "count": st.column_config.NumberColumn(_("Recommendations")),
            },
        )
