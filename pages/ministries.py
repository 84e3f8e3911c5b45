"""Progress by ministry (/ministries): who carries the supported recommendations, what moved, what is stalled."""

from datetime import date

import streamlit as st

from dashboard import components, headlines, page_filters, session, wording
from dashboard.charts.ministries import status_figure
from dashboard.data import ministries, overview
from dashboard.i18n import _, current_language, fmt_int, ngettext
from dashboard.sections import progress

version, view, lang, today = session.version(), session.current(), current_language(), date.today()
f = view.selection
ROLES = wording.ministry_roles()
head = headlines.ministries_page(version, view, today)
pairs = ministries.assignments(version, f, lang, today)
recs = ministries.recommendations(version, f, lang, today)
disagree, stalled = ministries.disagreements(recs), ministries.stalled(recs)
# Headers come from dashboard/columns.py; here only what this page says or shows its own way.
COLUMNS = {
    "government_status": _("Government"),
    "civil_society_status": _("Civil society"),
    "government_date": st.column_config.DateColumn(_("Government date"), format="YYYY-MM-DD"),
    "civil_society_date": st.column_config.DateColumn(_("Civil-society date"), format="YYYY-MM-DD"),
    "last_assessed": st.column_config.DateColumn(_("Last assessed"), format="YYYY-MM-DD"),
}


st.title(head.title)
st.markdown(head.intro)
page_filters.draw(view)
components.illustrative_notice(head.illustrative)
if head.empty:
    st.info(_("No supported recommendation matches these filters. Widen the filters."))
    components.copy_link(view)
    st.stop()

for row in (head.figures[:3], head.figures[3:]):
    for col, shown in zip(st.columns(3), row, strict=True):
        col.metric(shown.label, shown.value)
st.caption(head.note)

if pairs.empty:
    st.info(_("None of these recommendations is assigned to a ministry in the data."))
else:
    role = st.radio(
        _("For each ministry, count the recommendations"),
        list(ROLES),
        format_func=ROLES.get,
        key="role",
        horizontal=True,
    )
    table = ministries.per_ministry(pairs, role)
    names = wording.status_names()
    for col, who in zip(st.columns(2), ("government", "civil_society"), strict=True):
        labels = names | {"title": wording.status_title(who)}
        figure = status_figure(
            ministries.status_counts(pairs, role, who),
            table.loc[table["counted"] > 0, "ministry"].tolist(),
            labels,
        )
        summary = wording.ministry_summary(table, who)
        with col:
            components.chart(figure, summary, key=f"status_{who}")
    st.subheader(_("Load and progress per ministry"))
    st.caption(
        _(
            "Progress columns count the recommendations {role}. Stalled: no assessment for a year or more, or never."
        ).format(role=ROLES[role])
    )
    components.data_table(  # in the CSV only, so the table fits a laptop: "counted" repeats Leads (or
        table.drop(columns=["ministry_id"]),  # Leads + Supports); the notice above says what is illustrative
        "ministries",
        key="ministries",
        column_config=COLUMNS,
        hidden=["counted", "illustrative_rows"],
    )

progress.over_time(version, f, today)
progress.by_goal(version, f, today)

st.subheader(_("Where the government and civil society disagree"))
if disagree.empty:
    st.info(
        _("No recommendation here has a latest government status that differs from the civil-society one.")
    )
else:
    components.data_table(disagree, "disagreements", key="disagree", column_config=COLUMNS)

st.subheader(_("No update for a year or more"))
st.caption(
    ngettext(
        "Nobody has assessed these for {days} day or more, or ever.",
        "Nobody has assessed these for {days} days or more, or ever.",
        ministries.STALE_DAYS,
    ).format(days=fmt_int(ministries.STALE_DAYS))
)
if stalled.empty:
    st.info(_("Every recommendation here has been assessed within the last year."))
else:
    components.data_table(stalled, "stalled", key="stalled", column_config=COLUMNS)

components.plan_template_download(version, view, lang)
components.copy_link(view)
components.source_line(overview.build_info(version))
