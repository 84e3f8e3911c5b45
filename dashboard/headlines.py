"""What each page says first, in words both renderings share: its title, its headline figures and its
finding in one sentence.

The interactive pages (pages/*.py) draw a ``Headline`` with Streamlit; the share pages (web/share/)
draw the same one as HTML, and their link previews take its finding as the title and its number for
the picture. Each function takes the database version and the reader's view and calls the page's own
named queries (cached, so calling them again for the charts costs nothing). Everything returned is
text in the reader's language. Values from the data (a state's name, a source) go through ``quote``:
the interactive pages pass ``markdown.escape``, the share pages nothing (their templates escape).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard import labels, names, wording
from dashboard.data import about, acceptance, explore, ministries, noted, overview, plan, recurring, states
from dashboard.data.options import filter_options
from dashboard.frames import records
from dashboard.i18n import N_, _, current_language, fmt_int, fmt_pct, ngettext
from dashboard.view import Selection, View


@dataclass(frozen=True)
class Figure:
    """One headline figure: what it counts and its value, formatted ("Received", "198")."""

    label: str
    value: str


@dataclass(frozen=True)
class Headline:
    """A page's opening: title, one line under it, its figures, sentences, and the finding.

    ``finding``: one sentence that states what the view shows (a link preview's title), e.g.
    "Cambodia, 2019 review: 173 of 198 recommendations supported". ``number`` and ``number_label``:
    the one figure a picture of the view shows large. ``more_figures``: a second row (answers still
    awaited). ``unanswered``: recommendations with no answer counted (rates leave them out).
    ``empty``: nothing matches the filters.
    """

    title: str
    finding: str
    intro: str = ""
    subtitle: str = ""
    figures: tuple[Figure, ...] = ()
    more_figures: tuple[Figure, ...] = ()
    lines: tuple[str, ...] = ()
    note: str = ""
    number: str = ""
    number_label: str = ""
    illustrative: int = 0
    unanswered: int = 0
    empty: bool = False


Quote = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def review_name(version: str, f: Selection) -> str:
    """ "2019 review" (the year of the selected cycle), or "all reviews"."""
    if f.cycle is None:
        return _("all reviews")
    rows = overview.reviews(version, f.state_under_review, f.cycle)
    year = rows["year"].iloc[0] if not rows.empty else None
    if year is None or pd.isna(year):
        return labels.scope(f)
    return _("{year} review").format(year=int(year))  # a year, never "2,019"


def _sur(version: str, f: Selection) -> str:
    """The state under review by its name in the reader's language (CLDR's; "កម្ពុជា" for Cambodia)."""
    return names.of(version).state(f.state_under_review)


def _where(version: str, f: Selection, quote: Quote = _plain) -> str:
    return f"{quote(_sur(version, f))}, {review_name(version, f)}"


def for_page(version: str, view: View, today: date | None = None, quote: Quote = _plain) -> Headline:
    """The headline of ``view.page``."""
    builders = {"": overview_page, "acceptance": acceptance_page, "ministries": ministries_page,
                "noted": noted_page, "explore": explore_page, "states": states_page, "about": about_page,
                "recurring": recurring_page, "plan": plan_page}  # fmt: skip
    if view.page == "ministries":
        return ministries_page(version, view, today or date.today(), quote)
    return builders[view.page](version, view, quote)


def overview_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    """The Overview's opening. ``note``, the official totals and their source, is data: escape it."""
    f = view.selection
    head = overview.headline(version, f)
    official = overview.official(version, f)
    more = ()
    if head["pending"] or head["unclassified"]:
        more = (
            Figure(_("Awaiting the government's answer"), fmt_int(head["pending"])),
            Figure(_("Position not read"), fmt_int(head["unclassified"])),
        )
    return Headline(
        title=_("UPR recommendations to {sur}").format(sur=quote(_sur(version, f))),
        intro=_(
            "How many recommendations each review brought, how many the government supported, and what became of them."
        ),
        subtitle=labels.cycle_name(f.cycle),
        figures=(
            Figure(_("Received"), fmt_int(head["received"])),
            Figure(_("Supported"), fmt_int(head["supported"])),
            Figure(_("Noted"), fmt_int(head["noted"])),
            Figure(_("Acceptance rate"), fmt_pct(head["rate"])),
            Figure(_("Recommending states"), fmt_int(head["recommending_states"])),
        ),
        more_figures=more,
        note=wording.official_totals_line(official) if official else "",
        finding=_supported_finding(version, f, head["supported"], head["received"], quote),
        number=fmt_pct(head["rate"]),
        number_label=_("supported: {supported} of {received}").format(
            supported=fmt_int(head["supported"]), received=fmt_int(head["answered"])
        ),
        illustrative=int(head["illustrative"]),
        unanswered=int(head["pending"] + head["unclassified"]),
        empty=not head["received"],
    )


