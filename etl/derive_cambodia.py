"""Derive the bundled Cambodia cycle 1–2 facts (no texts) from the paragraph lists in ../shared.

Run ``python -m etl.derive_cambodia`` to rewrite data/recommendations.csv rows of cycles 1 and 2,
data/states.csv, data/themes.csv and the cycle 1→2 links of data/recurrence_links.csv. Only facts
leave ../shared: identifiers, document symbols and paragraphs, recommending states, responses, action
categories, issue labels, and which cycle-2 recommendation repeats which cycle-1 one (computed here,
once, from the texts by etl/recurrence). The texts stay there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import paths
from etl.canonical_csv import read_rows, write_rows
from etl.decode import read_dicts
from etl.importers import countries, paragraphs
from etl.importers.positions import NOTED, SUPPORTED, classify
from etl.recurrence import linker, links_file
from vocab import MULTI_SEPARATOR

# A grouping of UPR Info's 54 issue labels, so long theme lists can be scanned by family.
THEME_GROUPS = {
    "Civil and political rights": [
        "CP rights - general",
        "Death penalty",
        "Detention",
        "Elections",
        "Enforced disappearances",
        "Extrajudicial executions",
        "Freedom of association and peaceful assembly",
        "Freedom of movement",
        "Freedom of opinion and expression",
        "Freedom of religion and belief",
        "Freedom of the press",
        "Human rights defenders",
        "Human rights violations by state agents",
        "Impunity",
        "Justice",
        "Public security",
        "Torture and other CID treatment",
        "Counter-terrorism",
        "Corruption",
        "Civil society",
    ],
    "Economic, social and cultural rights": [
        "ESC rights - general",
        "Development",
        "Environment",
        "Labour",
        "Poverty",
        "Right to education",
        "Right to food",
        "Right to health",
        "Right to housing",
        "Right to land",
        "Right to water",
        "HIV - Aids",
    ],
    "Groups of persons": [
        "Asylum-seekers - refugees",
        "Disabilities",
        "Indigenous peoples",
        "Internally displaced persons",
        "Migrants",
        "Minorities",
        "Racial discrimination",
        "Rights of the Child",
        "Sexual Orientation and Gender Identity",
        "Trafficking",
        "Women's rights",
    ],
    "Institutions and international cooperation": [
        "General",
        "Human rights education and training",
        "International humanitarian law",
        "International instruments",
        "NHRI",
        "National plan of action",
        "Other",
        "Special procedures",
        "Technical assistance and cooperation",
        "Treaty bodies",
        "UPR process",
    ],
}
REVIEWS = {1: ("A/HRC/13/4", 6, 2009), 2: ("A/HRC/26/16", 18, 2014)}
SOURCE = "UPR Info database export (2015) matched to the UN Working Group report {document}"
LINKS_SOURCE = (
    "etl/derive_cambodia.py: the linker on the texts of A/HRC/13/4 and A/HRC/26/16 in ../shared/upr-data "
    "(threshold {threshold})"
)
BRUNEI_NOTE = "; recommending state per A/HRC/13/4 (the UPR Info export credits Brazil, a known error)"
# Cycle 2: four of the eight items the report first listed as enjoying support (para 118) and finally
# noted were "rejected", in the State's own word; the UPR Info export files all eight as Noted. The
# four are named by paragraph in UPR Info's news item "Cambodia rejects 4 recommendations initially
# accepted" (2014) and by subject in The Cambodia Daily, "Govt rejects 4 human rights recommendations"
# (June 2014); the UN counts 163 supported, 38 noted and 4 rejected (UN Geneva meeting summary, June
# 2014). Rejected is noted under HRC resolution 5/1: `response` stays noted, `response_label` says it.
REJECTED = ("118.5", "118.22", "118.57", "118.161")
REJECTED_NOTE = (
    "; response_label 'Rejected' per UPR Info's news item 'Cambodia rejects 4 recommendations initially "
    "accepted' (2014) and The Cambodia Daily, 'Govt rejects 4 human rights recommendations' (June 2014); "
    "the UPR Info export says Noted"
)


def canonical(name: str) -> str:
    """The project's one name for a state, whichever spelling the source uses."""
    country = countries.resolve(name)
    if country is None:
        raise SystemExit(f"cannot place the state name {name!r}: add it to etl/importers/countries.py")
    return country.name


