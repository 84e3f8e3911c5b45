"""Reader-facing names, bar labels and chart summaries for the acceptance, noted and state pages.

Translated and formatted at call time (never cached), so each reader gets their own language; the
chart builders receive the finished text and stay free of Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard import markdown, names
from dashboard.frames import records
from dashboard.i18n import DEFAULT_LANGUAGE, _, current_language, fmt_int, fmt_pct, ngettext
from dashboard.labels import action_name, label, sdg_name
from vocab import MOVED_STATUSES

SMALL_N = 3  # fewer recommendations than this: drawn faint, listed last, left out of "lowest/highest"


def group_name(by: str, value: str, shown: names.Names | None = None) -> str:
    """The display name of a breakdown value (a state, a regional group, a theme, an action category)
    in the reader's language; ``shown``: the reader's names, when the caller has them already."""
    shown = shown or names.current()
    if by == "action_category":
        return action_name(value)
    if by == "region":
        return _("Other / observer") if value == "other" else shown.region(value)
    if by == "sdg":
        return sdg_name(value)
    if not value:
        return _("none")
    return shown.state(value) if by == "state" else shown.theme(value) if by == "theme" else value


def rate_text(supported: int, answered: int) -> str:
    """ "87 % of 198": the share supported of the recommendations answered (supported or noted)."""
    rate = supported / answered if answered else None
    return _("{rate} of {n}").format(rate=fmt_pct(rate), n=fmt_int(answered))


def rate_chart_frame(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``acceptance.rates`` output with the name, bar label and hover text the rate chart draws."""
    several = frame["cycle"].nunique() > 1
    shown = names.current()
    display = [group_name(by, g, shown) for g in frame["group"]]
    labels, hovers = [], []
    for name, row in zip(display, records(frame), strict=True):
        text = rate_text(row.supported, row.answered)
        labels.append(_("C{n}: {text}").format(n=row.cycle, text=text) if several else text)
        hovers.append(
            _("{name}, cycle {n}: {supported} of {answered} answered supported ({rate})").format(
                name=name,
                n=row.cycle,
                supported=fmt_int(row.supported),
                answered=fmt_int(row.answered),
                rate=fmt_pct(row.rate),
            )
        )
    return frame.assign(name=display, label=labels, hover=hovers)


def rate_summary(frame: pd.DataFrame) -> str:
    """Per cycle, the lowest and highest acceptance among groups with at least ``SMALL_N``."""
    parts = []
    for cycle, part in frame.groupby("cycle"):
        solid = part[part["answered"] >= SMALL_N].sort_values(["rate", "answered"], ascending=[True, False])
        if solid.empty:
            parts.append(
                ngettext(
                    "Cycle {n}: every group has fewer than {k} recommendation.",
                    "Cycle {n}: every group has fewer than {k} recommendations.",
                    SMALL_N,
                ).format(n=cycle, k=SMALL_N)
            )
            continue
        low, high = solid.iloc[0], solid.sort_values(["rate", "answered"], ascending=False).iloc[0]
        if len(solid) == 1:  # one group to compare is no comparison: name it
            parts.append(
                ngettext(
                    "Cycle {n}: only {name} has at least {k} recommendation: {rate}.",
                    "Cycle {n}: only {name} has at least {k} recommendations: {rate}.",
                    SMALL_N,
                ).format(
                    n=cycle, name=low["name"], k=SMALL_N, rate=rate_text(low["supported"], low["answered"])
                )
            )
            continue
        if low["rate"] == high["rate"]:
            parts.append(
                ngettext(
                    "Cycle {n}: {rate} in each of the {groups} groups with at least {k} recommendation.",
                    "Cycle {n}: {rate} in each of the {groups} groups with at least {k} recommendations.",
                    SMALL_N,
                ).format(n=cycle, rate=fmt_pct(low["rate"]), groups=fmt_int(len(solid)), k=SMALL_N)
            )
            continue
        parts.append(
            _("Cycle {n}: lowest acceptance {low} ({low_rate}), highest {high} ({high_rate}).").format(
                n=cycle,
                low=low["name"],
                low_rate=rate_text(low["supported"], low["answered"]),
                high=high["name"],
                high_rate=rate_text(high["supported"], high["answered"]),
            )
        )
    parts.append(
        ngettext(
            "Groups with fewer than {k} recommendation are drawn faint and listed last.",
            "Groups with fewer than {k} recommendations are drawn faint and listed last.",
            SMALL_N,
        ).format(k=SMALL_N)
    )
    return " ".join(parts)