def _supported_finding(version: str, f: Selection, supported: int, received: int, quote: Quote) -> str:
    return ngettext(
        "{where}: {supported} of {received} recommendation supported",
        "{where}: {supported} of {received} recommendations supported",
        received,
    ).format(where=_where(version, f, quote), supported=fmt_int(supported), received=fmt_int(received))


def acceptance_line(sur: str, row) -> str:
    """ "Cycle 3: Cambodia supported 173 of 198 (87%)" for one row of ``acceptance.totals`` (of the
    answered ones: a recommendation awaiting its answer is in no rate)."""
    return _("Cycle {n}: {sur} supported {supported} of {received} ({rate})").format(
        n=row.cycle,
        sur=sur,
        supported=fmt_int(row.supported),
        received=fmt_int(row.answered),
        rate=fmt_pct(row.rate),
    )


def acceptance_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    f = view.selection
    totals = acceptance.totals(version, f)
    together = acceptance.together(version, f)
    return Headline(
        title=_("Acceptance"),
        intro=_("Supported ÷ answered (supported or noted), always with the count beside the rate."),
        lines=tuple(acceptance_line(quote(_sur(version, f)), row) for row in records(totals)),
        finding=_supported_finding(version, f, together["supported"], together["received"], quote)
        + f" ({fmt_pct(together['rate'])})",
        number=fmt_pct(together["rate"]),
        number_label=_("supported: {supported} of {received}").format(
            supported=fmt_int(together["supported"]), received=fmt_int(together["answered"])
        ),
        illustrative=int(together["illustrative_rows"]),
        unanswered=int(together["unanswered"]),
        empty=totals.empty,
    )


MINISTRY_INTRO = N_(
    "The supported recommendations among those your filters select: which institution leads or supports "
    "each, and what the government and civil society last said about it. Noted recommendations are not "
    "assigned to ministries."
)


def ministries_page(version: str, view: View, today: date, quote: Quote = _plain) -> Headline:
    f = view.selection
    head = ministries.headline(version, f, today)
    moved = {"government": _("Moved, says the government"), "civil_society": _("Moved, says civil society")}
    figures = [Figure(_("Supported recommendations"), fmt_int(head["supported"]))]
    figures += [
        Figure(text, f"{fmt_int(head[who + '_moved'])} ({fmt_pct(head[who + '_moved_rate'])})")
        for who, text in moved.items()
    ]
    figures += [
        Figure(_("They disagree"), fmt_int(head["disagree"])),
        Figure(_("No update for a year or more"), fmt_int(head["stalled"])),
        Figure(_("Never assessed"), fmt_int(head["never_assessed"])),
    ]
    return Headline(
        title=_("Progress by ministry"),
        intro=_(MINISTRY_INTRO),
        figures=tuple(figures),
        note=_("Moved: the latest status is partially or fully implemented."),
        finding=ngettext(
            "{where}: civil society says {cs} of {supported} supported recommendation moved; the government says {gov}",
            "{where}: civil society says {cs} of {supported} supported recommendations moved; the government says {gov}",
            head["supported"],
        ).format(
            where=_where(version, f, quote),
            cs=fmt_int(head["civil_society_moved"]),
            supported=fmt_int(head["supported"]),
            gov=fmt_int(head["government_moved"]),
        ),
        number=fmt_pct(head["civil_society_moved_rate"]),
        number_label=_("moved, says civil society: {moved} of {supported}").format(
            moved=fmt_int(head["civil_society_moved"]), supported=fmt_int(head["supported"])
        ),
        illustrative=int(head["illustrative"]),
        empty=not head["supported"],
    )


