"""The closed vocabularies both sides share: the ETL validates against them, the read side labels them.

At the bottom of the import graph, like ``paths.py``: no project imports, nothing but constants. A value
added here is accepted by the ETL and offered by the dashboard's filters; its reader-facing English name
is in ``NAMES`` (marked with ``N_`` for the translation catalog, translated where it is shown).

Sources: responses, statuses and assessors follow UPR Info's mid-term implementation assessments and
the Human Rights Council's wording (resolution 5/1: a state "supports" or "notes" a recommendation);
action categories are Edward McMahon's scale as UPR Info uses it; the regional groups are the UN's.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark an English name for the interface catalog (babel.cfg reads this file); translated where shown."""
    return message


# The response of the state under review: "supported" or "noted" once it has answered (HRC 5/1;
# "Rejected" in older sources counts as noted, the source's word kept in response_label); "pending"
# while the Working Group report says the recommendation "will be examined"; "unclassified" when an
# importer could not read the source's words with confidence (imported, no answer counted, words kept).
RESPONSES = ("supported", "noted", "pending", "unclassified")
# The responses that are an answer: acceptance is counted over these only.
ANSWERED_RESPONSES = ("supported", "noted")
# The UN regional groups of recommending states; "other" holds observers and entities outside them.
REGIONAL_GROUPS = ("African", "Asia-Pacific", "EEG", "GRULAC", "WEOG", "other")
# An institution's part in implementing a recommendation: one lead, any number supporting.
ROLES = ("lead", "supporting")
# Who made an assessment: the government, civil society, a UN body, the national human rights institution.
ASSESSORS = ("government", "civil_society", "un", "nhri")
# Implementation status of one assessment (UPR Info's mid-term assessments, plus "no information").
STATUSES = ("not_implemented", "partially_implemented", "implemented", "no_information")
# The statuses that count as "moved": something was done.
MOVED_STATUSES = ("partially_implemented", "implemented")
# Edward McMahon's scale of the action a recommendation asks for, 1 (least) to 5 (most specific).
ACTION_CATEGORIES = {
    1: N_("minimal action"),
    2: N_("continuing action"),
    3: N_("considering action"),
    4: N_("general action"),
    5: N_("specific action"),
}
# What an indicator of the government's plan is counted in (indicators.csv `unit` and `target_unit`,
# indicator_values.csv `unit`). Closed, so that "%" and "percent" compare equal and a target or a value
# in another unit than the baseline's can be refused rather than read as the same number of something
# else; a unit not here is added here (it then shows in the plan template's dropdowns).
UNITS = ("percent", "number", "persons", "cases", "laws", "institutions", "days", "khr", "usd")
# The state of one action for one recommendation it answers, worked out by the read side (in no file):
# done (the recommendation implemented by the latest assessment), on track (not implemented, not yet
# due), overdue (not implemented, due date passed), and no plan (a supported recommendation no action
# answers).
PLAN_STATES = ("done", "on_track", "overdue", "no_plan")
BOOLEANS = ("true", "false")
# Several values in one cell of a canonical CSV, and in every export: "France | Germany".
MULTI_SEPARATOR = " | "

# The reader-facing English name of every value above (the interface translates them).
NAMES = {
    "supported": N_("Supported"),
    "noted": N_("Noted"),
    "pending": N_("Awaiting the answer"),
    "unclassified": N_("Position not read"),
    "not_implemented": N_("Not implemented"),
    "partially_implemented": N_("Partially implemented"),
    "implemented": N_("Implemented"),
    "no_information": N_("No information"),
    "government": N_("Government"),
    "civil_society": N_("Civil society"),
    "un": N_("United Nations"),
    "nhri": N_("National human rights institution"),
    "lead": N_("Lead"),
    "supporting": N_("Supporting"),
    "percent": N_("%"),
    "number": N_("number"),
    "persons": N_("persons"),
    "cases": N_("cases"),
    "laws": N_("laws and regulations"),
    "institutions": N_("institutions"),
    "days": N_("days"),
    "khr": N_("riel (KHR)"),
    "usd": N_("US dollars"),
    "done": N_("Done"),
    "on_track": N_("On track"),
    "overdue": N_("Overdue"),
    "no_plan": N_("No plan"),
    # UN regional groups: the names the UN uses.
    "African": N_("African"),
    "Asia-Pacific": N_("Asia-Pacific"),
    "EEG": N_("EEG"),
    "GRULAC": N_("GRULAC"),
    "WEOG": N_("WEOG"),
    "other": N_("other"),
}

# Why the linker (etl/recurrence) says a recommendation repeats an earlier one, strongest first:
# similar wording, shared key phrases, a treaty or institution both name, a shared theme, the same
# action category, a shared recommending state. The last three only ever add to the first three.
RECURRENCE_REASONS = ("wording", "phrases", "instrument", "theme", "action", "recommender")
# A monitor's decision on a suggested link (data/recurrences.csv).
RECURRENCE_DECISIONS = ("confirmed", "rejected")
# Where a published link comes from: the linker's suggestion, or a monitor's confirmation.
RECURRENCE_ORIGINS = ("machine", "confirmed")
# What a reader is told about each reason and origin (the interface translates them).
RECURRENCE_REASON_NAMES = {
    "wording": N_("similar wording"),
    "phrases": N_("shared key phrases"),
    "instrument": N_("names the same treaty or institution"),
    "theme": N_("a shared theme"),
    "action": N_("the same action category"),
    "recommender": N_("a shared recommending state"),
}
RECURRENCE_ORIGIN_NAMES = {
    "machine": N_("Suggested by the linker"),
    "confirmed": N_("Confirmed by a monitor"),
}

# The 17 Sustainable Development Goals by number, with the short names the UN uses for them
# (un.org/sustainabledevelopment, "The 17 Goals"; resolution A/RES/70/1). A recommendation's ``sdgs``
# cell holds goals ("16") or targets ("16.3"); its goal is the number before the dot.
SDG_GOALS = {
    "1": N_("No poverty"),
    "2": N_("Zero hunger"),
    "3": N_("Good health and well-being"),
    "4": N_("Quality education"),
    "5": N_("Gender equality"),
    "6": N_("Clean water and sanitation"),
    "7": N_("Affordable and clean energy"),
    "8": N_("Decent work and economic growth"),
    "9": N_("Industry, innovation and infrastructure"),
    "10": N_("Reduced inequalities"),
    "11": N_("Sustainable cities and communities"),
    "12": N_("Responsible consumption and production"),
    "13": N_("Climate action"),
    "14": N_("Life below water"),
    "15": N_("Life on land"),
    "16": N_("Peace, justice and strong institutions"),
    "17": N_("Partnerships for the goals"),
}
