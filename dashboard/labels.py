"""Reader-facing words for values and views: vocabulary names, cycles, scopes, and a view in one sentence.

Translated at call time in the reader's language (dashboard/i18n.py); the English names of the
vocabularies are in vocab.py, the one place both sides take them from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import pandas as pd

from dashboard import columns, exports, names
from dashboard.documents import document_url  # noqa: F401 (the API and the pages take it from here)
from dashboard.i18n import N_, _, fmt_date, fmt_int, ngettext
from dashboard.view import ANY, MAX_SEARCH_CHARS, Dropped, Selection, View
from vocab import ACTION_CATEGORIES, NAMES, RECURRENCE_ORIGIN_NAMES, RECURRENCE_REASON_NAMES, SDG_GOALS

ANY_NAME = N_("Any")
# Each page's title, by its URL path (router.py names the pages with these; the share pages too).
PAGE_TITLES = {
    "": N_("Overview"),
    "acceptance": N_("Acceptance"),
    "ministries": N_("Progress by ministry"),
    "plan": N_("The government's plan"),
    "noted": N_("Noted recommendations"),
    "explore": N_("Explorer"),
    "recurring": N_("Asked again"),
    "states": N_("Recommending states"),
    "about": N_("About the data"),
}


def page_title(page: str) -> str:
    """A page's title in the reader's language (``page``: its URL path, "" for the Overview)."""
    return _(PAGE_TITLES[page])


def label(value: str) -> str:
    """The reader-facing name of a vocabulary value (``supported`` → "Supported"), or the value itself."""
    if value == ANY:
        return _(ANY_NAME)
    return _(NAMES[value]) if value in NAMES else value


def action_name(category: int | str | None) -> str:
    """ "4 · general action" for McMahon's scale; "not categorised" when the source gives none."""
    try:
        n = int(category)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _("not categorised")
    return f"{n} · {_(ACTION_CATEGORIES[n])}" if n in ACTION_CATEGORIES else _("not categorised")


def sdg_name(goal: str) -> str:
    """ "16 · Peace, justice and strong institutions": an SDG goal by its number and the UN's short name."""
    return f"{goal} · {_(SDG_GOALS[goal])}" if goal in SDG_GOALS else _("SDG {goal}").format(goal=goal)


def reason_names(reasons, instruments=()) -> str:
    """A recurrence link's reasons in words, strongest first, naming the treaties or institutions both
    texts cite: "similar wording, names the same treaty or institution (NHRI), a shared theme"."""
    words = []
    for reason in reasons:
        word = _(RECURRENCE_REASON_NAMES[reason]) if reason in RECURRENCE_REASON_NAMES else str(reason)
        if reason == "instrument" and len(instruments):
            word += f" ({', '.join(str(i) for i in instruments)})"
        words.append(word)
    return ", ".join(words)


def origin_name(origin: str) -> str:
    """Who made a recurrence link: "Suggested by the linker" or "Confirmed by a monitor"."""
    return _(RECURRENCE_ORIGIN_NAMES[origin]) if origin in RECURRENCE_ORIGIN_NAMES else origin


def link_words(origin, score, via=None) -> str:
    """How one recommendation is linked to another, shown so the two kinds never look alike:
    "✔ Confirmed by a monitor", "≈ Suggested by the linker (score 80 of 100)", or, with no link of
    its own, "… through KHM-C2-118.33" (the recommendation it was reached through)."""
    if origin == "confirmed":
        return "✔ " + origin_name(origin)
    if origin == "machine":
        return "≈ " + _("{origin} (score {score} of 100)").format(
            origin=origin_name(origin), score=int(score)
        )
    return "… " + _("through {id}").format(id=via or "–")


def cycle_name(cycle: int | None) -> str:
    """ "Cycle 3", or "All cycles" for None: a heading or a chart legend."""
    return _("All cycles") if cycle is None else _("Cycle {n}").format(n=int(cycle))


def cycle_names(cycles) -> dict[int, str]:
    return {int(c): cycle_name(int(c)) for c in cycles}


def scope(selection: Selection) -> str:
    """ "cycle 3" / "all cycles": the scope inside a sentence or after a chart title."""
    return _("all cycles") if selection.cycle is None else _("cycle {n}").format(n=selection.cycle)


