"""Generate a file in the layout of OHCHR's UHRI JSON export (../shared/upr-data/FORMATS.md), any size.

Used by the fetch tests (a few MB, served from 127.0.0.1) and by the benchmark (~400 MB, parsed under
a memory target). Given UPR records are spread evenly through filler records that look like the
real mix: treaty bodies' recommendations and concerns, special procedures, and UPR recommendations
to other states under review, some of them about the same state (a treaty body's concern about
Cambodia must not be taken for a UPR recommendation). All texts are invented words.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

TREATY_BODIES = ("CRC", "CEDAW", "CCPR", "CESCR", "CAT", "CERD", "CRPD", "CED", "CMW")
SPECIAL_PROCEDURES = (
    "Special Rapporteur on the situation of human rights in Cambodia",
    "Special Rapporteur on the right to food",
    "Working Group on Arbitrary Detention",
)
STATES = (
    "Viet Nam",
    "France",
    "Thailand",
    "Brazil",
    "Kenya",
    "Norway",
    "Peru",
    "Japan",
    "Lao People's Democratic Republic",
)
THEMES = ("Right to education", "Freedom of opinion and expression", "Women's rights", "Administration of justice",
          "Right to health", "Indigenous peoples", "Human rights defenders", "Trafficking in persons")  # fmt: skip
WORDS = ("ensure", "strengthen", "adopt", "measures", "national", "law", "protect", "rights", "persons", "access",
         "effective", "continue", "efforts", "implement", "policy", "guarantee", "independent", "investigate",
         "consider", "ratify", "convention", "children", "women", "freedom", "justice", "example", "invented")  # fmt: skip


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


def upr_record(
    state: str,
    paragraph: str,
    position: str,
    recommending: list[str],
    session: int,
    annotation: int,
    text: str = "Example invented recommendation text",
) -> dict:
    """One UPR recommendation in the JSON export's layout (position: "Supported", "Noted"...)."""
    return {
        "AffectedPersons": ["general"],
        "AnnotationId": str(annotation),
        "AnnotationType": "Recommendations",
        "Body": "- UPR",
        "Countries": [state],
        "DocumentId": f"DOC{annotation}",
        "PublicationDate": "2019-07-11T00:00:00",
        "PublicationDateOnUhri": "2019-10-01T00:00:00",
        "Regions": ["Asia-Pacific States"],
        "Sdgs": ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"],
        "Symbol": "A/HRC/41/17",
        "Text": f"{paragraph} {text}",
        "Themes": ["Freedom of opinion and expression"],
        "UprCycle": None,
        "UprPositions": [position],
        "UprRecommendingCountry": recommending,
        "UprRecommendingRegions": [],
        "UprSession": [f"{session} Session"],
    }


def _filler(rng: random.Random, number: int) -> tuple[str, dict]:
    """A record that is not a UPR recommendation of the chosen state, and what kind it is."""
    kind = rng.choices(("treaty", "special", "upr-other"), weights=(60, 15, 25))[0]
    country = "Cambodia" if rng.random() < 0.1 else rng.choice(STATES)
    record = {
        "AffectedPersons": rng.sample(
            ("children", "women & girls", "persons with disabilities", "general"), 2
        ),
        "AnnotationId": str(900000 + number),
        "AnnotationType": rng.choice(("Recommendations", "Concerns/Observations")),
        "Countries": [country],
        "DocumentId": f"DOC{900000 + number}",
        "PublicationDate": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T00:00:00",
        "PublicationDateOnUhri": "2024-01-01T00:00:00",
        "Regions": ["Asia-Pacific States"],
        "Sdgs": [f"{rng.randint(1, 17)} - EXAMPLE GOAL"],
        "Text": f"{rng.randint(5, 90)}. {_text(rng, rng.randint(60, 160))}",
        "Themes": rng.sample(THEMES, 3),
        "UprCycle": None,
        "UprPositions": [],
        "UprRecommendingCountry": [],
        "UprRecommendingRegions": [],
        "UprSession": [],
    }
    if kind == "treaty":
        body = rng.choice(TREATY_BODIES)
        record |= {"Body": f"- {body}", "Symbol": f"{body}/C/KHM/CO/{rng.randint(1, 4)}"}
    elif kind == "special":
        record |= {
            "Body": f"- {rng.choice(SPECIAL_PROCEDURES)}",
            "Symbol": f"A/HRC/{rng.randint(30, 57)}/{rng.randint(10, 80)}",
        }
    else:  # a UPR recommendation to another state under review
        country = rng.choice(STATES)
        record |= {
            "Body": "- UPR",
            "AnnotationType": "Recommendations",
            "Countries": [country],
            "Symbol": f"A/HRC/{rng.randint(30, 57)}/{rng.randint(10, 80)}",
            "Text": f"{rng.randint(100, 160)}.{rng.randint(1, 250)} {_text(rng, rng.randint(20, 60))}",
            "UprPositions": [rng.choice(("Supported", "Noted"))],
            "UprRecommendingCountry": [rng.choice([s for s in STATES if s != country])],
            "UprSession": [f"{rng.randint(1, 48)} Session"],
        }
        kind = "upr-other"
    return kind, record


def write_export(path: Path, records: list[dict], target_bytes: int, seed: int = 15) -> dict[str, int]:
    """Write ``records`` spread among filler records until the file holds about ``target_bytes``.

    Streams to disk (a 400 MB file never sits in memory). Returns counts: "given", and the filler
    kinds "treaty", "special", "upr-other".
    """
    rng = random.Random(seed)
    counts = {"given": 0, "treaty": 0, "special": 0, "upr-other": 0}
    # About 1.1 kB per filler record: place the given ones evenly over the expected count.
    expected = max(target_bytes // 1100, len(records) + 1)
    every = max(expected // (len(records) + 1), 1)
    pending = list(records)
    written, number = 1, 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        while written < target_bytes or pending:
            number += 1
            if pending and (number % every == 0 or written >= target_bytes):
                record = pending.pop(0)
                counts["given"] += 1
            else:
                kind, record = _filler(rng, number)
                counts[kind] += 1
            line = ("\n" if number == 1 else ",\n") + json.dumps(record, ensure_ascii=False)
            out.write(line)
            written += len(line.encode("utf-8"))
        out.write("\n]\n")
    return counts
