"""The closed vocabularies both sides share: the ETL validates against them, the read side labels them.

At the bottom of the import graph, like ``paths.py``: no project imports, nothing but constants. A value
added here is accepted by the ETL and offered by the dashboard's filters; its reader-facing name and
Khmer translation live with the interface text (dashboard/labels.py and the catalog).

Sources: responses, statuses and assessors follow UPR Info's mid-term implementation assessments and
the Human Rights Council's wording (resolution 5/1: a state "supports" or "notes" a recommendation);
action categories are Edward McMahon's scale as UPR Info uses it; the regional groups are the UN's.
"""

from __future__ import annotations

# The final response of the state under review. "Rejected" in older sources counts as noted (HRC 5/1).
RESPONSES = ("supported", "noted")
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
    1: "minimal action",
    2: "continuing action",
    3: "considering action",
    4: "general action",
    5: "specific action",
}
BOOLEANS = ("true", "false")
# Several values in one cell of a canonical CSV, and in every export: "France | Germany".
MULTI_SEPARATOR = " | "
