"""Acceptance (/acceptance): how much of what was recommended the government supported, by group."""

import streamlit as st

from dashboard import components, headlines, labels, markdown, page_filters, session, wording
from dashboard.charts.acceptance import rate_figure
from dashboard.data import acceptance, overview
from dashboard.frames import records
from dashboard.i18n import _

version, view = session.version(), session.current()
f = view.selection
SORTS = {"count": _("Most recommendations first"), "rate": _("Highest acceptance first")}
totals = acceptance.totals(version, f)
head = headlines.acceptance_page(version, view, quote=markdown.escape)

st.title(head.title)
st.markdown(head.intro)
page_filters.draw(view)
components.illustrative_notice(head.illustrative)
if head.empty:
    st.info(_("No recommendations match these filters. Widen the filters to see acceptance rates."))
    components.copy_link(view)
    st.stop()

for line, row in zip(head.lines, records(totals), strict=True):
    st.subheader(line)
    components.unanswered_notice(row.unanswered)

if f.response:
    st.info(_("The Response filter is on, so every rate here is 0% or 100%. Set it to Any to compare."))
names = labels.cycle_names(totals["cycle"])
scope = labels.scope(f)
SECTIONS = wording.acceptance_sections()
order = "count"  # the few regional groups: largest first; the reader orders the longer charts below
for by, (title, limit) in SECTIONS.items():
    if by == "state":
        st.caption(wording.acceptance_joint_note())
        order = st.radio(
            _("Order the bars below"), list(SORTS), format_func=SORTS.get, key="by", horizontal=True
        )
    frame = wording.rate_chart_frame(acceptance.rates(version, f, by), by)
    st.subheader(title)
    if by == "sdg":
        components.sdg_coverage(acceptance.sdg_coverage(version, f))
    if frame.empty:
        if by != "sdg":  # for goals, the coverage line above says why
            st.info(_("Nothing to show for this breakdown with these filters."))
        continue
    figure = rate_figure(
        frame,
        f"{title} · {scope}",
        _("Share supported"),
        names,
        order="name" if by == "action_category" else order,
        small_n=wording.SMALL_N,
        limit=limit,
    )
    summary = wording.acceptance_summary(frame, by, limit)
    components.chart(figure, summary, key=f"rate_{by}")
    with st.expander(_("Table and CSV: {title}").format(title=title)):
        components.data_table(
            frame[
                [
                    "cycle",
                    "group",
                    "name",
                    "received",
                    "supported",
                    "noted",
                    "unanswered",
                    "rate",
                    "illustrative_rows",
                ]
            ].drop(columns=["name"] if (frame["name"] == frame["group"]).all() else []),
            f"acceptance-by-{by.replace('_', '-')}",
            key=f"rate_{by}",
            column_config={"rate": st.column_config.NumberColumn(_("Acceptance rate"), format="percent")},
        )

components.copy_link(view)
components.source_line(overview.build_info(version))
