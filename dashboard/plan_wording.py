"""The government's plan in words: states and units named, tables labelled, charts summarised.

Translated at call time in the reader's language; the chart builders and queries stay free of it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import _, fmt_date, fmt_int, fmt_number, fmt_pct
from dashboard.labels import label
from vocab import PLAN_STATES

STATE_COLUMNS = ("plan_state", "government_plan_state", "civil_society_status", "government_status")


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """States, statuses, units and reporters as the reader's words; a missing one as a dash; progress
    to target as a percentage."""
    out = frame.copy()
    for column in (*STATE_COLUMNS, "unit", "reported_by"):
        if column in out.columns:
            out[column] = out[column].map(lambda v: label(v) if isinstance(v, str) else "–")
    if "progress" in out.columns:
        out["progress"] = out["progress"].map(fmt_pct)
    if "ministry" in out.columns:
        out["ministry"] = out["ministry"].map(
            lambda v: v if isinstance(v, str) and v else _("no lead assigned")
        )
    return out


def state_labels() -> dict[str, str]:
    return {state: label(state) for state in PLAN_STATES}


def states_summary(table: pd.DataFrame) -> str:
    """The per-ministry chart in words: "Ministry of Justice: 3 done, 2 on track, 4 overdue, 1 no plan"."""
    parts = []
    for row in table.itertuples():
        name = row.ministry or _("no lead assigned")
        counts = ", ".join(f"{fmt_int(getattr(row, state))} {label(state).lower()}" for state in PLAN_STATES)
        parts.append(f"{name}: {counts}")
    return "; ".join(parts) + "."


def value_text(value, unit: str) -> str:
    """A measured value with its unit: "12 %", "200 persons"."""
    return f"{fmt_number(value)} {label(unit)}" if unit else fmt_number(value)


def indicator_summary(indicator: dict, series: pd.DataFrame) -> str:
    """One indicator's chart in words: baseline, every reported value by whom and when, target."""
    unit = indicator["unit"]
    parts = []
    for row in series.itertuples():
        when = fmt_date(row.date)
        if row.kind == "baseline":
            parts.append(_("baseline {value} ({date})").format(value=value_text(row.value, unit), date=when))
        elif row.kind == "target":
            parts.append(_("target {value} by {date}").format(value=value_text(row.value, unit), date=when))
        else:
            parts.append(
                _("{who} reported {value} ({date})").format(
                    who=label(row.reported_by), value=value_text(row.value, unit), date=when
                )
            )
    return "; ".join(parts) + "."


def indicator_choice(row) -> str:
    """How one indicator is offered in the chooser: "ILLUS-IND-004 · Officials trained on justice"."""
    return f"{row.indicator_id} · {row.indicator}"
