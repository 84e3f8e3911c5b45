"""Overview (/): the headline figures of a review and every cycle beside its official totals."""

import streamlit as st

from dashboard import components, headlines, markdown, session, wording
from dashboard.charts.overview import cycles_figure
from dashboard.data import overview
from dashboard.i18n import _, fmt_int, plotly_separators

version, view = session.version(), session.current()
f = view.selection
head = headlines.overview_page(version, view, quote=markdown.escape)
cover = overview.plan_coverage(version, f)
reviews = overview.reviews(version, f.state_under_review)

st.title(head.title)
st.markdown(head.intro)
components.illustrative_notice(head.illustrative)

st.subheader(head.subtitle)
for row in (head.figures, head.more_figures):
    for col, shown in zip(st.columns(5), row, strict=False):
        col.metric(shown.label, shown.value)
cols = st.columns([2, 1, 1, 1])  # the plan's label and figure are the longest
cols[0].metric(
    _("Supported recommendations with a plan"),
    _("{n} of {m}").format(n=fmt_int(cover["with_plan"]), m=fmt_int(cover["supported"])),
    help=_("At least one action of the government's plan answers them (see The government's plan)."),
)
if cover["illustrative_plan"]:
    cols[0].caption(_("Of these plans, {n} include illustrative actions: made up, not the government's.").format(n=fmt_int(cover["illustrative_plan"])))  # fmt: skip
components.unanswered_notice(head.unanswered)
if head.note:
    st.caption(markdown.escape(head.note))  # the official source's name is data: shown as text

summary = wording.cycles_summary(reviews)
figure = cycles_figure(reviews, wording.cycles_labels(), number=fmt_int, separators=plotly_separators())
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
