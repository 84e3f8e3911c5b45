"""Recommendation texts for the generated global set: as long and as varied as real ones, some repeated.

Linking is only measured honestly on texts that look like the real ones: 15–35 words, an opening
("Continue its efforts to", "Take the necessary measures to"), an ask (a verb and its object, on the
recommendation's first theme), often a treaty or institution, and a qualifier. About a fifth of the
recommendations of cycles 2–4 repeat an ask made to the same state in an earlier cycle in other words,
as real reviews do, so the linker has real work: finding those among every earlier pair.

Everything is drawn from its own random generator, so the other columns of the generated files stay
byte-identical to what they were before texts were added.
"""

from __future__ import annotations

import random

OPENINGS = (
    "",
    "Continue its efforts to",
    "Take the necessary measures to",
    "Consider taking steps to",
    "Redouble its efforts to",
    "Intensify efforts to",
    "Step up measures to",
    "Further strengthen its commitment to",
    "Take all appropriate legislative and administrative measures to",
    "In line with its commitments under the previous review,",
)
# An ask is a verb and an object on the recommendation's first theme (8 × 12), or a treaty to ratify
# or an institution to work with, plus a detail below: thousands of distinct asks per theme.
VERBS = ("adopt", "implement", "review", "strengthen", "fund", "evaluate", "publish", "expand")
OBJECTS = (
    "legislation on {topic}",
    "the national action plan on {topic}",
    "an independent monitoring mechanism for {topic}",
    "the training of officials on {topic}",
    "the collection of disaggregated data on {topic}",
    "remedies for victims of violations concerning {topic}",
    "public awareness campaigns on {topic}",
    "consultations with civil society on {topic}",
    "the budget allocated to {topic}",
    "access to justice in matters of {topic}",
    "the investigation of complaints on {topic}",
    "the policy framework on {topic}",
)
INSTRUMENTS = (
    "Optional Protocol to the Convention against Torture",
    "Convention on the Rights of Persons with Disabilities",
    "Second Optional Protocol to the International Covenant on Civil and Political Rights",
    "International Convention for the Protection of All Persons from Enforced Disappearance",
    "Rome Statute of the International Criminal Court",
    "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
    "International Convention on the Protection of the Rights of All Migrant Workers and Members of "
    "Their Families",
    "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women",
    "1951 Convention relating to the Status of Refugees",
    "ILO Convention No. 189 on domestic workers",
)
INSTITUTIONS = (
    "national human rights institution, in line with the Paris Principles,",
    "Office of the High Commissioner for Human Rights",
    "special procedures of the Human Rights Council",
    "treaty bodies",
    "United Nations country team",
)
# What exactly an ask is about: with the template and the theme, about 30,000 distinct asks, so two
# recommendations ask the same mostly because one repeats the other, as in real reviews.
DETAILS = (
    "concerning land concessions", "for domestic workers", "in the justice sector", "in places of detention",
    "in the garment industry", "for ethnic minorities", "in rural health centres", "in primary schools",
    "for persons living with HIV", "for internally displaced persons", "in the context of elections",
    "for journalists and bloggers", "for trade unionists", "in the fisheries sector", "online",
    "for children in street situations", "in prisons", "in the police and the army", "for older persons",
    "for indigenous communities", "in urban resettlement sites", "for refugees and asylum-seekers",
    "in the extractive industries", "for victims of trafficking", "for women in politics",
    "in border provinces", "for persons deprived of liberty", "for migrant workers abroad",
    "in the management of natural resources", "for lesbian, gay, bisexual and transgender persons",
    "in the media", "for human rights defenders", "for stateless persons", "in the informal economy",
    "for survivors of sexual violence", "for young people", "in the education budget",
    "in customary courts", "for persons with albinism", "in military courts",
)  # fmt: skip
QUALIFIERS = (
    "",
    "in particular in rural areas",
    "with the participation of civil society",
    "in accordance with international human rights standards",
    "and report on progress at the next review",
    "with a view to eliminating discrimination in law and in practice",
    "including through international cooperation and technical assistance",
    "paying special attention to the most vulnerable groups",
    "without delay",
    "as recommended by the treaty bodies",
)


# The share of a later cycle's recommendations that repeat an earlier ask: with the chance likenesses
# of generated asks, about a quarter of cycle 2–4 recommendations are then linked, as in the real
# UPR Info export (24 % of its cycle-2 recommendations, 0.6 links each).
REPEATED = 0.12


def compose(
    rng: random.Random, verb: str, topic: str, persons: list[str], state: str, earlier: list[str]
) -> tuple[str, str]:
    """(the text, its ask) for one recommendation to a state by ``state`` on ``topic``.

    ``verb`` is the generator's own first word, kept as the opening when nothing else is chosen;
    ``earlier`` holds the asks already made to this state in earlier cycles: one in three is repeated.
    """
    if earlier and rng.random() < REPEATED:
        ask = rng.choice(earlier)
    else:
        kind = rng.random()
        if kind < 0.06:
            ask = f"ratify the {rng.choice(INSTRUMENTS)}"
        elif kind < 0.12:
            ask = f"cooperate with the {rng.choice(INSTITUTIONS)} on {topic.lower()}"
        else:
            ask = f"{rng.choice(VERBS)} {rng.choice(OBJECTS).format(topic=topic.lower())}"
        ask += " " + rng.choice(DETAILS)
    opening = rng.choice(OPENINGS) or f"{verb} {topic.lower()} and"
    qualifier = rng.choice(QUALIFIERS)
    for_whom = f", in particular for {persons[0]}" if persons else ""
    text = " ".join(part for part in (opening, ask + for_whom, qualifier) if part)
    return f"{text[0].upper()}{text[1:]} ({state}).", ask