def describe(
    view: View, ministry_names: dict[str, str] | None = None, shown: names.Names | None = None
) -> str:
    """The view in one plain sentence, e.g. "Cambodia, cycle 3: noted; recommended by France or Germany;
    themes: Elections; search “land”", with states and themes named in the reader's language (``shown``,
    this reader's by default). Data values are quoted as given (show it as text)."""
    s = view.selection
    shown = shown or names.current()
    parts = [
        label(s.response) if s.response else "",
        _("recommended by {states}").format(states=_(" or ").join(map(shown.state, s.recommending_states)))
        if s.recommending_states
        else "",
        _("recommending states in the {group} group").format(group=label(s.regional_group))
        if s.regional_group
        else "",
        _("themes: {themes}").format(themes=_(" or ").join(map(shown.theme, s.themes))) if s.themes else "",
        _("SDG {goal}").format(goal=sdg_name(s.sdg)) if s.sdg else "",
        _("ministries: {ministries}").format(
            ministries=_(" or ").join((ministry_names or {}).get(m, m) for m in s.ministries)
        )
        if s.ministries
        else "",
        _("latest status: {status}").format(status=label(s.status)) if s.status else "",
        _("assessed by: {assessor}").format(assessor=label(s.assessor)) if s.assessor else "",
        _("plan: {state}").format(state=label(s.plan)) if s.plan else "",
        _("search “{q}”").format(q=s.search) if s.search else "",
        _("statuses as of {day}").format(day=fmt_date(s.as_of)) if s.as_of else "",
    ]
    head = f"{shown.state(s.state_under_review)}, {scope(s)}"
    rest = "; ".join(p for p in parts if p)
    return f"{head}: {rest}" if rest else head


def illustrative_warning(count: int) -> str:
    """The warning every view with made-up rows carries (``count`` of them), on screen and in the API."""
    return ngettext(
        "This view includes {count} illustrative recommendation: a made-up stand-in for data not yet "
        "available (marked ILLUS- and in the Illustrative column). Do not quote it as a fact.",
        "This view includes {count} illustrative recommendations: made-up stand-ins for data not yet "
        "available (marked ILLUS- and in the Illustrative column). Do not quote them as facts.",
        count,
    ).format(count=fmt_int(count))


def dropped_values(dropped: Iterable[Dropped]) -> list[str]:
    """Each dropped link value as the reader reads it: ``key=value``, with "did you mean" where one is close."""
    items = []
    for item in dropped:
        if item.reason == "too_long" and item.key == "q":
            items.append(
                ngettext(
                    "a search longer than {n} character",
                    "a search longer than {n} characters",
                    MAX_SEARCH_CHARS,
                ).format(n=MAX_SEARCH_CHARS)
            )
        elif item.key == "as_of":
            items.append(_as_of_dropped(item))
        elif item.suggestion:
            items.append(
                _("{value} (did you mean {suggestion}?)").format(
                    value=item.shown(), suggestion=item.suggestion
                )
            )
        else:
            items.append(item.shown())
    return items


def _as_of_dropped(item: Dropped) -> str:
    """Why a day in the link could not be used, with the days the data can answer for."""
    nearest = fmt_date(date.fromisoformat(item.suggestion)) if item.suggestion else ""
    reasons = {
        "not_a_date": _("{value} (not a date: write it as YYYY-MM-DD)"),
        "no_assessments": _("{value} (the data has no assessment yet)"),
        "too_early": _(
            "{value} (before the first assessment in the data, {day}: statuses are shown as they stand now)"
        ),
        "too_late": _("{value} (after the data was built, {day}: statuses are shown as they stand now)"),
    }
    return reasons.get(item.reason, "{value}").format(value=item.shown(), day=nearest)


def dropped_notice(dropped: Iterable[Dropped], escape: Callable[[str], str] = str) -> str:
    """The notice naming every dropped link value ("" when none was dropped): the dashboard shows it,
    the data API answers 400 with it. ``escape`` quotes the values for where the text goes (Markdown)."""
    items = dropped_values(dropped)
    if not items:
        return ""
    return _("Some link values were not recognised and were left out: {values}").format(
        values=escape("; ".join(items))
    )


STATUS_COLUMNS = ("government_status", "civil_society_status")


def named_matches(rows: pd.DataFrame) -> pd.DataFrame:
    """The Explorer's table of ``explore.matches`` rows as its reader sees and downloads it: the document
    link beside the paragraph, responses and statuses by their names and states and themes by theirs
    in the reader's language, where to read a text the data does not hold (dashboard/columns.py). Its
    CSV is the Explorer's download, and the data API's CSV (web/api/) is the same bytes."""
    return columns.for_reader(exports.with_document_links(rows), names.current())