def noted_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    f = view.selection
    only = noted.only_noted(f)
    per_cycle = acceptance.totals(version, only)
    count = int(per_cycle["received"].sum()) if not per_cycle.empty else 0
    lines = ("; ".join(_("Cycle {n}: {k} noted").format(n=r.cycle, k=fmt_int(r.received)) for r in records(per_cycle)),)  # fmt: skip
    return Headline(
        title=_("Noted recommendations"),
        intro=_(
            "The recommendations {sur} did not accept (“noted”; some sources say “rejected”). Noted does not "
            "mean closed: a government can still act on them, and civil society can press it to."
        ).format(sur=quote(_sur(version, f))),
        lines=lines if count else (),
        note=_(
            "The Cambodian Center for Human Rights (CCHR) urges the government to implement the noted "
            "recommendations anyway."
        )
        if f.state_under_review == "Cambodia"
        else "",
        finding=ngettext(
            "{where}: {n} recommendation noted (not accepted)",
            "{where}: {n} recommendations noted (not accepted)",
            count,
        ).format(where=_where(version, f, quote), n=fmt_int(count)),
        number=fmt_int(count),
        number_label=_("noted"),
        illustrative=acceptance.illustrative_rows(version, only),
        empty=per_cycle.empty,
    )


def explore_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    f = view.selection
    rows = explore.matches(version, f, current_language())
    count = ngettext("{n} recommendation", "{n} recommendations", len(rows)).format(n=fmt_int(len(rows)))
    return Headline(
        title=_("Explorer"),
        lines=(count,),
        finding=f"{quote(labels.describe(view))}: {count}",
        number=fmt_int(len(rows)),
        number_label=ngettext("recommendation", "recommendations", len(rows)),
        illustrative=int(rows["illustrative"].sum()),
        empty=rows.empty,
    )


def chosen_states(f: Selection, shown: names.Names | None = None) -> str:
    """The recommending states (named in the reader's language) and regional group the reader chose,
    in one phrase ("" for none)."""
    shown = shown or names.current()
    return ", ".join(
        [
            *map(shown.state, f.recommending_states),
            *([labels.label(f.regional_group)] if f.regional_group else []),
        ]
    )


def states_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    f = view.selection
    who, scope, sur = quote(chosen_states(f, names.of(version))), labels.scope(f), quote(_sur(version, f))
    totals = acceptance.totals(version, f)
    title = _("What {who} recommended").format(who=who) if who else _("Recommending states")
    illustrative = acceptance.illustrative_rows(version, f)
    if not who:
        ranking = states.ranking(version, f)
        line = ngettext(
            "{n} state made the recommendations {sur} received in {scope}.",
            "{n} states made the recommendations {sur} received in {scope}, most recommendations first.",
            len(ranking),
        ).format(n=fmt_int(len(ranking)), sur=sur, scope=scope)
        return Headline(title=title, lines=(line,), finding=line.rstrip("."), number=fmt_int(len(ranking)),
                        number_label=_("recommending states"), illustrative=illustrative, empty=totals.empty)  # fmt: skip
    together = acceptance.together(version, f)
    received = int(together["received"])
    line = ngettext(
        "{sur} received {n} recommendation from {who} in {scope} and supported {supported} ({rate}).",
        "{sur} received {n} recommendations from {who} in {scope} and supported {supported} ({rate}).",
        received,
    ).format(
        sur=sur,
        n=fmt_int(received),
        who=who,
        scope=scope,
        supported=fmt_int(together["supported"]),
        rate=fmt_pct(together["rate"]),
    )
    return Headline(
        title=title,
        lines=(line,),
        finding=line.rstrip("."),
        number=fmt_pct(together["rate"]),
        number_label=_("supported: {supported} of {received}").format(
            supported=fmt_int(together["supported"]), received=fmt_int(together["answered"])
        ),
        illustrative=illustrative,
        unanswered=int(together["unanswered"]),
        empty=totals.empty,
    )


