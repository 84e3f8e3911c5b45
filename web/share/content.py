"""Each page's share form: its headline, charts and tables from the page's own queries and words.

``document(version, parsed)`` is the whole share page of one view; one builder per page below calls
the same dashboard/data queries with ``view.selection`` as the interactive page does, and takes its
words from dashboard/ (headlines, wording, labels, notices). Tables show their first rows; the full
list is the data API's CSV of the same selection (``csv_link``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from dashboard import headlines, labels, notices, wording
from dashboard.charts.ministries import STATUS_ORDER
from dashboard.data import about, acceptance, explore, ministries, noted, overview, plan, recurring, states
from dashboard.frames import records
from dashboard.i18n import _, current_language, fmt_int, source_language_note
from dashboard.view import Parsed, Selection, View
from web.share import charts
from web.share.model import Document, Section
from web.share.tables import table

FIRST_ROWS = 10
CSV_PATH = "/api/v1/recommendations.csv"  # the data API's address (issue 13), the same parameters


def csv_link(view: View, selection: Selection | None = None) -> str:
    """The data API's CSV of every recommendation ``selection`` (default: the view's) picks."""
    shared = View(selection or view.selection, lang=view.lang)
    return f"{CSV_PATH}?{urlencode(shared.to_params())}"


def document(version: str, parsed: Parsed, today: date | None = None, main_only: bool = False) -> Document:
    """The share page of ``parsed.view`` on database ``version``, in the current language.

    ``main_only``: only the headline and the main chart (a preview picture), without the queries of
    the rest of the page.
    """
    view, today = parsed.view, today or date.today()
    head = headlines.for_page(version, view, today)
    build = BUILDERS[view.page]
    sections, csv, notes = build(version, view, today, main_only) if not head.empty else ((), "", ())
    if head.empty:
        notes = (_("No recommendations match these filters. Widen the filters in the sidebar to see some."),)
    return Document(
        view=view,
        headline=head,
        sections=tuple(sections),
        source_line=notices.source_line(overview.build_info(version)),
        dropped=labels.dropped_notice(parsed.dropped),
        notes=tuple(notes),
        csv=csv,
    )


def _overview(version: str, view: View, today: date, main_only: bool = False):
    reviews = overview.reviews(version, view.selection.state_under_review)
    columns = ["cycle", "year", "document", "received", "supported", "noted", "rejected", "pending",
               "unclassified", "recommending_states", "official_received", "official_supported", "official_noted",
               "official_rejected", "official_recommending_states", "reconciles", "illustrative", "official_note",
               "official_source", "official_source_url"]  # fmt: skip
    shown = reviews[columns].rename(
        columns={"official_source": "source", "official_source_url": "source_url"}
    )
    rows = table(shown, caption=_("Do the counts match the official totals?"))
    chart = charts.cycles_chart(reviews, wording.cycles_labels(), wording.cycles_summary(reviews), rows)
    return [Section(charts=(chart,))], csv_link(view), ()


def _acceptance(version: str, view: View, today: date, main_only: bool = False):
    f = view.selection
    totals = acceptance.totals(version, f)
    notes = []
    if f.response:
        notes.append(
            _("The Response filter is on, so every rate here is 0% or 100%. Set it to Any to compare.")
        )
    names, scope = labels.cycle_names(totals["cycle"]), labels.scope(f)
    sections = []
    for by, (title, limit) in wording.acceptance_sections().items():
        frame = wording.rate_chart_frame(acceptance.rates(version, f, by), by)
        texts = (wording.acceptance_joint_note(),) if by == "state" else ()
        if frame.empty:
            sections.append(
                Section(title, texts, notes=(_("Nothing to show for this breakdown with these filters."),))
            )
            continue
        columns = ["cycle", "group", "name", "received", "supported", "noted", "unanswered", "rate",
                   "illustrative_rows"]  # fmt: skip
        shown = frame[columns].drop(columns=["name"] if (frame["name"] == frame["group"]).all() else [])
        order = "name" if by == "action_category" else ("count" if by == "region" else view.order)
        chart = charts.rate_chart(frame, f"{title} · {scope}", names, table(shown, caption=title),
                                  wording.acceptance_summary(frame, by, limit), order, wording.SMALL_N, limit)  # fmt: skip
        sections.append(Section(title, texts, charts=(chart,)))
        if main_only:
            break
    return sections, csv_link(view), tuple(notes)


def _ministries(version: str, view: View, today: date, main_only: bool = False):
    f, lang = view.selection, current_language()
    pairs = ministries.assignments(version, f, lang, today)
    sections = []
    if pairs.empty:
        sections.append(
            Section(notes=(_("None of these recommendations is assigned to a ministry in the data."),))
        )
    else:
        per_ministry = ministries.per_ministry(pairs, view.role)
        order = per_ministry.loc[per_ministry["counted"] > 0, "ministry"].tolist()
        names = wording.status_names()
        drawn = []
        for who in ("government", "civil_society"):
            counts = ministries.status_counts(pairs, view.role, who)
            pivot = counts.pivot_table(index="ministry", columns="status", values="count", aggfunc="sum",
                                       fill_value=0).reindex(order, fill_value=0)  # fmt: skip
            pivot = pivot[[s for s in STATUS_ORDER if s in pivot.columns]].reset_index()
            rows = table(
                pivot, headers={s: names[s] for s in STATUS_ORDER}, caption=wording.status_title(who)
            )
            drawn.append(charts.status_chart(counts, order, names | {"title": wording.status_title(who)}, rows,
                                             wording.ministry_summary(per_ministry, who)))  # fmt: skip
        caption = _(
            "Progress columns count the recommendations {role}. Stalled: no assessment for a year or more, or never."
        ).format(role=wording.ministry_roles()[view.role])
        sections.append(Section(charts=tuple(drawn)))
        if main_only:
            return sections, "", ()
        sections.append(Section(_("Load and progress per ministry"), (caption,),
                                tables=(table(per_ministry.drop(columns=["ministry_id"])),)))  # fmt: skip
    recs = ministries.recommendations(version, f, lang, today)
    for heading, frame in ((_("Where the government and civil society disagree"), ministries.disagreements(recs)),
                           (_("No update for a year or more"), ministries.stalled(recs))):  # fmt: skip
        frame = frame.assign(
            **{c: frame[c].map(_status) for c in ("government_status", "civil_society_status")}
        )
        sections.append(Section(heading, tables=(table(frame, FIRST_ROWS),)))
    return sections, csv_link(view, replace(f, response="supported")), ()


def _status(value) -> str:
    return labels.label(value) if isinstance(value, str) else "–"


def _noted(version: str, view: View, today: date, main_only: bool = False):
    f = view.selection
    only = noted.only_noted(f)
    per_cycle = acceptance.totals(version, only)
    notes = []
    if f.response == "supported":
        notes.append(
            _("This page lists noted recommendations only, so the Response filter is not applied here.")
        )
    if not main_only:
        notes += _noted_notes(version, f)
    names, scope = labels.cycle_names(per_cycle["cycle"]), labels.scope(f)
    drawn = []
    for by, title, limit, in_all in wording.noted_sections():
        frame = wording.count_chart_frame(acceptance.rates(version, only, by), by)
        rows = table(frame[["cycle", "name", "count"]], caption=title)
        drawn.append(charts.count_chart(frame, f"{title} · {scope}", names, rows,
                                        wording.noted_summary(frame, in_all, limit), limit))  # fmt: skip
        if main_only:
            return [Section(charts=tuple(drawn))], "", ()
    rows = wording.with_pointers(noted.recommendations(version, f))
    columns = ["id", "cycle", "document", "paragraph", "recommending_states", "themes", "response_label",
               "wg_position", "text", "civil_society_status", "government_status", "illustrative"]  # fmt: skip
    link = csv_link(view, only)
    listed = table(rows[columns], FIRST_ROWS, csv=link)
    caption = _(
        "A joint recommendation counts for each of its states, and one with several themes for each theme."
    )
    return [Section(charts=tuple(drawn), notes=(caption,)),
            Section(_("The noted recommendations"), tables=(listed,))], link, tuple(notes)  # fmt: skip


def _noted_notes(version: str, f: Selection) -> list[str]:
    """How the Working Group report first listed the noted ones, and the official totals' notes."""
    notes = []
    for cycle, part in noted.wg_positions(version, f).groupby("cycle"):
        listed = ", ".join(
            _("{k} as “{position}”").format(k=r.noted, position=r.wg_position) for r in records(part)
        )
        notes.append(
            _(
                "Cycle {n}: the Working Group report first listed {listed}. The final response is what counts: "
                "all of them were finally noted. The wg_position column of the table shows each one."
            ).format(n=cycle, listed=listed)
        )
    return notes + noted.official_notes(version, f)