def count_chart_frame(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``acceptance.rates`` output (of noted rows) as name, count, label ("5") and bar_label ("C2: 5")."""
    shown = names.current()
    display = [group_name(by, g, shown) for g in frame["group"]]
    labels = [fmt_int(n) for n in frame["received"]]
    bar_labels = [_("C{n}: {text}").format(n=c, text=t) for c, t in zip(frame["cycle"], labels, strict=True)]
    return frame.assign(name=display, count=frame["received"], label=labels, bar_label=bar_labels)


def count_summary(frame: pd.DataFrame, in_all, top: int = 3) -> str:
    """The groups with the most noted recommendations, all cycles of the view together.

    ``in_all(k)`` says how many groups there are in the catalog's plural form, e.g. "12 themes in all."
    """
    totals = frame.groupby("name")["count"].sum().sort_values(ascending=False)
    leaders = ", ".join(f"{name} ({fmt_int(n)})" for name, n in totals.head(top).items())
    return (
        _("Most noted: {leaders}.").format(leaders=leaders)
        + " "
        + in_all(len(totals)).format(k=fmt_int(len(totals)))
    )


def split_frame(frame: pd.DataFrame, name_column: str) -> pd.DataFrame:
    """Rows with supported and noted counts as name and "12 · 83 % supported" labels, order kept
    (a ``state`` or ``theme`` column is named in the reader's language)."""
    received = frame["supported"] + frame["noted"]
    if name_column in ("state", "theme"):
        shown = names.current()
        frame = frame.assign(**{name_column: [group_name(name_column, v, shown) for v in frame[name_column]]})
    labels = [
        _("{n} · {rate} supported").format(n=fmt_int(n), rate=fmt_pct(s / n if n else None))
        for s, n in zip(frame["supported"], received, strict=True)
    ]
    return frame.assign(name=frame[name_column].astype(str), label=labels)


def split_summary(frame: pd.DataFrame, top: int = 5) -> str:
    """The first rows of a split chart in words: "France: 12 recommendations, 7 supported (58 %)"."""
    parts = [
        ngettext(
            "{name}: {n} recommendation, {supported} supported ({rate})",
            "{name}: {n} recommendations, {supported} supported ({rate})",
            int(row.supported + row.noted),
        ).format(
            name=row.name,
            n=fmt_int(row.supported + row.noted),
            supported=fmt_int(row.supported),
            rate=fmt_pct(row.supported / (row.supported + row.noted) if row.supported + row.noted else None),
        )
        for row in records(frame.head(top))
    ]
    more = len(frame) - top
    return "; ".join(parts) + (_("; and {k} more.").format(k=fmt_int(more)) if more > 0 else ".")


def with_pointers(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill a missing text with where to read it, and name statuses in words; source text is kept as is."""
    pointer = [
        _("see document {document} para {paragraph}").format(document=d or "?", paragraph=p or "?")
        for d, p in zip(frame["document"], frame["paragraph"], strict=True)
    ]
    out = frame.assign(text=frame["text"].where(frame["text"].notna(), pd.Series(pointer, index=frame.index)))
    for column in ("civil_society_status", "government_status"):
        if column in out.columns:
            out[column] = out[column].map(lambda v: label(v) if isinstance(v, str) else v)
    return out


def cycles_summary(reviews: pd.DataFrame) -> str:
    """The Overview's chart in words: "cycle 2: 205 received, 163 supported, 42 noted (80% supported)"."""
    return "; ".join(
        _("cycle {n}: {received} received, {supported} supported, {noted} noted ({rate} supported)").format(
            n=int(r.cycle),
            received=fmt_int(r.received),
            supported=fmt_int(r.supported),
            noted=fmt_int(r.noted),
            rate=fmt_pct(r.rate),
        )
        for r in records(reviews)
        if pd.notna(r.received)  # official totals with no rows loaded: nothing to say in this line
    )


def official_totals_line(row: dict) -> str:
    """A review's official totals in a sentence, with their source (shown as text: the source is data).

    Where the source counts some noted recommendations as rejected (Cambodia 2014: 163 supported, 38
    noted, 4 rejected; UN Geneva meeting summary), the sentence adds them up: rejected counts as noted
    under Human Rights Council resolution 5/1, as UPR Info counts it.
    """
    rejected = row.get("official_rejected")
    states = row.get("official_recommending_states")
    states = int(states) if states is not None and states == states else 0
    if rejected is not None and rejected == rejected and int(rejected):
        return ngettext(
            "Official totals: {supported} supported + {noted} noted + {rejected} rejected = {received} received "
            "(rejected counts as noted), {states} state — {source}.",
            "Official totals: {supported} supported + {noted} noted + {rejected} rejected = {received} received "
            "(rejected counts as noted), {states} states — {source}.",
            states,
        ).format(
            supported=fmt_int(row["official_supported"]),
            noted=fmt_int(row["official_noted"] - rejected),
            rejected=fmt_int(rejected),
            received=fmt_int(row["official_received"]),
            states=fmt_int(row["official_recommending_states"]),
            source=row["official_source"],
        )
    return ngettext(
        "Official totals: {received} received, {supported} supported, {noted} noted, {states} state — {source}.",
        "Official totals: {received} received, {supported} supported, {noted} noted, {states} states — {source}.",
        states,
    ).format(
        received=fmt_int(row["official_received"]),
        supported=fmt_int(row["official_supported"]),
        noted=fmt_int(row["official_noted"]),
        states=fmt_int(row["official_recommending_states"]),
        source=row["official_source"],
    )


def cycles_labels() -> dict[str, str]:
    """The Overview chart's words: its title, the series and the cycle name pattern."""
    return {
        "cycle": _("Cycle {n}"),
        "supported": _("Supported"),
        "noted": _("Noted"),
        "pending": _("Awaiting the answer"),
        "official": _("Official total received"),
        "title": _("Recommendations per cycle"),
    }


def acceptance_sections() -> dict[str, tuple[str, int | None]]:
    """The Acceptance page's breakdowns: ``by`` → (title, how many groups its chart shows; None: all)."""
    return {
        "region": (_("By UN regional group"), None),
        "state": (_("By recommending state"), 25),
        "theme": (_("By theme"), 20),
        "action_category": (_("By action asked for"), None),
        "sdg": (_("By Sustainable Development Goal"), None),
    }


def acceptance_summary(frame: pd.DataFrame, by: str, limit: int | None) -> str:
    """A breakdown's chart in words, with what the scale means and how many groups the chart leaves out."""
    summary = rate_summary(frame)
    if by == "action_category":
        summary = (
            _("Edward McMahon's scale, as UPR Info uses it: 1 asks for minimal action, 5 for a specific one.")
            + " "
            + summary
        )
    groups = frame["name"].nunique()
    if limit and groups > limit:
        summary += " " + _("The chart shows the {k} largest of {n}; the table has all.").format(
            k=limit, n=groups
        )
    return summary


def noted_sections() -> list[tuple]:
    """The Noted page's charts: (by, title, how many groups the chart shows, k → "{k} ... in all" in the
    catalog's plural form)."""
    return [
        ("theme", _("Noted, by theme"), 20, lambda k: ngettext("{k} theme in all.", "{k} themes in all.", k)),
        (
            "state",
            _("Noted, by recommending state"),
            25,
            lambda k: ngettext("{k} state in all.", "{k} states in all.", k),
        ),
    ]


def noted_summary(frame: pd.DataFrame, in_all, limit: int) -> str:
    summary = count_summary(frame, in_all)
    if frame["name"].nunique() > limit:
        summary += " " + _(
            "The chart shows the {k} largest; the table below has every recommendation."
        ).format(k=limit)
    return summary


def split_names() -> dict[str, str]:
    """The legend of the supported-and-noted bars."""
    return {"supported": _("Supported"), "noted": _("Noted")}


def status_names() -> dict[str, str]:
    """The names of the latest statuses on the ministries' charts, "not assessed" included."""
    names = {s: label(s) for s in (*MOVED_STATUSES, "not_implemented", "no_information")}
    return names | {"not_assessed": _("Not assessed"), "x": _("Recommendations")}


def ministry_summary(table: pd.DataFrame, who: str) -> str:
    """ "Ministry of Justice: 3 of 12 moved; ..." for one assessor, over ministries with counted rows."""
    return "; ".join(
        _("{ministry}: {moved} of {total} moved").format(
            ministry=r.ministry, moved=fmt_int(getattr(r, f"{who}_moved")), total=fmt_int(r.counted)
        )
        for r in records(table)
        if r.counted
    )


def status_title(assessor: str) -> str:
    """A ministries chart's title: "Latest status: Civil society"."""
    return _("Latest status: {assessor}").format(assessor=label(assessor))


def recommendation_facts(rec: dict, assigned: pd.DataFrame) -> list[str]:
    """One recommendation's review, states, response, position, category, themes, ministries and
    source, a line each (``explore.recommendation`` and ``explore.ministries_of``); data quoted as given."""
    category, shown = rec["action_category"], names.current()
    lines = [
        _("Review: cycle {cycle} ({year}), {document} para {paragraph}").format(
            cycle=rec["cycle"],
            year=rec["year"],
            document=rec["document"] or "–",
            paragraph=rec["paragraph"] or "–",
        ),
        _("Recommending states: {states}").format(
            states=", ".join(map(shown.state, rec["recommending_states"])) or "–"
        ),
        _("Response: {response} (the source's word: {word})").format(
            response=label(rec["response"]), word=rec["response_label"]
        ),
        _("Listed in the Working Group report as: {position}").format(position=rec["wg_position"])
        if rec["wg_position"]
        else "",
        _("Action category: {name}").format(name=action_name(category)) if category else "",
        _("Themes: {themes}").format(themes=", ".join(map(shown.theme, rec["themes"])) or "–"),
        _("Ministries: {ministries}").format(
            ministries=", ".join(f"{m.ministry} ({label(m.role)})" for m in records(assigned))
            or _("none assigned")
        ),
        _("Source: {source}").format(source=rec["source"]),
    ]
    return [line for line in lines if line]


def acceptance_joint_note() -> str:
    """How the acceptance breakdowns count joint and multi-theme recommendations, and faint bars."""
    return ngettext(
        "A joint recommendation counts once for each of its recommending states and regional groups, "
        "and once for each of its themes, so group counts add up to more than the total. Groups with "
        "fewer than {k} recommendation are drawn faint: a rate of a handful says little.",
        "A joint recommendation counts once for each of its recommending states and regional groups, "
        "and once for each of its themes, so group counts add up to more than the total. Groups with "
        "fewer than {k} recommendations are drawn faint: a rate of a handful says little.",
        SMALL_N,
    ).format(k=SMALL_N)


def ministry_roles() -> dict[str, str]:
    """What a ministry's progress counts (?role=): the recommendations it leads, or leads or supports."""
    return {"lead": _("it leads"), "all": _("it leads or supports")}


def rows_of_names() -> dict[str, str]:
    """The About page's names for what ``about.illustrative_counts`` counts."""
    return {
        "recommendations": _("Recommendations"),
        "assignments": _("Ministry assignments"),
        "progress": _("Assessments"),
        "actions": _("Actions of the government's plan"),
        "indicators": _("Indicators of the plan"),
        "indicator_values": _("Indicator values"),
    }


def data_note(note: str) -> str:
    """A note from the data (official_totals.csv's ``note``) as Markdown-safe text. The data's
    maintainers write it in English and it is not translated (a translation would go stale unnoticed
    when the note is corrected): a reader in another language is told so before it."""
    text = markdown.escape(note)
    if current_language() == DEFAULT_LANGUAGE:
        return text
    return _("As the data's maintainers wrote it, in English: {note}").format(note=text)
