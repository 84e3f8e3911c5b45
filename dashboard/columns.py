"""How tables show their columns: a header in the reader's language for every column the read side
returns, values in the reader's words, links that open, and blank cells where a value is missing.

Tables speak to readers ("Recommending states", not ``recommending_states``; "Supported", not
``supported``; the states' and themes' names in the reader's language; where to read a text the data
does not hold), and a table's CSV holds the same cells under data/'s column names (exports.py), so a
reader quotes from the file what they saw. Flags stay true/false: a tick on screen, ``true``/``false``
in the file, as data/ writes them. A page passes its own ``column_config`` for a type, a width or a
wording that only fits there; it wins over the header here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.exports import is_boolean
from dashboard.i18n import N_, _
from dashboard.names import Names

HEADERS = {
    "action": N_("What will be done"),
    "action_id": N_("Action"),
    "actions": N_("Actions"),
    "baseline": N_("Baseline"),
    "baseline_date": N_("Baseline date"),
    "done": N_("Done"),
    "due_date": N_("Due date"),
    "government_plan_state": N_("State (government)"),
    "indicator": N_("Indicator"),
    "indicator_id": N_("Indicator id"),
    "latest_date": N_("Latest value's date"),
    "latest_value": N_("Latest value"),
    "no_plan": N_("No plan"),
    "on_track": N_("On track"),
    "overdue": N_("Overdue"),
    "plan_state": N_("State (civil society)"),
    "progress": N_("Progress to target"),
    "recommendation_id": N_("Recommendation"),
    "reported_by": N_("Reported by"),
    "start_date": N_("Start date"),
    "target": N_("Target"),
    "target_date": N_("Target date"),
    "unit": N_("Unit"),
    "with_plan": N_("Recommendations with a plan"),
    "action_category": N_("Action category"),
    "assessor": N_("Assessed by"),
    "civil_society_date": N_("Civil-society date"),
    "civil_society_moved": N_("Moved (civil society)"),
    "civil_society_source": N_("Civil-society source"),
    "civil_society_status": N_("Civil-society status"),
    "counted": N_("Counted"),
    "column": N_("Column"),
    "cycle": N_("Cycle"),
    "cycles": N_("Cycles"),
    "chain_id": N_("Chain (its first recommendation)"),
    "cycle_list": N_("Cycles asked in"),
    "newest": N_("Newest recommendation"),
    "recommendations": N_("Recommendations"),
    "date": N_("Date"),
    "days_since_update": N_("Days since"),
    "disagree": N_("Disagree"),
    "document": N_("Document"),
    "document_url": N_("Document"),
    "encoding": N_("Encoding"),
    "evidence_url": N_("Evidence"),
    "file": N_("File"),
    "government_date": N_("Government date"),
    "government_moved": N_("Moved (government)"),
    "government_source": N_("Government source"),
    "government_status": N_("Government status"),
    "group": N_("Group"),
    "id": N_("Recommendation"),
    "illustrative": N_("Illustrative"),
    "illustrative_rows": N_("Illustrative rows"),
    "line": N_("Line"),
    "joint": N_("Joint"),
    "last_assessed": N_("Last assessed"),
    "lead": N_("Leads"),
    "lead_ministry": N_("Lead ministry"),
    "ministry": N_("Ministry"),
    "name": N_("Name"),
    "never_assessed": N_("Never assessed"),
    "note": N_("Note"),
    "noted": N_("Noted"),
    "pending": N_("Awaiting the answer"),
    "rejected": N_("Of them rejected"),
    "unanswered": N_("No answer counted"),
    "unclassified": N_("Position not read"),
    "official": N_("From a source"),
    "official_note": N_("Note"),
    "official_noted": N_("Official: noted"),
    "official_rejected": N_("Official: of them rejected"),
    "official_received": N_("Official: received"),
    "official_recommending_states": N_("Official: states"),
    "official_supported": N_("Official: supported"),
    "paragraph": N_("Paragraph"),
    "rate": N_("Acceptance rate"),
    "received": N_("Received"),
    "recommending_states": N_("Recommending states"),
    "reconciles": N_("Matches official"),
    "regional_group": N_("UN regional group"),
    "response": N_("Response"),
    "response_label": N_("Response (source's word)"),
    "rows": N_("Rows"),
    "rows_of": N_("Rows of"),
    "expected": N_("Expected"),
    "state_under_review": N_("State under review"),
    "value": N_("Value"),
    "sha256_prefix": N_("SHA-256 (first 12)"),
    "source": N_("Source"),
    "source_url": N_("Source link"),
    "stalled": N_("Stalled"),
    "state": N_("Recommending state"),
    "status": N_("Status"),
    "summary": N_("Summary"),
    "supported": N_("Supported"),
    "supporting": N_("Supports"),
    "supporting_ministries": N_("Supporting"),
    "text": N_("Text"),
    "theme": N_("Theme"),
    "themes": N_("Themes"),
    "total": N_("Total"),
    "wg_position": N_("Working Group position"),
    "year": N_("Year"),
}


# Columns whose values are vocabulary codes (vocab.py), states, themes or regional groups.
VOCABULARY = ("response", "status", "government_status", "civil_society_status", "assessor", "role")
# A recommendation's latest status per assessor: a dash where that assessor has said nothing.
LATEST_STATUS = ("government_status", "civil_society_status")
NOT_ASSESSED = "–"
STATES = ("recommending_states", "state", "state_under_review")
THEMES = ("themes", "theme")
REGIONS = ("regional_group",)
# Link columns: shown as links that open (the document by its symbol, the others as their address).
LINKS = ("source_url", "evidence_url", "document_url")
UNDOCS_SYMBOL = r"https://undocs\.org/(.+)"


def config_for(columns, page_config: dict | None = None, shown=None) -> dict:
    """A header for each of ``columns`` (links as links, the first ``shown`` column pinned so that a row
    keeps its name while a phone scrolls the others sideways): the page's own configuration where it
    has one."""
    config: dict = {c: _(HEADERS[c]) for c in columns if c in HEADERS}
    for column in columns:
        if column == "document_url":
            config[column] = st.column_config.LinkColumn(_(HEADERS[column]), display_text=UNDOCS_SYMBOL)
        elif column in LINKS:
            config[column] = st.column_config.LinkColumn(_(HEADERS[column]))
    config |= page_config or {}
    shown = list(columns if shown is None else shown)
    first = shown[0] if shown else None
    if first is not None and len(shown) > 3:
        base = config.get(first)
        config[first] = (
            base | {"pinned": True} if isinstance(base, dict) else st.column_config.Column(base, pinned=True)
        )
    return config


def shown_order(columns, hidden=()) -> list[str]:
    """The columns a table shows: all but ``hidden`` (kept in the export only) and the bare document
    symbol where its link shows it."""
    if "document_url" not in columns:
        return [c for c in columns if c not in hidden]
    # The link takes the bare symbol's place, before the paragraph: "A/HRC/26/16 · 118.5".
    moved = ["document_url" if c == "document" else c for c in columns if c != "document_url"]
    return [c for c in moved if c not in hidden]


def for_reader(frame: pd.DataFrame, names: Names) -> pd.DataFrame:
    """``frame`` (data values) as the reader sees it and downloads it: codes as words, names in the
    reader's language, where to read a missing text; flags as booleans (missing ones as pandas NA)."""
    out = frame.copy()
    if {"text", "document", "paragraph"} <= set(out.columns):
        pointer = [
            _("see document {document} para {paragraph}").format(document=d or "?", paragraph=p or "?")
            for d, p in zip(out["document"].where(out["document"].notna(), None),
                            out["paragraph"].where(out["paragraph"].notna(), None), strict=True)
        ]  # fmt: skip
        out["text"] = out["text"].where(
            out["text"].notna() & (out["text"] != ""), pd.Series(pointer, index=out.index)
        )
    for column in out.columns:
        series = out[column]
        if column in LATEST_STATUS:  # "–": nobody has assessed it (yet, on the view's day)
            out[column] = series.map(lambda v: names.vocabulary(v) if isinstance(v, str) else NOT_ASSESSED)
        elif column in VOCABULARY:
            out[column] = series.map(lambda v: names.vocabulary(v) if isinstance(v, str) else v)
        elif column in STATES:
            out[column] = series.map(lambda v: names.states(v) if isinstance(v, (str, list)) else v)
        elif column in THEMES:
            out[column] = series.map(lambda v: names.themes(v) if isinstance(v, (str, list)) else v)
        elif column in REGIONS:
            out[column] = series.map(names.region)
        elif is_boolean(series) and series.dtype == object:  # true/false with gaps: a nullable flag
            out[column] = series.astype("boolean")
    return out


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing text shown as an empty cell, not as the word "None" (a reader could take it for a value)."""
    text = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")]
    if not text:
        return frame
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "") for c in text})
