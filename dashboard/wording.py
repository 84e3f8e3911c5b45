"""Reader-facing names, bar labels and chart summaries for the acceptance, noted and state pages.

Translated and formatted at call time (never cached), so each reader gets their own language; the
chart builders receive the finished text and stay free of Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import _, fmt_int, fmt_pct, ngettext
from dashboard.labels import action_name, label

SMALL_N = 3  # fewer recommendations than this: drawn faint, listed last, left out of "lowest/highest"


def group_name(by: str, value: str) -> str:
    """The display name of a breakdown value (a state, a regional group, a theme, an action category)."""
    if by == "action_category":
        return action_name(value)
    if by == "region":
        return _("Other / observer") if value == "other" else value
    return value or _("none")


def rate_text(supported: int, answered: int) -> str:
    """ "87 % of 198": the share supported of the recommendations answered (supported or noted)."""
    rate = supported / answered if answered else None
    return _("{rate} of {n}").format(rate=fmt_pct(rate), n=fmt_int(answered))


def rate_chart_frame(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``acceptance.rates`` output with the name, bar label and hover text the rate chart draws."""
    several = frame["cycle"].nunique() > 1
    names = [group_name(by, g) for g in frame["group"]]
    labels, hovers = [], []
    for name, row in zip(names, frame.itertuples(), strict=True):
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
    return frame.assign(name=names, label=labels, hover=hovers)


def rate_summary(frame: pd.DataFrame) -> str:
    """Per cycle, the lowest and highest acceptance among groups with at least ``SMALL_N``."""
    parts = []
    for cycle, part in frame.groupby("cycle"):
        solid = part[part["answered"] >= SMALL_N].sort_values(["rate", "answered"], ascending=[True, False])
        if solid.empty:
            parts.append(
                _("Cycle {n}: every group has fewer than {k} recommendations.").format(n=cycle, k=SMALL_N)
            )
            continue
        low, high = solid.iloc[0], solid.sort_values(["rate", "answered"], ascending=False).iloc[0]
        if low["rate"] == high["rate"]:
            parts.append(
                _("Cycle {n}: {rate} in every group with at least {k}.").format(
                    n=cycle, rate=fmt_pct(low["rate"]), k=SMALL_N
                )
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
        _("Groups with fewer than {k} recommendations are drawn faint and listed last.").format(k=SMALL_N)
    )
    return " ".join(parts)


def count_chart_frame(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``acceptance.rates`` output (of noted rows) as name, count, label ("5") and bar_label ("C2: 5")."""
    names = [group_name(by, g) for g in frame["group"]]
    labels = [fmt_int(n) for n in frame["received"]]
    bar_labels = [_("C{n}: {text}").format(n=c, text=t) for c, t in zip(frame["cycle"], labels, strict=True)]
    return frame.assign(name=names, count=frame["received"], label=labels, bar_label=bar_labels)


def count_summary(frame: pd.DataFrame, in_all: str, top: int = 3) -> str:
    """The groups with the most noted recommendations, all cycles of the view together.

    ``in_all`` says how many groups there are, e.g. "{k} themes in all".
    """
    totals = frame.groupby("name")["count"].sum().sort_values(ascending=False)
    leaders = ", ".join(f"{name} ({fmt_int(n)})" for name, n in totals.head(top).items())
    return _("Most noted: {leaders}.").format(leaders=leaders) + " " + in_all.format(k=fmt_int(len(totals)))


def split_frame(frame: pd.DataFrame, name_column: str) -> pd.DataFrame:
    """Rows with supported and noted counts as name and "12 · 83 % supported" labels, order kept."""
    received = frame["supported"] + frame["noted"]
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
        for row in frame.head(top).itertuples()
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
        for r in reviews.itertuples()
        if pd.notna(r.received)  # official totals with no rows loaded: nothing to say in this line
    )


def official_totals_line(row: dict) -> str:
    """A review's official totals in a sentence, with their source (shown as text: the source is data).

    Where the source counts some noted recommendations as rejected (Cambodia 2014: 163 supported, 38
    noted, 4 rejected; UN Geneva meeting summary), the sentence adds them up: rejected counts as noted
    under Human Rights Council resolution 5/1, as UPR Info counts it.
    """
    rejected = row.get("official_rejected")
    if rejected is not None and rejected == rejected and int(rejected):
        return _(
            "Official totals: {supported} supported + {noted} noted + {rejected} rejected = {received} received "
            "(rejected counts as noted), {states} states — {source}."
        ).format(
            supported=fmt_int(row["official_supported"]),
            noted=fmt_int(row["official_noted"] - rejected),
            rejected=fmt_int(rejected),
            received=fmt_int(row["official_received"]),
            states=fmt_int(row["official_recommending_states"]),
            source=row["official_source"],
        )
    return _(
        "Official totals: {received} received, {supported} supported, {noted} noted, {states} states — {source}."
    ).format(
        received=fmt_int(row["official_received"]),
        supported=fmt_int(row["official_supported"]),
        noted=fmt_int(row["official_noted"]),
        states=fmt_int(row["official_recommending_states"]),
        source=row["official_source"],
    )
