"""Recommending states (/states): what one state, several, or a regional group recommended, and its fate."""

import html

import streamlit as st

from dashboard import components, filters, markdown, wording
from dashboard.charts.state_profile import split_figure
from dashboard.data import acceptance, overview, state_profile
from dashboard.db import current_version
from dashboard.i18n import _, fmt_int, fmt_pct, ngettext

version, f = current_version(), filters.current()
ranking = state_profile.ranking(version, f)
totals = acceptance.totals(version, f)
split_names = {"supported": _("Supported"), "noted": _("Noted")}
scope = _("all cycles") if f.cycle is None else _("cycle {n}").format(n=f.cycle)
who = ", ".join([*f.states, *([filters.label(f.region)] if f.region else [])])

st.title(_("What {who} recommended").format(who=markdown.escape(who)) if who else _("Recommending states"))
components.illustrative_notice(int(totals["illustrative_rows"].sum()))
if totals.empty:
    st.info(_("No recommendations match these filters. Widen the filters in the sidebar to see some."))
    components.copy_link("states", f)
    st.stop()

if not who:
    st.info(
        _(
            "Pick one or more states under “Recommending states” (or a UN regional group) in the sidebar to "
            "see what they recommended to {sur} and what became of it."
        ).format(sur=markdown.escape(f.sur))
    )
    st.markdown(
        _(
            "{n} states made the recommendations {sur} received in {scope}, most recommendations first."
        ).format(n=fmt_int(len(ranking)), sur=markdown.escape(f.sur), scope=scope)
    )
    top = wording.split_frame(ranking.head(30), "state")
    components.chart(
        split_figure(top, _("Recommendations by state · {scope}").format(scope=scope), split_names),
        wording.split_summary(top)
        + " "
        + _("The chart shows the {k} states with the most; the table has all.").format(k=len(top)),
        key="ranking",
    )
else:
    received, supported = int(totals["received"].sum()), int(totals["supported"].sum())
    st.subheader(
        ngettext(
            "{sur} received {n} recommendation from {who} in {scope} and supported {supported} ({rate}).",
            "{sur} received {n} recommendations from {who} in {scope} and supported {supported} ({rate}).",
            received,
        ).format(
            sur=markdown.escape(f.sur),
            n=fmt_int(received),
            who=markdown.escape(who),
            scope=scope,
            supported=fmt_int(supported),
            rate=fmt_pct(supported / received),
        )
    )
    per_cycle = wording.split_frame(
        totals.assign(cycle_name=list(wording.cycle_names(totals["cycle"]).values())), "cycle_name"
    )
    components.chart(
        split_figure(per_cycle, _("Per cycle: {who}").format(who=html.escape(who)), split_names),
        wording.split_summary(per_cycle),
        key="per_cycle",
    )
    themes = wording.split_frame(state_profile.themes(version, f), "theme")
    components.chart(
        split_figure(themes, _("On which themes · {scope}").format(scope=scope), split_names),
        wording.split_summary(themes) + " " + _("A recommendation with several themes counts for each."),
        key="themes",
    )
    if len(ranking) > 1:
        by_state = wording.split_frame(ranking.head(30), "state")
        components.chart(
            split_figure(by_state, _("By state · {scope}").format(scope=scope), split_names),
            wording.split_summary(by_state),
            key="by_state",
        )
    st.subheader(_("Their recommendations"))
    st.caption(_("A joint recommendation appears once here, with all its states."))
    components.data_table(
        wording.with_pointers(state_profile.recommendations(version, f)),
        "recommendations-by-state",
        key="recommendations",
        column_config={"text": st.column_config.TextColumn(_("Text (or where to read it)"), width="large")},
    )

st.subheader(_("Recommending states in this view"))
st.caption(
    _("A joint recommendation counts once for each of its states, so the rows add up to more than the total.")
)
components.data_table(
    ranking,
    "recommending-states",
    key="ranking",
    column_config={"rate": st.column_config.NumberColumn(_("Acceptance rate"), format="percent")},
)
components.copy_link("states", f)
components.source_line(overview.build_info(version))
