"""The government's plan (/plan): each ministry's actions, due dates and state, and its indicators."""

import streamlit as st

from dashboard import components, page_filters, plan_wording, session
from dashboard.charts.plan import indicator_figure, states_figure
from dashboard.data import overview, plan
from dashboard.i18n import _, current_language, fmt_int, fmt_number, plotly_separators
from dashboard.labels import label

version, view, lang = session.version(), session.current(), current_language()
f = view.selection
cover = overview.plan_coverage(version, f)
pairs = plan.pairs(version, f, lang)
head = plan.headline(pairs)
indicators = plan.indicators(version, f, lang)
DATE = "YYYY-MM-DD"
COLUMNS = {
    "start_date": st.column_config.DateColumn(_("Start date"), format=DATE),
    "due_date": st.column_config.DateColumn(_("Due date"), format=DATE),
    "baseline_date": st.column_config.DateColumn(_("Baseline date"), format=DATE),
    "latest_date": st.column_config.DateColumn(_("Latest value's date"), format=DATE),
    "target_date": st.column_config.DateColumn(_("Target date"), format=DATE),
    "action": st.column_config.TextColumn(_("What will be done"), width="large"),
}

st.title(_("The government's plan"))
st.markdown(
    _(
        "The actions each ministry plans for the supported recommendations your filters select, with their "
        "due dates, and how their indicators moved. **An action that answers two recommendations counts once "
        "for each of them.**"
    )
)
page_filters.draw(view)
components.illustrative_notice(head["illustrative"])
if not cover["supported"]:
    st.info(_("No supported recommendation matches these filters. Widen the filters."))
    components.copy_link(view)
    st.stop()

cols = st.columns([2, 1, 1, 1])  # the first label and figure are the longest
cols[0].metric(
    _("Supported recommendations with a plan"),
    _("{n} of {m}").format(n=fmt_int(cover["with_plan"]), m=fmt_int(cover["supported"])),
)
cols[1].metric(_("With an overdue action"), fmt_int(head["overdue_recommendations"]))
cols[2].metric(_("No plan"), fmt_int(cover["supported"] - cover["with_plan"]))
cols[3].metric(_("Actions"), fmt_int(head["actions"]))
cols = st.columns(4)
cols[0].metric(_("Action × recommendation"), fmt_int(head["pairs"]))
for col, state in zip(cols[1:], plan.PAIR_STATES, strict=True):
    col.metric(label(state), fmt_int(head[state]))
st.caption(
    _(
        "Done: civil society's latest assessment says the recommendation is implemented. Overdue: not done and "
        "the due date has passed. On track: not done, not yet due. {pairs} = {done} done + {on_track} on track + "
        "{overdue} overdue. The state by the government's own assessment is in the table, beside it."
    ).format(
        pairs=fmt_int(head["pairs"]),
        done=fmt_int(head["done"]),
        on_track=fmt_int(head["on_track"]),
        overdue=fmt_int(head["overdue"]),
    )
)

table = plan.per_ministry(pairs)
labels = plan_wording.state_labels() | {
    "title": _("Each ministry's actions by state"),
    # Short: a 390-px phone cut a longer axis title; the intro says an action counts once per recommendation.
    "x": _("Recommendations"),
}
order = [m or _("no lead assigned") for m in table["ministry"]]
counts = plan.state_counts(pairs).replace({"ministry": {"": _("no lead assigned")}})
components.chart(states_figure(counts, order, labels), plan_wording.states_summary(table), key="plan_states")
components.data_table(
    plan_wording.labelled(table.drop(columns=["ministry_id"])), "plan-ministries", key="ministries"
)

st.subheader(_("Actions and their due dates"))
actions = pairs[pairs["plan_state"] != "no_plan"].drop(columns=["ministry_id"])
if actions.empty:
    st.info(_("No action of the government's plan answers these recommendations."))
else:
    components.data_table(
        plan_wording.labelled(actions), "plan-actions", key="actions", column_config=COLUMNS
    )

st.subheader(_("Supported recommendations with no plan"))
missing = pairs.loc[pairs["plan_state"] == "no_plan", ["recommendation_id", "cycle", "paragraph", "ministry",
                                                  "civil_society_status", "government_status", "source", "illustrative"]]  # fmt: skip
if missing.empty:
    st.info(_("Every supported recommendation here has at least one action."))
else:
    st.caption(_("Listed under the ministry that leads them."))
    components.data_table(plan_wording.labelled(missing), "plan-no-plan", key="no_plan")

st.subheader(_("Indicators: from baseline to target"))
if indicators.empty:
    st.info(_("The actions here have no indicator."))
else:
    chosen = st.selectbox(
        _("Indicator"),
        indicators["indicator_id"].tolist(),
        format_func=dict(zip(indicators["indicator_id"], [plan_wording.indicator_choice(r) for r in indicators.itertuples()], strict=True)).get,
        key="plan_indicator",
    )  # fmt: skip
    row = indicators.set_index("indicator_id").loc[chosen].to_dict()
    series = plan.series(version, chosen, f.as_of)
    names = {
        "title": f"{row['indicator']} ({label(row['unit'])})",
        "unit": label(row["unit"]),
        "baseline": _("Baseline {value} ({date})"),
        "target": _("Target {value} by {date}"),
        "path": _("The plan's path"),
        "government": label("government"),
        "civil_society": label("civil_society"),
        "un": label("un"),
        "nhri": label("nhri"),
    }
    figure = indicator_figure(series, names, number=fmt_number, separators=plotly_separators())
    components.chart(figure, plan_wording.indicator_summary(row, series), key="indicator")
    components.data_table(
        plan_wording.labelled(indicators), "plan-indicators", key="indicators", column_config=COLUMNS
    )

components.copy_link(view)
components.source_line(overview.build_info(version))
