"""Explorer (/explore): every recommendation the filters and the search select, and one in full (?rec=)."""

import streamlit as st

from dashboard import components, headlines, page_filters, plan_wording, session, wording
from dashboard.charts.timeline import timeline_figure
from dashboard.data import explore, overview
from dashboard.i18n import _, current_language, source_language_note
from dashboard.labels import document_url, label
from dashboard.sections import recurrence

version, view, lang = session.version(), session.current(), current_language()
f = view.selection
rows = explore.matches(version, f, lang)
ids = rows["id"].tolist()
# A link to one recommendation opens it even when the current filters would not select it.
outside = view.rec if view.rec and view.rec not in ids else None
choices = ["", *ids, *([outside] if outside else [])]
asked = [d.value for d in session.dropped() if d.key == "rec"]

st.title(_("Explorer"))
st.markdown(_('Search below: every word must appear; put "a phrase" in quotes.'))
page_filters.draw(view)
components.illustrative_notice(int(rows["illustrative"].sum()))
if asked:
    # The id comes from the link: shown as plain text, never as Markdown.
    st.info(_("The link asks for a recommendation that is not in the data. Choose one from the list below."))
    st.text(_("Asked for: {id}").format(id=asked[-1][:100]))
st.subheader(headlines.explore_page(version, view).lines[0])

value = st.selectbox(
    _("Open one recommendation"),
    choices,
    key="rec",
    format_func=lambda v: v or _("— choose an id —"),
)
rec = explore.recommendation(version, value) if value else None
if rec:
    if value == outside:
        st.caption(
            _("This recommendation is outside your current filters; it is shown because it was asked for.")
        )
    with st.container(border=True):
        st.text(rec["id"])
        if rec["illustrative"]:
            st.warning(_("Illustrative: a made-up stand-in, not an official recommendation."), icon="⚠️")
        if rec["text"]:
            st.text(rec["text"])  # the source's text, literally: never Markdown or HTML
            st.caption(source_language_note())
        else:
            st.text(
                _("Official text: {document} para {paragraph}").format(
                    document=rec["document"] or "–", paragraph=rec["paragraph"] or "–"
                )
            )
            if rec["document"]:
                st.link_button(
                    _("Open the report on undocs.org"),
                    document_url(rec["document"]),
                )
        assigned = explore.ministries_of(version, value, lang)
        st.text("\n".join(wording.recommendation_facts(rec, assigned)))
    history = explore.history(version, value, f.as_of)
    if history.empty:
        st.info(_("Nobody has assessed this recommendation yet."))
    else:
        labels = {k: label(k) for k in (*history["assessor"], *history["status"])}
        labels |= {"title": _("Assessment history"), "illustrative": _("illustrative")}
        summary = "; ".join(
            f"{d}: {labels[a]}, {labels[s]}"
            for d, a, s in zip(
                history["date"].astype(str), history["assessor"], history["status"], strict=True
            )
        )
        components.chart(timeline_figure(history, labels), summary, key="timeline")
        components.data_table(
            history,
            f"history-{value}",
            key="history",
            column_config={"date": st.column_config.DateColumn(_("Date"), format="YYYY-MM-DD")},
        )
    recurrence.asked_before(version, rec, view)

    plan = plan_wording.labelled(explore.plan_of(version, value, lang, f))
    st.subheader(_("The government's plan for it"))
    if plan.empty and rec["response"] != "supported":
        st.info(_("Only supported recommendations are planned for; this one is: {response}.").format(response=label(rec["response"])))  # fmt: skip
    elif plan.empty:
        st.info(_("No action of the government's plan answers this recommendation."))
    else:
        st.caption(
            _(
                "State by civil society's latest assessment, and by the government's (both in the history above)."
            )
        )
        components.data_table(plan, f"plan-{value}", key="plan", column_config={"due_date": st.column_config.DateColumn(_("Due date"), format="YYYY-MM-DD")})  # fmt: skip

st.subheader(_("Matching recommendations"))
if rows.empty:
    st.info(_("No recommendation matches. Try fewer or other words, or widen the filters."))
else:
    components.data_table(
        rows,  # the table and its CSV are labels.named_matches(rows), as the data API's CSV
        "recommendations",
        key="matches",
        column_config={"text": st.column_config.TextColumn(_("Text"), width="large")},
    )

components.copy_link(view)
components.source_line(overview.build_info(version))
