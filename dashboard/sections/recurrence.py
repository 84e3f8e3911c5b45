"""Recurring recommendations on screen: "asked before" in the Explorer; on the Asked again page, the
repeats by theme, the chains and one chain in full. Words for links (who made them, how sure, why)
come from dashboard/labels.py; the queries and what they count from dashboard/data/recurring.py."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

import paths
from dashboard import components, markdown
from dashboard.charts.recurring import repeats_figure
from dashboard.data import recurring
from dashboard.i18n import _, fmt_int, fmt_pct, ngettext
from dashboard.labels import cycle_name, document_url, label, link_words, reason_names
from dashboard.view import Selection, View

STATUS = ("government_status", "civil_society_status")
# Who linked it, how sure and why first: a phone or a laptop shows the first columns without scrolling.
SHOWN = (
    "id",
    "cycle",
    "link",
    "why",
    "document_url",
    "paragraph",
    "recommending_states",
    "response",
    *STATUS,
)
SHOWN += ("score", "themes", "text", "illustrative")


def _columns() -> dict:
    """Headers and column types of the tables here, in the reader's language (made at call time)."""
    return {
        "document_url": st.column_config.LinkColumn(_("Document"), display_text=r"https://undocs\.org/(.*)"),
        "link": st.column_config.TextColumn(_("Link")),
        "score": st.column_config.NumberColumn(_("Score (0–100)")),
        "why": st.column_config.TextColumn(_("Why"), width="medium"),
        "text": st.column_config.TextColumn(_("Text"), width="large"),
        "later_id": st.column_config.TextColumn(_("Later recommendation")),
        "earlier_id": st.column_config.TextColumn(_("Earlier recommendation")),
        "decided_by": st.column_config.TextColumn(_("Decided by")),
        "theme": st.column_config.TextColumn(_("Theme")),
        "recommendations": st.column_config.NumberColumn(_("Recommendations")),
        "repeats": st.column_config.NumberColumn(_("Repeat an earlier one")),
    }


def worded(frame: pd.DataFrame) -> pd.DataFrame:
    """Codes as the reader's words: response and statuses by name (a dash when never assessed), the
    document as its undocs.org address, and for a linked row, who linked it and how sure (``link``) and why (``why``)."""
    shown = frame.assign(
        document_url=frame["document"].map(document_url),
        response=frame["response"].map(label),
        **{c: frame[c].map(lambda s: label(s) if isinstance(s, str) else "–") for c in STATUS},
    )
    if "origin" in frame.columns:
        shown = shown.assign(
            link=[
                link_words(o, s, v)
                for o, s, v in zip(frame["origin"], frame["score"], frame["via"], strict=True)
            ],
            why=[reason_names(r, i) for r, i in zip(frame["reasons"], frame["instruments"], strict=True)],
        )
    return shown


def _table(frame: pd.DataFrame, name: str, key: str) -> None:
    shown = worded(frame)
    components.data_table(shown[[c for c in SHOWN if c in shown.columns]], name, key, _columns())


def asked_before(version: str, rec: dict, view: View) -> None:
    """The Explorer's "asked before" for recommendation ``rec``: the earlier recommendations of its
    chain, newest first, then the later ones; a link to the whole chain on the Asked again page."""
    rec_id, as_of = rec["id"], view.selection.as_of
    earlier = recurring.around(version, rec_id, as_of, earlier=True)
    later = recurring.around(version, rec_id, as_of, earlier=False)
    st.subheader(_("Asked before"))
    if earlier.empty:
        st.caption(
            _("No recommendation of an earlier cycle is linked to this one.")
            + (
                " " + _("Illustrative recommendations are never linked by the linker.")
                if rec["illustrative"]
                else ""
            )
        )
    else:
        st.caption(
            ngettext(
                "{n} recommendation of an earlier review asked for the same thing, newest first.",
                "{n} recommendations of earlier reviews asked for the same thing, newest first.",
                len(earlier),
            ).format(n=fmt_int(len(earlier)))
            + " "
            + _(
                "✔ a monitor confirmed the link; ≈ the linker suggested it from the texts, with how sure it "
                "is (a score out of 100) and why; … repeated by the recommendation named, which this one repeats."
            )
        )
        _table(earlier, f"asked-before-{rec_id}", "asked_before")
    if not later.empty:
        st.subheader(_("Asked again later"))
        _table(later, f"asked-again-{rec_id}", "asked_again")
    chain = recurring.chain_of(version, rec_id)
    if chain:
        st.page_link(
            str(paths.ROOT / "pages" / "recurring.py"),  # absolute: the entry point may be elsewhere (tests)
            label=ngettext(
                "The whole chain: {n} recommendation over {k} cycles",
                "The whole chain: {n} recommendations over {k} cycles",
                int(chain["recommendations"]),
            ).format(n=fmt_int(chain["recommendations"]), k=fmt_int(chain["cycles"])),
            query_params={"chain": chain["chain_id"]},
            icon="🔁",
        )


