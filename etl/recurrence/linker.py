"""Link each recommendation to the recommendations of earlier cycles, to the same state, that ask the same.

Blocking: only pairs with the same state under review and an earlier cycle are compared, so the work
grows with the size of one state's reviews, not with the whole dataset. Within a block:

1. a cheap pass with rapidfuzz's ``token_set_ratio`` over the distinct stems of each text (C++,
   ``process.cdist``) keeps the pairs with some wording in common, plus every pair naming a common
   treaty or institution;
2. each kept pair is scored 0–100 from its wording (rapidfuzz), its key words and phrases weighted by
   how rare they are among the state's recommendations (a shared "standing invitation" says more
   than a shared "women"), the treaties and institutions both name (each a term of its own, and 15
   points more when one is shared), and, as small nudges, a shared theme, the same action category
   and a shared recommending state. Those three can never make a link on their own (together they
   add at most 12 points, far below the threshold): two recommendations on women's rights are not
   one ask because they share a theme.

Two texts that each name treaties or institutions, none of them common to both, are never linked:
"Ratify CRPD" and "Ratify ICPPED" read alike but ask for different things. ``DEFAULT_THRESHOLD`` is
the one docs/recurrence.md measured precision at.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from etl.recurrence import instruments, text
from vocab import RECURRENCE_REASONS

DEFAULT_THRESHOLD = 55
# The cheap pass: token_set_ratio (0–100) a pair needs to be scored at all. Chosen well below any
# linked pair's wording seen on the Cambodia cycles (docs/recurrence.md), so it costs no links.
PREFILTER = 50
# Reasons, named by the codes in vocab.RECURRENCE_REASONS; a reason is given when its signal is this strong.
WORDING_REASON = 0.75
WEIGHTS = {"wording": 0.45, "key_words": 0.55}
INSTRUMENT_BONUS = 0.15
# How much of the key-word similarity is the overlap (shared / smaller) rather than Jaccard (shared /
# all): the overlap lets a short later text that repeats part of a long one match, Jaccard keeps a
# short generic text ("Strengthen the law enforcement authorities") from matching every long one.
KEY_OVERLAP = 0.4
NUDGES = {"theme": 0.05, "action": 0.03, "recommender": 0.04}


@dataclass(frozen=True)
class Item:
    """One recommendation as the linker sees it. ``text`` may hold the recommending state in brackets."""

    id: str
    state_under_review: str
    cycle: int
    text: str
    themes: frozenset[str] = frozenset()
    action_category: int | None = None
    recommending_states: frozenset[str] = frozenset()


@dataclass(frozen=True, order=True)
class Link:
    """``later_id`` repeats ``earlier_id`` (an earlier cycle, same state under review): score 0–100."""

    earlier_id: str
    later_id: str
    score: int
    reasons: tuple[str, ...]
    instruments: tuple[str, ...]


@dataclass(frozen=True)
class _Prepared:
    item: Item
    words: text.Words
    instruments: frozenset[str]


def link(items: Iterable[Item], threshold: int = DEFAULT_THRESHOLD) -> list[Link]:
    """Every pair scoring ``threshold`` or more, sorted by (earlier_id, later_id).

    Items without text are skipped (nothing to compare); the result depends only on the items given,
    never on their order. Raises ValueError for a threshold outside 0–100.
    """
    if not 0 <= threshold <= 100:
        raise ValueError(f"threshold {threshold}: expected a whole number from 0 to 100")
    by_state: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.text.strip():
            by_state[item.state_under_review].append(item)
    links: list[Link] = []
    for state, block in sorted(by_state.items()):
        links += _link_block(state, sorted(block, key=lambda i: (i.cycle, i.id)), threshold)
    return sorted(links)


def _link_block(state: str, block: list[Item], threshold: int) -> list[Link]:
    drop = text.name_stems(state)
    prepared = []
    for item in block:
        named, rest = instruments.split(item.text)
        prepared.append(_Prepared(item, text.words(rest, drop, named), named))
    weights = _rarity(prepared)
    by_cycle: dict[int, list[_Prepared]] = defaultdict(list)
    for p in prepared:
        by_cycle[p.item.cycle].append(p)
    cycles = sorted(by_cycle)
    found = []
    for position, later_cycle in enumerate(cycles):
        earlier = [p for c in cycles[:position] for p in by_cycle[c]]
        later = by_cycle[later_cycle]
        if not earlier:
            continue
        wording = process.cdist(
            [p.words.joined() for p in later],
            [p.words.joined() for p in earlier],
            scorer=fuzz.token_set_ratio,
            score_cutoff=PREFILTER,
            dtype="uint8",
            workers=1,
        )
        for row, b in enumerate(later):
            for column, a in enumerate(earlier):
                shared = a.instruments & b.instruments
                if (wording[row, column] == 0 and not shared) or (
                    a.instruments and b.instruments and not shared
                ):
                    continue  # nothing in common; or each names treaties and none is the other's
                scored = score(a, b, weights)
                if scored.score >= threshold:
                    found.append(scored)
    return found


def _rarity(prepared: list[_Prepared]) -> dict:
    """Inverse document frequency of every stem and phrase among one state's recommendations."""
    counts: Counter = Counter()
    for p in prepared:
        counts.update(p.words.vocabulary)
        counts.update(p.words.phrases)
    total = len(prepared)
    return {term: math.log((total + 1) / (n + 0.5)) for term, n in counts.items()}


def _weighted_overlap(a: frozenset, b: frozenset, weights: dict) -> tuple[float, float]:
    """(overlap coefficient, Jaccard) of two term sets, each term counted by its rarity weight."""
    shared = sum(weights[t] for t in a & b)
    if not shared:
        return 0.0, 0.0
    smaller = min(sum(weights[t] for t in a), sum(weights[t] for t in b))
    union = sum(weights[t] for t in a | b)
    return shared / smaller, shared / union


def score(a: _Prepared, b: _Prepared, weights: dict) -> Link:
    """The link from earlier ``a`` to later ``b`` with its score (0–100) and reasons."""
    joined_a, joined_b = a.words.joined(), b.words.joined()
    wording = (fuzz.token_set_ratio(joined_a, joined_b) + fuzz.token_sort_ratio(joined_a, joined_b)) / 200
    terms_a = a.words.vocabulary | a.words.phrases
    terms_b = b.words.vocabulary | b.words.phrases
    overlap, jaccard = _weighted_overlap(terms_a, terms_b, weights)
    key_words = KEY_OVERLAP * overlap + (1 - KEY_OVERLAP) * jaccard
    value = WEIGHTS["wording"] * wording + WEIGHTS["key_words"] * key_words
    shared_instruments = a.instruments & b.instruments
    if shared_instruments:
        value += INSTRUMENT_BONUS
    reasons = {
        "wording": wording >= WORDING_REASON,
        "phrases": bool(a.words.phrases & b.words.phrases),
        "instrument": bool(shared_instruments),
        "theme": bool(a.item.themes & b.item.themes),
        "action": a.item.action_category is not None and a.item.action_category == b.item.action_category,
        "recommender": bool(a.item.recommending_states & b.item.recommending_states),
    }
    value += sum(NUDGES[name] for name in NUDGES if reasons[name])
    return Link(
        earlier_id=a.item.id,
        later_id=b.item.id,
        score=max(0, min(100, round(100 * value))),
        reasons=tuple(r for r in RECURRENCE_REASONS if reasons[r]),
        instruments=tuple(sorted(shared_instruments)),
    )