def cambodia_rows(shared: Path) -> list[dict[str, str]]:
    """The canonical recommendation rows of cycles 1 and 2, facts only."""
    rows = []
    cycle1 = read_shared_csv(shared / "cambodia" / "cambodia_cycle1_A-HRC-13-4_recommendations.csv")
    by_paragraph: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in cycle1:
        by_paragraph[row["paragraph"]].append(row)  # joint items: one paragraph, one row per state
    for paragraph, items in by_paragraph.items():
        first = items[0]
        states = [canonical(item["recommending_state_wg_report"]) for item in items]
        corrected = any(
            canonical(i["recommending_state_wg_report"]) != canonical(i["recommending_state_upr_info"])
            for i in items
        )
        rows.append(
            _row(
                1,
                paragraph,
                states,
                first["upr_info_response"],
                first["upr_info_action_category"],
                first["upr_info_issues"],
                "",
                BRUNEI_NOTE if corrected else "",
            )
        )
    cycle2 = read_shared_csv(shared / "cambodia" / "cambodia_cycle2_A-HRC-26-16_recommendations.csv")
    _check_rejected(cycle2)
    for row in cycle2:
        rejected = row["paragraph"] in REJECTED
        rows.append(
            _row(
                2,
                row["paragraph"],
                [canonical(row["recommending_state"])],
                "Rejected" if rejected else row["upr_info_response"],
                row["upr_info_action_category"],
                row["upr_info_issues"],
                paragraphs.wg_position(row["wg_report_status"]),
                REJECTED_NOTE if rejected else "",
            )
        )
    return rows


def _check_rejected(cycle2: list[dict[str, str]]) -> None:
    """The four rejected items must be among those the report listed as supported and the export notes."""
    changed = {
        row["paragraph"]
        for row in cycle2
        if classify(row["wg_report_status"]).response == SUPPORTED
        and classify(row["upr_info_response"]).response == NOTED
    }
    if not set(REJECTED) <= changed:
        raise SystemExit(
            f"cycle 2: {sorted(set(REJECTED) - changed)} are not among the items listed as enjoying support "
            f"and finally noted ({sorted(changed)}): check REJECTED against the sources"
        )


def rec_id(cycle: int, paragraph: str) -> str:
    """The bundled id of a Cambodia recommendation: ``KHM-C{cycle}-{paragraph}``, e.g. KHM-C2-118.5."""
    return f"KHM-C{cycle}-{paragraph}"


def cambodia_items(shared: Path) -> list[linker.Item]:
    """The cycle 1–2 recommendations with their Working Group report texts, as the linker reads them.

    Cycle 1: the whole report item (a joint item's rows repeat it; the first is taken). Cycle 2: the
    item as the report gives it. Ids are those of ``cambodia_rows``; the texts never leave this process.
    """
    items: dict[str, linker.Item] = {}
    cycle1 = read_shared_csv(shared / "cambodia" / "cambodia_cycle1_A-HRC-13-4_recommendations.csv")
    cycle2 = read_shared_csv(shared / "cambodia" / "cambodia_cycle2_A-HRC-26-16_recommendations.csv")
    for cycle, rows, text_column, state_column in (
        (1, cycle1, "recommendation_text_wg_item", "recommending_state_wg_report"),
        (2, cycle2, "recommendation_text", "recommending_state"),
    ):
        for row in rows:
            key = rec_id(cycle, row["paragraph"])
            state = canonical(row[state_column])
            if key in items:  # a joint cycle-1 item: one more recommending state
                items[key] = replace(items[key], recommending_states=items[key].recommending_states | {state})
                continue
            items[key] = linker.Item(
                id=key,
                state_under_review="Cambodia",
                cycle=cycle,
                text=row[text_column],
                themes=frozenset(t.strip() for t in row["upr_info_issues"].split(",") if t.strip()),
                action_category=int(row["upr_info_action_category"]),
                recommending_states=frozenset({state}),
            )
    return list(items.values())


