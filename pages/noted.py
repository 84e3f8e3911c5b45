"""Noted recommendations (/noted): the ones the government did not accept, by theme and by state."""

import streamlit as st

from dashboard import components, headlines, labels, markdown, page_filters, session, wording
from dashboard.charts.noted import count_figure
from dashboard.data import acceptance, noted, overview
from dashboard.i18n import _, fmt_int

version, view = session.version(), session.current()
f = view.selection
only = noted.only_noted(f)
per_cycle = acceptance.totals(version, only)  # one row per cycle with noted recommendations
rows = noted.recommendations(version, f)
positions = noted.wg_positions(version, f)
head = headlines.noted_page(version, view, quote=markdown.escape)

st.title(head.title)
st.markdown(head.intro)
if head.note:
    st.markdown(head.note)
page_filters.draw(view)
if f.response == "supported":
    st.info(_("This page lists noted recommendations only, so the Response filter is not applied here."))
components.illustrative_notice(head.illustrative)
if head.empty:
    st.info(_("No noted recommendations match these filters. Widen the filters to see some."))
    components.copy_link(view)
    st.stop()

st.subheader(head.lines[0])
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
for note in noted.official_notes(version, f):
    st.caption(wording.data_note(note))  # a note from official_totals.csv: data, shown as text

names = labels.cycle_names(per_cycle["cycle"])
scope = labels.scope(f)
for by, title, limit, in_all in wording.noted_sections():
    frame = wording.count_chart_frame(acceptance.rates(version, only, by), by)
    figure = count_figure(frame, f"{title} · {scope}", names, limit=limit)
    summary = wording.noted_summary(frame, in_all, limit)
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
components.copy_link(view)
components.source_line(overview.build_info(version))