def _explore(version: str, view: View, today: date, main_only: bool = False):
    if main_only:  # no chart on this page: the picture shows the headline number
        return [], "", ()
    f, lang = view.selection, current_language()
    rows = explore.matches(version, f, lang)
    sections = []
    rec = explore.recommendation(version, view.rec) if view.rec else None
    if rec:
        texts = [rec["id"]]
        if rec["illustrative"]:
            texts.append(_("Illustrative: a made-up stand-in, not an official recommendation."))
        if rec["text"]:
            texts += [rec["text"], source_language_note()]
        else:
            texts.append(_("Official text: {document} para {paragraph}").format(
                document=rec["document"] or "–", paragraph=rec["paragraph"] or "–"))  # fmt: skip
        texts += wording.recommendation_facts(rec, explore.ministries_of(version, view.rec, lang))
        history = explore.history(version, view.rec)
        history = history.assign(assessor=history["assessor"].map(labels.label),
                                 status=history["status"].map(labels.label))  # fmt: skip
        notes = () if not history.empty else (_("Nobody has assessed this recommendation yet."),)
        tables_ = (table(history, caption=_("Assessment history")),) if not history.empty else ()
        sections.append(Section(rec["id"], tuple(texts), tables=tables_, notes=notes))
    shown = labels.named_matches(rows)  # the Explorer's own table (and the data API's CSV)
    link = csv_link(view)
    sections.append(Section(_("Matching recommendations"), tables=(table(shown, FIRST_ROWS, csv=link),)))
    return sections, link, ()


