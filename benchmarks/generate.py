"""Generate a global-scale synthetic dataset in the canonical CSV format (data/README.md), deterministically.

Every UN member state (193, from etl/importers/un_regional_groups.csv) under review in four cycles:
about 150,000 recommendations at ``scale=1`` (1–3 recommending states, 1–4 themes from data/themes.csv,
about 75 % supported), ten ministries per state, lead and supporting assignments, about 500,000 progress
assessments, and official totals computed from the rows so every review reconciles. Every row is marked
illustrative: the data is made up, only its size and mix are realistic. Texts (benchmarks/texts.py) are
as long as real ones, and about a fifth of cycles 2–4 repeat an earlier ask, so linking
(``python -m etl link --include-illustrative``) can be measured on them.

The same ``seed`` and ``scale`` always give byte-identical files.

    python -m benchmarks.generate --out /tmp/global [--scale 1.0] [--seed 2026]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from benchmarks import texts
from etl.schema import FILES_BY_TABLE

ROOT = Path(__file__).resolve().parent.parent
GROUPS_FILE = ROOT / "etl" / "importers" / "un_regional_groups.csv"
THEMES_FILE = ROOT / "data" / "themes.csv"
SEED = 2026
SOURCE = "Synthetic benchmark data (benchmarks/generate.py)"
LAST_DATE = date(2026, 9, 30)

# Mean recommendations per review, by cycle: reviews have grown from ~85 (2008–11) to ~290 (2022–27).
MEAN_PER_REVIEW = {1: 85, 2: 170, 3: 230, 4: 290}
# Working Group sessions and their first year, by cycle.
SESSIONS = {1: (1, 12, 2008), 2: (13, 26, 2012), 3: (27, 40, 2017), 4: (41, 54, 2022)}
MINISTRIES = (
    ("MOJ", "Ministry of Justice"),
    ("MOI", "Ministry of Interior"),
    ("MFA", "Ministry of Foreign Affairs"),
    ("MOH", "Ministry of Health"),
    ("MOE", "Ministry of Education"),
    ("MOL", "Ministry of Labour"),
    ("MWA", "Ministry of Women's Affairs"),
    ("MSA", "Ministry of Social Affairs"),
    ("MOF", "Ministry of Finance"),
    ("NHR", "National Human Rights Committee"),
)
VERBS = (
    "Ratify the instruments on",
    "Strengthen its legal framework on",
    "Adopt a national action plan on",
    "Ensure the effective protection of rights relating to",
    "Take further measures on",
    "Continue its efforts on",
    "Establish an independent mechanism for",
    "Guarantee in law and practice",
    "Combat discrimination in",
    "Review its legislation on",
)
PERSONS = ("women", "children", "persons with disabilities", "migrants", "indigenous peoples", "minorities")
ASSESSORS = (("government", 40), ("civil_society", 35), ("un", 15), ("nhri", 10))
STATUSES = ("not_implemented", "partially_implemented", "implemented")
# How many assessments a recommendation has: mean ≈ 3.4, so ≈ 500,000 for 150,000 recommendations.
ASSESSMENT_COUNTS = ((0, 6), (1, 10), (2, 16), (3, 20), (4, 20), (5, 14), (6, 9), (7, 5))


def member_states() -> list[tuple[str, str, str]]:
    """(name, iso3, regional group) of every UN member state (observers left out), sorted by name."""
    with GROUPS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [(r["name"], r["iso3"], r["regional_group"]) for r in csv.DictReader(handle)]
    return sorted(r for r in rows if r[2] != "other")


def themes() -> list[str]:
    with THEMES_FILE.open(encoding="utf-8", newline="") as handle:
        return [r["name"] for r in csv.DictReader(handle)]


def _weighted(rng: random.Random, pairs) -> object:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _distinct(rng: random.Random, population: list, weights: list[float], k: int) -> list:
    chosen: list = []
    while len(chosen) < k:
        pick = rng.choices(population, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def generate(
    out: Path, scale: float = 1.0, seed: int = SEED, limit_states: int | None = None
) -> dict[str, int]:
    """Write the seven canonical CSV files into ``out``; return the row count of each."""
    rng = random.Random(seed)
    states = member_states()
    if limit_states is not None:  # a small world for tests: always keep Cambodia, the app's default
        keep = [s for s in states if s[0] == "Cambodia"]
        states = keep + [s for s in states if s[0] != "Cambodia"][: max(limit_states - len(keep), 1)]
        states.sort()
    names = [s[0] for s in states]
    activity = [0.05 + rng.random() ** 2 for _ in names]  # some states recommend far more than others
    theme_names = themes()
    popularity = [0.2 + rng.random() for _ in theme_names]

    recommendations, assignments, progress, totals = [], [], [], []
    text_rng = random.Random(f"{seed}-texts")  # its own stream: the other columns do not change
    for name, iso3, _group in states:
        asked: list[str] = []  # the asks made to this state in earlier cycles, some of which recur
        support_rate = rng.uniform(0.6, 0.9)
        ministry_ids = [f"{iso3}-{code}" for code, _ in MINISTRIES]
        others = [n for n in names if n != name] or names
        other_weights = [activity[names.index(n)] for n in others]
        for cycle, mean in MEAN_PER_REVIEW.items():
            first, last, first_year = SESSIONS[cycle]
            session = rng.randint(first, last)
            year = first_year + (session - first) // 3  # three sessions a year
            document = f"A/HRC/{session + 10}/{rng.randint(2, 19)}"
            count = max(1, round(mean * scale * rng.uniform(0.6, 1.4)))
            recommenders: set[str] = set()
            supported = 0
            asked_now: list[str] = []
            for number in range(1, count + 1):
                rec_id = f"ILLUS-{iso3}-C{cycle}-{number:04d}"
                by = _distinct(
                    rng, others, other_weights, min(_weighted(rng, ((1, 88), (2, 8), (3, 4))), len(others))
                )
                recommenders.update(by)
                topics = _distinct(
                    rng, theme_names, popularity, _weighted(rng, ((1, 40), (2, 30), (3, 20), (4, 10)))
                )
                response = "supported" if rng.random() < support_rate else "noted"
                supported += response == "supported"
                persons = rng.sample(PERSONS, rng.choice((0, 0, 0, 1, 2)))
                row = {
                    "id": rec_id,
                    "state_under_review": name,
                    "cycle": cycle,
                    "session": session,
                    "year": year,
                    "document": document,
                    "paragraph": f"{rng.choice((110, 115, 120, 121, 128))}.{number}",
                    "recommending_states": " | ".join(by),
                    "response": response,
                    "response_label": response.capitalize(),
                    "wg_position": "",
                    "action_category": rng.randint(1, 5),
                    "themes": " | ".join(topics),
                    "sdgs": " | ".join(
                        str(g) for g in sorted(rng.sample(range(1, 18), rng.choice((0, 1, 1, 2))))
                    ),
                    "affected_persons": " | ".join(persons),
                    # The verb is drawn here, in the order it always was, so other columns stay the same.
                    "text": rng.choice(VERBS),
                    "source": SOURCE,
                    "illustrative": "true",
                }
                row["text"], ask = texts.compose(text_rng, row["text"], topics[0], persons, by[0], asked)
                asked_now.append(ask)
                recommendations.append(row)
                if response == "supported" and rng.random() < 0.9:
                    involved = rng.sample(ministry_ids, rng.choice((1, 1, 2, 3)))
                    for index, ministry in enumerate(involved):
                        role = "lead" if index == 0 else "supporting"
                        assignments.append(
                            {
                                "recommendation_id": rec_id,
                                "ministry_id": ministry,
                                "role": role,
                                "source": SOURCE,
                                "illustrative": "true",
                            }  # fmt: skip
                        )
                progress += _assessments(rng, rec_id, year)
            asked += asked_now
            totals.append(
                {
                    "state_under_review": name,
                    "cycle": cycle,
                    "received": count,
                    "supported": supported,
                    "noted": count - supported,
                    "recommending_states": len(recommenders),
                    "source": SOURCE,
                    "source_url": "",
                    "note": "Computed from the generated rows.",
                }
            )

    ministries = [
        {"id": f"{iso3}-{code}", "name": f"{title} ({name})", "name_km": ""}
        for name, iso3, _ in states
        for code, title in MINISTRIES
    ]
    state_rows = [{"name": n, "iso3": i, "regional_group": g} for n, i, g in member_states()]
    with THEMES_FILE.open(encoding="utf-8", newline="") as handle:
        theme_rows = list(csv.DictReader(handle))
    tables = {
        "states": state_rows,
        "themes": theme_rows,
        "ministries": ministries,
        "recommendations": recommendations,
        "assignments": assignments,
        "progress": progress,
        "official_totals": totals,
    }
    out.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        _write(out / f"{table}.csv", [c.name for c in FILES_BY_TABLE[table].columns], rows)
    return {table: len(rows) for table, rows in tables.items()}


def _assessments(rng: random.Random, rec_id: str, year: int) -> list[dict]:
    """A dated history of assessments by several assessors, status moving mostly forward."""
    first = date(min(year + 1, LAST_DATE.year), 1, 1)
    span = (LAST_DATE - first).days
    if span <= 0:
        return []
    count = _weighted(rng, ASSESSMENT_COUNTS)
    days = sorted(rng.randrange(span) for _ in range(count))
    level, rows = 0, []
    by_assessor: dict[str, int] = defaultdict(int)
    for offset in days:
        assessor = _weighted(rng, ASSESSORS)
        by_assessor[assessor] += 1
        level = min(2, max(0, level + rng.choice((-1, 0, 0, 1, 1))))
        status = "no_information" if rng.random() < 0.05 else STATUSES[level]
        rows.append(
            {
                "recommendation_id": rec_id,
                "date": (first + timedelta(days=offset)).isoformat(),
                "assessor": assessor,
                "status": status,
                "summary": f"Assessment {by_assessor[assessor]} by {assessor.replace('_', ' ')}: {status.replace('_', ' ')}.",
                "evidence_url": f"https://example.org/upr/{rec_id.lower()}/{offset}"
                if rng.random() < 0.3
                else "",
                "source": SOURCE,
                "illustrative": "true",
            }
        )
    return rows


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the canonical CSVs into")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="share of the full size (1.0 ≈ 150,000 recommendations)"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.scale, args.seed)
    for table, rows in counts.items():
        print(f"{table:<18}{rows:>10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
