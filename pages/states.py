"""Recommending states (/states): what one state, several, or a regional group recommended, and its fate."""

import html

import streamlit as st

from dashboard import components, headlines, labels, markdown, page_filters, session, wording
from dashboard.charts.states import split_figure
from dashboard.data import acceptance, overview, states
from dashboard.i18n import _, fmt_int, ngettext

version, view = session.version(), session.current()
f = view.selection
ranking = states.ranking(version, f)
totals = acceptance.totals(version, f)
split_names = wording.split_names()
scope = labels.scope(f)
who = headlines.chosen_states(f)
head = headlines.states_page(version, view, quote=markdown.escape)

st.title(head.title)
page_filters.draw(view)
components.illustrative_notice(head.illustrative)
if head.empty:
    st.info(_("No recommendations match these filters. Widen the filters to see some."))
    components.copy_link(view)
    st.stop()

if not who:
    st.info(
        _(
            "Pick one or more states under “Recommending states” (or a UN regional group) above to "
            "see what they recommended to {sur} and what became of it."
        ).format(sur=markdown.escape(f.state_under_review))
    )
    st.markdown(head.lines[0])
    top = wording.split_frame(ranking.head(30), "state")
    components.chart(
        split_figure(top, _("Recommendations by state · {scope}").format(scope=scope), split_names),
        wording.split_summary(top)
        + " "
        + ngettext(
            "The chart shows the {k} state with the most; the table has all.",
            "The chart shows the {k} states with the most; the table has all.",
            len(top),
        ).format(k=fmt_int(len(top))),
        key="ranking",
    )
else:
    st.subheader(head.lines[0])
    components.unanswered_notice(head.unanswered)
    per_cycle = wording.split_frame(
        totals.assign(cycle_name=list(labels.cycle_names(totals["cycle"]).values())), "cycle_name"
    )
    components.chart(
        split_figure(per_cycle, _("Per cycle: {who}").format(who=html.escape(who)), split_names),
        wording.split_summary(per_cycle),
        key="per_cycle",
    )
    themes = wording.split_frame(states.themes(version, f), "theme")
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
        states.recommendations(version, f),
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
    column_config={  # "State" in this page's own table: it fits a laptop in Khmer too
        "state": _("State"),
        "rate": st.column_config.NumberColumn(_("Acceptance rate"), format="percent"),
    },
    hidden=["cycles"] if f.cycle is not None else [],  # one cycle: the same in every row (kept in the CSV)
)
components.copy_link(view)
components.source_line(overview.build_info(version))