def _states(version: str, view: View, today: date, main_only: bool = False):
    f = view.selection
    ranking = states.ranking(version, f)
    names, scope, who = wording.split_names(), labels.scope(f), headlines.chosen_states(f)
    sections = []
    ranking_table = table(ranking, caption=_("Recommending states in this view"))
    if not who:
        top = wording.split_frame(ranking.head(30), "state")
        summary = (
            wording.split_summary(top)
            + " "
            + _("The chart shows the {k} states with the most; the table has all.").format(k=len(top))
        )
        chart = charts.split_chart(top, _("Recommendations by state · {scope}").format(scope=scope), names,
                                   ranking_table, summary)  # fmt: skip
        sections.append(Section(charts=(chart,)))
        return sections, csv_link(view), ()
    totals = acceptance.totals(version, f)
    per_cycle = wording.split_frame(
        totals.assign(cycle_name=list(labels.cycle_names(totals["cycle"]).values())), "cycle_name"
    )
    first = charts.split_chart(per_cycle, _("Per cycle: {who}").format(who=who), names,
                               table(per_cycle[["cycle", "supported", "noted"]]), wording.split_summary(per_cycle))  # fmt: skip
    if main_only:
        return [Section(charts=(first,))], "", ()
    themes = wording.split_frame(states.themes(version, f), "theme")
    drawn = [
        first,
        charts.split_chart(themes, _("On which themes · {scope}").format(scope=scope), names,
                           table(themes[["theme", "supported", "noted"]]),
                           wording.split_summary(themes) + " " + _("A recommendation with several themes counts for each.")),
    ]  # fmt: skip
    if len(ranking) > 1:
        by_state = wording.split_frame(ranking.head(30), "state")
        drawn.append(charts.split_chart(by_state, _("By state · {scope}").format(scope=scope), names,
                                        ranking_table, wording.split_summary(by_state)))  # fmt: skip
    link = csv_link(view)
    listed = table(wording.with_pointers(states.recommendations(version, f)), FIRST_ROWS, csv=link)
    sections += [Section(charts=tuple(drawn)), Section(_("Their recommendations"),
                 (_("A joint recommendation appears once here, with all its states."),), tables=(listed,))]  # fmt: skip
    return sections, link, ()


