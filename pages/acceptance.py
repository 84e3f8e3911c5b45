"""Acceptance (/acceptance): how much of what was recommended the government supported, by group."""

import streamlit as st

from dashboard import components, labels, markdown, session, wording
from dashboard.charts.acceptance import rate_figure
from dashboard.data import acceptance, overview
from dashboard.i18n import _, fmt_int, fmt_pct

version, view = session.version(), session.current()
f = view.selection
SORTS = {"count": _("Most recommendations first"), "rate": _("Highest acceptance first")}
totals = acceptance.totals(version, f)

st.title(_("Acceptance"))
st.markdown(_("Supported ÷ answered (supported or noted), always with the count beside the rate."))
components.illustrative_notice(acceptance.illustrative_rows(version, f))
if totals.empty:
    st.info(
        _("No recommendations match these filters. Widen the filters in the sidebar to see acceptance rates.")
    )
    components.copy_link(view)
    st.stop()

for row in totals.itertuples():
    st.subheader(
        _("Cycle {n}: {sur} supported {supported} of {received} ({rate})").format(
            n=row.cycle,
            sur=markdown.escape(f.state_under_review),
            supported=fmt_int(row.supported),
            received=fmt_int(row.answered),
            rate=fmt_pct(row.rate),
        )
    )
    components.unanswered_notice(row.unanswered)

if f.response:
    st.info(_("The Response filter is on, so every rate here is 0% or 100%. Set it to Any to compare."))
names = labels.cycle_names(totals["cycle"])
scope = labels.scope(f)
SECTIONS = {
    "region": (_("By UN regional group"), None),
    "state": (_("By recommending state"), 25),
    "theme": (_("By theme"), 20),
    "action_category": (_("By action asked for"), None),
}
order = "count"  # the few regional groups: largest first; the reader orders the longer charts below
for by, (title, limit) in SECTIONS.items():
    if by == "state":
        st.caption(
            _(
                "A joint recommendation counts once for each of its recommending states and regional groups, "
                "and once for each of its themes, so group counts add up to more than the total. Groups with "
                "fewer than {k} recommendations are drawn faint: a rate of a handful says little."
            ).format(k=wording.SMALL_N)
        )
        order = st.radio(
            _("Order the bars below"), list(SORTS), format_func=SORTS.get, key="by", horizontal=True
        )
    frame = wording.rate_chart_frame(acceptance.rates(version, f, by), by)
    st.subheader(title)
    if frame.empty:
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
    summary = wording.rate_summary(frame)
    if by == "action_category":
        summary = (
            _("Edward McMahon's scale, as UPR Info uses it: 1 asks for minimal action, 5 for a specific one.")
            + " "
            + summary
        )
    groups = frame["name"].nunique()
    if limit and groups > limit:
        summary += " " + _("The chart shows the {k} largest of {n}; the table has all.").format(
            k=limit, n=groups
        )
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