def chain_detail(version: str, chain_id: str, view: View) -> None:
    """One chain in full: its recommendations newest first, then its links (who made each, how sure, why)."""
    members = recurring.members(version, chain_id, view.selection.as_of)
    _table(members, f"chain-{chain_id}", "chain_members")
    links = recurring.links(version, chain_id)
    with st.expander(ngettext("Its {n} link", "Its {n} links", len(links)).format(n=fmt_int(len(links)))):
        shown = links.assign(
            link=[link_words(o, s) for o, s in zip(links["origin"], links["score"], strict=True)],
            why=[reason_names(r, i) for r, i in zip(links["reasons"], links["instruments"], strict=True)],
        )[["later_id", "earlier_id", "link", "score", "why", "decided_by", "note", "illustrative"]]
        components.data_table(shown, f"chain-{chain_id}-links", "chain_links", _columns())


def repeats(version: str, f: Selection, by_cycle: pd.DataFrame) -> None:
    """Per cycle after the first: how many recommendations repeat an earlier one, and a chart and table
    of them by theme."""
    st.subheader(_("How much of each review repeats earlier ones"))
    by_theme = recurring.repeats_by_theme(version, f)
    if by_cycle.empty:
        st.info(
            _("These filters select no recommendation after the first review: nothing before it to repeat.")
        )
    for row in by_cycle.itertuples():
        share = row.repeats / row.recommendations if row.recommendations else None
        st.markdown(
            ngettext(
                "**{cycle}**: {repeats} of {n} recommendation ({share}) repeat an earlier one.",
                "**{cycle}**: {repeats} of {n} recommendations ({share}) repeat an earlier one.",
                row.recommendations,
            ).format(
                cycle=cycle_name(row.cycle), repeats=fmt_int(row.repeats), n=fmt_int(row.recommendations),
                share=fmt_pct(share),
            )
        )  # fmt: skip
        if not row.repeats:
            illustrative = _("They are illustrative, and illustrative recommendations are never linked.")
            st.caption(
                _("None of them is linked to an earlier recommendation in the data.")
                + (" " + illustrative if row.illustrative_rows == row.recommendations else "")
            )
            continue
        part = by_theme[by_theme["cycle"] == row.cycle]
        part = part.assign(
            label=[
                _("{repeats} of {n}").format(repeats=fmt_int(r), n=fmt_int(n))
                for r, n in zip(part["repeats"], part["recommendations"], strict=True)
            ]
        )
        title = _("{cycle}: repeats by theme").format(cycle=cycle_name(row.cycle))
        labels = {"title": title, "all": _("All of the theme"), "repeats": _("Repeat an earlier one")}
        summary = "; ".join(
            f"{t}: {x}" for t, x in zip(part["theme"].head(5), part["label"].head(5), strict=True)
        )
        components.chart(
            repeats_figure(part, labels | {"x": _("Recommendations")}), summary, f"repeats_{row.cycle}"
        )
        with st.expander(_("Table and CSV: {title}").format(title=title)):
            components.data_table(
                part.drop(columns=["label"]),
                f"repeats-by-theme-cycle-{row.cycle}",
                f"themes_{row.cycle}",
                _columns(),
            )
    if not by_cycle.empty:
        with st.expander(_("Table and CSV: repeats per review")):
            components.data_table(by_cycle, "repeats-by-cycle", "repeats_by_cycle", _columns())
    st.caption(
        _(
            "A recommendation repeats an earlier one when it is linked to a recommendation of an earlier "
            "review. It counts once for each of its themes; a state's first review has nothing before it to "
            "repeat."
        )
    )