def about_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    f = view.selection
    cycles = about.provenance(version, f.state_under_review)
    received = int(cycles["received"].fillna(0).sum()) if not cycles.empty else 0
    illustrative = about.illustrative_recommendations(version, f.state_under_review)
    return Headline(
        title=_("About the data"),
        intro=_(
            "Where every number on this dashboard comes from, what is made up, and how to reuse it. This page covers the state under review you chose, all cycles."
        ),
        finding=ngettext(
            "{sur}, cycles reviewed: {k}; {n} recommendation, {illustrative} of them illustrative",
            "{sur}, cycles reviewed: {k}; {n} recommendations, {illustrative} of them illustrative",
            received,
        ).format(
            sur=quote(_sur(version, f)),
            n=fmt_int(received),
            k=fmt_int(len(cycles)),
            illustrative=fmt_int(illustrative),
        ),
        number=fmt_int(received),
        number_label=_("recommendations"),
        illustrative=illustrative,
        empty=cycles.empty,
    )


def recurring_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    """Asked again: how many of the selected recommendations repeat an earlier review's, and the chains."""
    f = view.selection
    by_cycle = recurring.repeats_by_cycle(version, f)
    sums = recurring.totals(recurring.chains(version, f))
    asked, repeats = int(by_cycle["recommendations"].sum()), int(by_cycle["repeats"].sum())
    return Headline(
        title=_("Asked again"),
        intro=_(
            "Recommendations to {sur} that ask for what an earlier review already asked. The links between "
            "them are suggested by a program that compares the texts, and confirmed or rejected by monitors."
        ).format(sur=quote(f.state_under_review)),
        figures=(
            Figure(_("Chains"), fmt_int(sums["chains"])),
            Figure(_("Recommendations in them"), fmt_int(sums["recommendations"])),
            Figure(_("Asked again"), fmt_int(sums["asked_again"])),
            Figure(_("Largest chain"), fmt_int(sums["largest"])),
        ),
        finding=ngettext(
            "{where}: {repeats} of {n} recommendation asks again what an earlier review asked",
            "{where}: {repeats} of {n} recommendations ask again what an earlier review asked",
            asked,
        ).format(where=_where(version, f, quote), repeats=fmt_int(repeats), n=fmt_int(asked)),
        number=fmt_int(repeats),
        number_label=_("of {n} asked before").format(n=fmt_int(asked)),
        illustrative=int(by_cycle["illustrative_rows"].sum()),
        empty=not asked and not sums["chains"],
    )


def plan_page(version: str, view: View, quote: Quote = _plain) -> Headline:
    """The government's plan: how many selected supported recommendations have one, and what is overdue."""
    f = view.selection
    cover = overview.plan_coverage(version, f)
    head = plan.headline(plan.pairs(version, f, current_language()))
    with_plan = _("{n} of {m}").format(n=fmt_int(cover["with_plan"]), m=fmt_int(cover["supported"]))
    return Headline(
        title=_("The government's plan"),
        intro=_(
            "The actions each ministry plans for the supported recommendations your filters select, with their "
            "due dates, and how their indicators moved. An action that answers two recommendations counts once "
            "for each of them."
        ),
        figures=(
            Figure(_("Supported recommendations with a plan"), with_plan),
            Figure(_("With an overdue action"), fmt_int(head["overdue_recommendations"])),
            Figure(_("No plan"), fmt_int(cover["supported"] - cover["with_plan"])),
            Figure(_("Actions"), fmt_int(head["actions"])),
        ),
        finding=ngettext(
            "{where}: {with_plan} supported recommendation has a plan; {overdue} have an overdue action",
            "{where}: {with_plan} supported recommendations have a plan; {overdue} have an overdue action",
            cover["supported"],
        ).format(
            where=_where(version, f, quote),
            with_plan=with_plan,
            overdue=fmt_int(head["overdue_recommendations"]),
        ),
        number=with_plan,
        number_label=_("supported recommendations with a plan"),
        illustrative=head["illustrative"],
        empty=not cover["supported"],
    )


def in_words(version: str, view: View) -> str:
    """The view in one sentence (``labels.describe``), ministries named in the reader's language."""
    return labels.describe(view, filter_options(version).ministry_labels(view.selection.ministries))