def _row(cycle, paragraph, states, response, action, issues, wg_position, note) -> dict[str, str]:
    document, session, year = REVIEWS[cycle]
    return {
        "id": rec_id(cycle, paragraph),
        "state_under_review": "Cambodia",
        "cycle": str(cycle),
        "session": str(session),
        "year": str(year),
        "document": document,
        "paragraph": paragraph,
        "recommending_states": MULTI_SEPARATOR.join(states),
        "response": _response(paragraph, response),
        "response_label": response,
        "wg_position": wg_position,
        "action_category": action,
        "themes": MULTI_SEPARATOR.join(t.strip() for t in issues.split(",") if t.strip()),
        "text": "",
        "source": SOURCE.format(document=document) + note,
        "illustrative": "false",
    }


def _response(paragraph: str, words: str) -> str:
    """The response the importers would read from the export's word; the bundled facts allow no doubt."""
    position = classify(words)
    if position.response not in (SUPPORTED, NOTED) or position.partial:
        raise SystemExit(f"paragraph {paragraph}: response {words!r} is not plainly supported or noted")
    return position.response


def read_shared_csv(path: Path) -> list[dict[str, str]]:
    """A CSV from ../shared (UTF-8, or the UPR Info export's Mac Roman with CR line ends), read the
    one way every CSV is read (etl/decode.py)."""
    return [row for _, row in read_dicts(path)[1]]


def states_rows(names: set[str]) -> list[dict[str, str]]:
    """states.csv rows: ISO3 and UN regional group from the importers' country table."""
    rows = []
    for name in sorted(names):
        country = countries.resolve(name)
        rows.append(
            {"name": name, "iso3": country.iso3, "regional_group": countries.regional_group(country.iso3)}
        )
    return rows


def themes_rows(shared: Path) -> list[dict[str, str]]:
    labels = [row["issue"] for row in read_shared_csv(shared / "reference" / "upr_info_issues_2015.csv")]
    group_of = {label: group for group, members in THEME_GROUPS.items() for label in members}
    missing = set(labels) - set(group_of)
    if missing:
        raise SystemExit(f"themes without a group: {sorted(missing)}")
    return [{"name": label, "group": group_of[label]} for label in sorted(labels)]


def run(shared: Path | None = None, data_dir: Path | None = None) -> None:
    """Rewrite the cycle 1–2 rows, states.csv and themes.csv; keep every other row as it is."""
    shared = shared or paths.shared_data_dir()
    data_dir = data_dir or paths.data_dir()
    derived = cambodia_rows(shared)
    existing = (
        read_rows(data_dir / "recommendations.csv") if (data_dir / "recommendations.csv").exists() else []
    )
    kept = [r for r in existing if not (r["state_under_review"] == "Cambodia" and r["cycle"] in ("1", "2"))]
    recommendations = derived + kept
    write_rows(data_dir / "recommendations.csv", recommendations)
    names = {
        s.strip() for r in recommendations for s in r["recommending_states"].split(MULTI_SEPARATOR.strip())
    }
    names |= {r["state_under_review"] for r in recommendations}
    write_rows(data_dir / "states.csv", states_rows(names))
    write_rows(data_dir / "themes.csv", themes_rows(shared))
    items = cambodia_items(shared)
    links = linker.link(items, linker.DEFAULT_THRESHOLD)
    source = LINKS_SOURCE.format(threshold=linker.DEFAULT_THRESHOLD)
    links_file.write_links(data_dir, links, {i.id for i in items}, source)
    print(
        f"wrote {len(derived)} cycle 1–2 rows, {len(names)} states, 54 themes and "
        f"{len(links)} cycle 1→2 links into {data_dir}"
    )


if __name__ == "__main__":
    run()