def _about(version: str, view: View, today: date, main_only: bool = False):
    if main_only:  # no chart on this page: the picture shows the headline number
        return [], "", ()
    sur = view.selection.state_under_review
    cycles = about.provenance(version, sur)
    counts = about.illustrative_counts(version, sur)
    shown = counts.assign(rows_of=counts["rows_of"].map(wording.rows_of_names()),
                          official=counts["total"] - counts["illustrative"])  # fmt: skip
    info = overview.build_info(version)
    built = info.get("built_at")
    sections = [
        Section(_("Sources, cycle by cycle"), (_(
            "Each review's loaded counts beside the official totals they must match, with the source of those totals and its note."
        ),), tables=(table(cycles),)),
        Section(_("What is illustrative"), tables=(table(shown[["rows_of", "total", "official", "illustrative"]]),)),
        Section(_("Last update"), (
            f"{_('Data built')}: {built.strftime('%Y-%m-%d %H:%M UTC') if built is not None else '–'}",
        ), tables=(table(about.source_files(version)),)),
        Section(_("Licence and citation"), (_(
            "The code is free software under the **MIT licence** (see LICENSE). Each data source keeps its own terms (see data/README.md)."
        ).replace("**", ""),)),
    ]  # fmt: skip
    return sections, csv_link(View(replace(view.selection, cycle=None), lang=view.lang)), ()


def _recurring(version: str, view: View, today: date, main_only: bool = False):
    f = view.selection
    themes = recurring.repeats_by_theme(version, f)
    repeated = themes[themes["repeats"] > 0]
    frame = repeated.assign(
        name=repeated["theme"],
        count=repeated["repeats"],
        label=[fmt_int(k) for k in repeated["repeats"]],
        bar_label=[_("C{n}: {text}").format(n=int(c), text=fmt_int(k))
                   for c, k in zip(repeated["cycle"], repeated["repeats"], strict=True)],
    )  # fmt: skip
    names, scope = labels.cycle_names(frame["cycle"]), labels.scope(f)
    title = _("Asked again, by theme · {scope}").format(scope=scope)
    rows = table(themes[["cycle", "theme", "recommendations", "repeats"]], caption=title)
    summary = _("A recommendation counts once for each of its themes.")
    drawn = (charts.count_chart(frame, title, names, rows, summary, 20),) if len(frame) else ()
    notes = () if len(frame) else (_("No recommendation here repeats an earlier one."),)
    if main_only:
        return [Section(charts=drawn)], "", ()
    chains = recurring.chains(version, f)
    shown = chains[["chain_id", "recommendations", "cycles", "cycle_list", "newest", "themes",
                    "government_status", "civil_society_status", "illustrative"]]  # fmt: skip
    listed = table(shown.assign(government_status=shown["government_status"].map(_status),
                                civil_society_status=shown["civil_society_status"].map(_status)),
                   FIRST_ROWS, caption=_("Chains: the same thing asked in several reviews"))  # fmt: skip
    return [Section(charts=drawn, notes=notes), Section(tables=(listed,))], csv_link(view), ()


def _plan(version: str, view: View, today: date, main_only: bool = False):
    f = view.selection
    pairs = plan.pairs(version, f, current_language())
    per = plan.per_ministry(pairs)
    state_names = {s: labels.label(s) for s in (*plan.PAIR_STATES, "no_plan")}
    rows = table(per.drop(columns=["ministry_id"]), caption=_("Per ministry"))
    chart = charts.plan_chart(per, state_names, _("Actions by state, per ministry"), rows,
                              _("Each bar counts action × recommendation pairs by state, and the recommendations "
                                "the ministry leads with no plan."))  # fmt: skip
    if main_only:
        return [Section(charts=(chart,))], "", ()
    listed = pairs[["ministry", "recommendation_id", "action_id", "due_date", "plan_state", "illustrative"]]
    listed = listed.assign(plan_state=listed["plan_state"].map(lambda s: state_names.get(s, s)))
    return (
        [Section(charts=(chart,)), Section(tables=(table(listed, FIRST_ROWS),))],
        csv_link(view, replace(f, response="supported")),
        (),
    )


BUILDERS = {"": _overview, "acceptance": _acceptance, "ministries": _ministries, "noted": _noted,
            "explore": _explore, "states": _states, "about": _about, "recurring": _recurring,
            "plan": _plan}  # fmt: skip
