"""How tables show their columns: a header in the reader's language for every column the read side
returns, and blank cells where a value is missing.

Tables on screen speak to readers ("Recommending states", not ``recommending_states``); CSV exports
keep the column names of data/ so a file can go back into a spreadsheet or the ETL (exports.py).
A page passes its own ``column_config`` for a type, a width or a wording that only fits there; it
wins over the header here.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import N_, _

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
    "themes": N_("Themes"),
    "total": N_("Total"),
    "wg_position": N_("Working Group position"),
    "year": N_("Year"),
}


def config_for(columns, page_config: dict | None = None) -> dict:
    """A header for each of ``columns``: the page's own configuration where it has one, else ours."""
    config = {c: _(HEADERS[c]) for c in columns if c in HEADERS}
    return config | (page_config or {})


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing text shown as an empty cell, not as the word "None" (a reader could take it for a value)."""
    text = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")]
    if not text:
        return frame
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "") for c in text})
