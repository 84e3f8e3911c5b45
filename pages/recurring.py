"""Asked again (/recurring): what earlier reviews already asked, as chains across cycles, and one in full."""

import streamlit as st

from dashboard import components, markdown, names, page_filters, session
from dashboard.data import overview, recurring
from dashboard.i18n import _, fmt_int, ngettext
from dashboard.sections import recurrence

version, view = session.version(), session.current()
f = view.selection
chains = recurring.chains(version, f)
sums = recurring.totals(chains)
by_cycle = recurring.repeats_by_cycle(version, f)

st.title(_("Asked again"))
st.markdown(
    _(
        "Recommendations to {sur} that ask for what an earlier review already asked. The links between "
        "them are suggested by a program that compares the texts, and confirmed or rejected by monitors."
    ).format(sur=markdown.escape(names.current().state(f.state_under_review)))
)
page_filters.draw(view)
components.illustrative_notice(int(by_cycle["illustrative_rows"].sum()))

recurrence.repeats(version, f, by_cycle)

st.subheader(_("Chains: the same thing asked in several reviews"))
cols = st.columns(4)
cols[0].metric(_("Chains"), fmt_int(sums["chains"]))
cols[1].metric(_("Recommendations in them"), fmt_int(sums["recommendations"]))
cols[2].metric(_("Asked again"), fmt_int(sums["asked_again"]))
cols[3].metric(_("Largest chain"), fmt_int(sums["largest"]))
if not sums["chains"]:
    recurrence.elsewhere(version, view)
if sums["chains"]:
    st.caption(
        _(
            "Each chain is counted once: a chain is a group of recommendations linked to one another across "
            "reviews, and no recommendation is in two chains. These {chains} hold {recommendations}: "
            "{first} first asked and {again} asked again. A chain is listed when one of its newest "
            "recommendations (those of its last review) matches your filters; its latest status is the latest "
            "assessment of any of them."
        ).format(
            chains=ngettext("{n} chain", "{n} chains", sums["chains"]).format(n=fmt_int(sums["chains"])),
            recommendations=ngettext(
                "{n} recommendation", "{n} recommendations", sums["recommendations"]
            ).format(n=fmt_int(sums["recommendations"])),
            first=fmt_int(sums["first_asked"]),
            again=fmt_int(sums["asked_again"]),
        )
    )
recurrence.chains_table(version, f, chains)

st.subheader(_("One chain in full"))
ids = chains["chain_id"].tolist()
outside = [view.chain] if view.chain and view.chain not in ids else []
size = dict(zip(chains["chain_id"], chains["recommendations"], strict=True))
chosen = st.selectbox(
    _("Open a chain"),
    ["", *ids, *outside],
    key="chain",
    format_func=lambda c: (
        _("— choose a chain —")
        if not c
        else ngettext("{id} ({n} recommendation)", "{id} ({n} recommendations)", size[c]).format(
            id=c, n=fmt_int(size[c])
        )
        if c in size
        else c
    ),
)
if chosen:
    if chosen in outside:
        st.caption(_("This chain is outside your current filters; it is shown because it was asked for."))
    recurrence.chain_detail(version, chosen, view)

components.copy_link(view)
components.source_line(overview.build_info(version))
