"""Overview (/): the headline figures of a review and every cycle beside its official totals."""

import pandas as pd
import streamlit as st

from dashboard import components, filters, markdown
from dashboard.charts.overview import cycles_figure
from dashboard.data import overview
from dashboard.db import run_version
from dashboard.i18n import _, fmt_int, fmt_pct, plotly_separators

version, f = run_version(), filters.current()
head = overview.headline(version, f)
reviews = overview.reviews(version, f.sur)

st.title(_("UPR recommendations to {sur}").format(sur=markdown.escape(f.sur)))
st.markdown(
    _(
        "How many recommendations each review brought, how many the government supported, and what became of them."
    )
)
components.illustrative_notice(int(head["illustrative"]))

scope = _("All cycles") if f.cycle is None else _("Cycle {n}").format(n=f.cycle)
received = int(head["received"])
st.subheader(scope)
cols = st.columns(5)
cols[0].metric(_("Received"), fmt_int(received))
cols[1].metric(_("Supported"), fmt_int(head["supported"]))
cols[2].metric(_("Noted"), fmt_int(head["noted"]))
cols[3].metric(_("Acceptance rate"), fmt_pct(head["supported"] / received) if received else "–")
cols[4].metric(_("Recommending states"), fmt_int(head["recommending_states"]))

official = reviews[reviews["cycle"] == f.cycle] if f.cycle is not None else reviews.iloc[0:0]
if not official.empty and pd.notna(official.iloc[0]["official_received"]):
    row = official.iloc[0]
    st.caption(
        _(
            "Official totals: {received} received, {supported} supported, {noted} noted, {states} states — {source}."
        ).format(
            received=fmt_int(row["official_received"]),
            supported=fmt_int(row["official_supported"]),
            noted=fmt_int(row["official_noted"]),
            states=fmt_int(row["official_recommending_states"]),
            source=markdown.escape(row["official_source"]),
        )
    )

labels = {
    "cycle": _("Cycle {n}"),
    "supported": _("Supported"),
    "noted": _("Noted"),
    "official": _("Official total received"),
    "title": _("Recommendations per cycle"),
}
summary = "; ".join(
    _("cycle {n}: {received} received, {supported} supported, {noted} noted ({rate} supported)").format(
        n=int(r.cycle),
        received=fmt_int(r.received),
        supported=fmt_int(r.supported),
        noted=fmt_int(r.noted),
        rate=fmt_pct(r.supported / r.received) if r.received else "–",
    )
    for r in reviews.itertuples()
    if pd.notna(r.received)
)
figure = cycles_figure(reviews, labels, number=fmt_int, separators=plotly_separators())
components.chart(figure, summary, key="cycles")

st.subheader(_("Do the counts match the official totals?"))
table = reviews.assign(
    difference=lambda d: d["received"] - d["official_received"],
)[
    [
        "cycle",
        "year",
        "document",
        "received",
        "supported",
        "noted",
        "recommending_states",
        "official_received",
        "official_supported",
        "official_noted",
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
components.copy_link("", f)
components.source_line(overview.build_info(version))
