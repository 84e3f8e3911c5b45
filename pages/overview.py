"""Overview (/): the headline figures of a review and every cycle beside its official totals."""

import streamlit as st

from dashboard import components, headlines, markdown, page_filters, provenance, session, wording
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
page_filters.draw(view)
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
if head.note:  # the official totals, their source (data: shown as text) and links to it and the report
    provenance.official_totals(overview.official(version, f))

summary = wording.cycles_summary(reviews)
figure = cycles_figure(reviews, wording.cycles_labels(), number=fmt_int, separators=plotly_separators())
components.chart(figure, summary, key="cycles")

st.subheader(_("Do the counts match the official totals?"))
st.caption(
    _("Each count beside the official one; the sources and their notes are on the About page and in the CSV.")
)
PAIRED = ["received", "supported", "noted", "rejected", "recommending_states"]
table = reviews[
    ["cycle", "year", "document", *[c for n in PAIRED for c in (n, f"official_{n}")], "pending", "unclassified",
     "reconciles", "illustrative_rows", "official_note", "official_source", "official_source_url"]
].rename(columns={"official_source": "source", "official_source_url": "source_url"})  # fmt: skip
unused = [
    c for c in ("rejected", "official_rejected", "pending", "unclassified") if not table[c].fillna(0).any()
]
components.data_table(
    table,
    "overview-cycles",
    key="cycles",
    column_config={f"official_{n}": _("Official") for n in PAIRED}  # right after the count it is set against
    | {"recommending_states": _("States"), "rejected": _("Rejected"), "reconciles": _("Matches")}
    | {"illustrative_rows": _("Illustrative")},  # short headers: the table fits a laptop
    hidden=["year", "official_note", "source", "source_url", *unused],  # in the CSV; About shows the sources
)
components.copy_link(view)
components.source_line(overview.build_info(version))
