"""Overview (/): the headline figures of a review and every cycle beside its official totals."""

import streamlit as st

from dashboard import components, labels, markdown, session, wording
from dashboard.charts.overview import cycles_figure
from dashboard.data import overview
from dashboard.i18n import _, fmt_int, fmt_pct, plotly_separators

version, view = session.version(), session.current()
f = view.selection
head = overview.headline(version, f)
official = overview.official(version, f)
reviews = overview.reviews(version, f.state_under_review)

st.title(_("UPR recommendations to {sur}").format(sur=markdown.escape(f.state_under_review)))
st.markdown(
    _(
        "How many recommendations each review brought, how many the government supported, and what became of them."
    )
)
components.illustrative_notice(int(head["illustrative"]))

st.subheader(labels.cycle_name(f.cycle))
cols = st.columns(5)
cols[0].metric(_("Received"), fmt_int(head["received"]))
cols[1].metric(_("Supported"), fmt_int(head["supported"]))
cols[2].metric(_("Noted"), fmt_int(head["noted"]))
cols[3].metric(_("Acceptance rate"), fmt_pct(head["rate"]))
cols[4].metric(_("Recommending states"), fmt_int(head["recommending_states"]))
if head["pending"] or head["unclassified"]:
    cols = st.columns(5)
    cols[0].metric(_("Awaiting the government's answer"), fmt_int(head["pending"]))
    cols[1].metric(_("Position not read"), fmt_int(head["unclassified"]))
    components.unanswered_notice(head["pending"] + head["unclassified"])
if official:
    st.caption(markdown.escape(wording.official_totals_line(official)))

labels = {
    "cycle": _("Cycle {n}"),
    "supported": _("Supported"),
    "noted": _("Noted"),
    "pending": _("Awaiting the answer"),
    "official": _("Official total received"),
    "title": _("Recommendations per cycle"),
}
summary = wording.cycles_summary(reviews)
figure = cycles_figure(reviews, labels, number=fmt_int, separators=plotly_separators())
components.chart(figure, summary, key="cycles")

st.subheader(_("Do the counts match the official totals?"))
table = reviews[
    [
        "cycle",
        "year",
        "document",
        "received",
        "supported",
        "noted",
        "rejected",
        "pending",
        "unclassified",
        "recommending_states",
        "official_received",
        "official_supported",
        "official_noted",
        "official_rejected",
        "official_recommending_states",
        "reconciles",
        "illustrative",
        "official_note",
        "official_source",
        "official_source_url",
    ]
]
components.data_table(
    table.rename(columns={"official_source": "source", "official_source_url": "source_url"}),
    "overview-cycles",
    key="cycles",
    column_config={
        "year": st.column_config.NumberColumn(_("Year"), format="%d"),  # 2019, not 2,019
        "source_url": st.column_config.LinkColumn(_("Source link")),
    },
)
components.copy_link(view)
components.source_line(overview.build_info(version))
