"""Noted recommendations (/noted): the ones the government did not accept, by theme and by state."""

import streamlit as st

from dashboard import components, filters, markdown, wording
from dashboard.charts.noted import count_figure
from dashboard.data import acceptance, noted, overview
from dashboard.db import run_version
from dashboard.i18n import _, fmt_int

version, f = run_version(), filters.current()
only = noted.only_noted(f)
rows = wording.with_pointers(noted.recommendations(version, f))
positions = noted.wg_positions(version, f)

st.title(_("Noted recommendations"))
st.markdown(
    _(
        "The recommendations {sur} did not accept (“noted”; some sources say “rejected”). Noted does not "
        "mean closed: a government can still act on them, and civil society can press it to."
    ).format(sur=markdown.escape(f.sur))
)
if f.sur == "Cambodia":
    st.markdown(
        _(
            "The Cambodian Center for Human Rights (CCHR) urges the government to implement the noted "
            "recommendations anyway."
        )
    )
if f.response == "supported":
    st.info(_("This page lists noted recommendations only, so the Response filter is not applied here."))
components.illustrative_notice(int(rows["illustrative"].sum()))
if rows.empty:
    st.info(_("No noted recommendations match these filters. Widen the filters in the sidebar to see some."))
    components.copy_link("noted", f)
    st.stop()

per_cycle = rows.groupby("cycle").size()
st.subheader(
    "; ".join(
        _("Cycle {n}: {k} noted").format(n=cycle, k=fmt_int(count)) for cycle, count in per_cycle.items()
    )
)
for cycle, part in positions.groupby("cycle"):
    listed = ", ".join(
        _("{k} as “{position}”").format(k=fmt_int(r.noted), position=r.wg_position) for r in part.itertuples()
    )
    st.info(
        _(
            "Cycle {n}: the Working Group report first listed {listed}. The final response is what counts: "
            "all of them were finally noted. The wg_position column of the table shows each one."
        ).format(n=cycle, listed=listed)
    )
reviews = overview.reviews(version, f.sur)
for note in reviews[reviews["cycle"].isin(per_cycle.index)]["official_note"].dropna():
    st.caption(markdown.escape(note))  # a note from official_totals.csv: data, shown as text

names = wording.cycle_names(per_cycle.index)
scope = _("all cycles") if f.cycle is None else _("cycle {n}").format(n=f.cycle)
for by, title, limit, in_all in (
    ("theme", _("Noted, by theme"), 20, _("{k} themes in all.")),
    ("state", _("Noted, by recommending state"), 25, _("{k} states in all.")),
):
    frame = wording.count_chart_frame(acceptance.rates(version, only, by), by)
    figure = count_figure(frame, f"{title} · {scope}", names, limit=limit)
    summary = wording.count_summary(frame, in_all)
    if frame["name"].nunique() > limit:
        summary += " " + _(
            "The chart shows the {k} largest; the table below has every recommendation."
        ).format(k=limit)
    components.chart(figure, summary, key=f"noted_{by}")
st.caption(
    _("A joint recommendation counts for each of its states, and one with several themes for each theme.")
)

st.subheader(_("The noted recommendations"))
columns = [
    "id",
    "cycle",
    "document",
    "paragraph",
    "recommending_states",
    "themes",
    "response_label",
    "wg_position",
    "text",
    "civil_society_status",
    "civil_society_date",
    "government_status",
    "government_date",
    "source",
    "illustrative",
]
table = rows[columns].drop(columns=[] if rows["wg_position"].notna().any() else ["wg_position"])
components.data_table(
    table,
    "noted",
    key="noted",
    column_config={
        "text": st.column_config.TextColumn(_("Text (or where to read it)"), width="large"),
    },
)
components.copy_link("noted", f)
components.source_line(overview.build_info(version))