def chains_table(version: str, f: Selection, chains: pd.DataFrame) -> None:
    """The chains, most often asked first, one row each however large (its newest recommendation named,
    with how many more its last review holds); or where the state's chains end when none is listed."""
    if chains.empty:
        ends = recurring.last_cycles(version, f.state_under_review)
        where = ", ".join(
            ngettext("{cycle}: {n} chain", "{cycle}: {n} chains", int(n)).format(
                cycle=cycle_name(c), n=fmt_int(n)
            )
            for c, n in zip(ends["last_cycle"], ends["chains"], strict=True)
        )
        sur = markdown.escape(f.state_under_review)
        st.info(
            _("No chain's newest recommendations match these filters.")
            + " "
            + (
                _("Chains of {sur} end in: {where}.").format(sur=sur, where=where)
                if where
                else _("The data links none of {sur}'s recommendations.").format(sur=sur)
            )
        )
        return
    table = chains.assign(
        newest=[
            i if n == 1 else _("{id} and {more} more").format(id=i, more=fmt_int(n - 1))
            for i, n in zip(chains["newest"], chains["newest_count"], strict=True)
        ],
        **{c: chains[c].map(lambda s: label(s) if isinstance(s, str) else "–") for c in STATUS},
    )
    shown = ["chain_id", "recommendations", "cycle_list", "supported", "cycles_supported", "newest", "themes"]
    shown += [*STATUS, "links", "confirmed_links", "text", "illustrative"]
    components.data_table(
        table[shown],
        "chains",
        key="chains",
        column_config=_columns()
        | {
            "chain_id": st.column_config.TextColumn(_("Chain (its first recommendation)")),
            "recommendations": st.column_config.NumberColumn(_("Times asked")),
            "cycle_list": st.column_config.TextColumn(_("Cycles")),
            "cycles_supported": st.column_config.NumberColumn(_("Cycles supported")),
            "newest": st.column_config.TextColumn(_("Newest")),
            "links": st.column_config.NumberColumn(_("Links")),
            "confirmed_links": st.column_config.NumberColumn(_("Confirmed links")),
            "text": st.column_config.TextColumn(_("Newest text"), width="large"),
        },
    )


def elsewhere(version: str, view: View) -> None:
    """When no chain ends in the chosen cycle, say which cycles have some and open the one with most
    in a tap (Cambodia's cycle 3 is illustrative, without texts to link, so the default view is empty)."""
    f = view.selection
    if f.cycle is None:
        return
    every = recurring.chains(version, dataclasses.replace(f, cycle=None))
    if every.empty:
        return
    per_cycle = every.groupby("last_cycle").size().sort_values(ascending=False)
    best = int(per_cycle.index[0])
    st.info(
        _("No chain of recurring recommendations ends in {cycle}; {other} has {n}.").format(
            cycle=cycle_name(f.cycle), other=cycle_name(best), n=fmt_int(per_cycle.iloc[0])
        )
    )
    # A button that sets the cycle filter (as "did you mean" does, dashboard/page_filters.py): a link
    # to this same page would keep the widgets' values, which win over the address after a first run.
    st.button(
        _("Show {cycle}").format(cycle=cycle_name(best)),
        key="recurring_elsewhere",
        on_click=_choose_cycle,
        args=(best,),
        icon="🔁",
    )


def _choose_cycle(cycle: int) -> None:
    """Button callback (before the next run draws the widgets): the cycle filter set to ``cycle``."""
    st.session_state["cycle"] = str(cycle)
