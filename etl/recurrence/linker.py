"""Link each recommendation to the recommendations of earlier cycles, to the same state, that ask the same.

Blocking: only pairs with the same state under review and an earlier cycle are compared, so the work
grows with the size of one state's reviews, not with the whole dataset. A pair's score (0–100) is

    45 × wording + 55 × key words + 15 if a treaty or institution is named by both
    + 5 for a shared theme + 3 for the same action category + 4 for a shared recommending state

- *wording*: rapidfuzz's ``token_set_ratio`` and ``token_sort_ratio`` (mean, 0–1) over the distinct
  stems of the two texts (``text.words``);
- *key words*: the stems, key phrases and instrument codes both texts hold, each weighted by how rare
  it is among the state's recommendations (a shared "standing invitation" says more than a shared
  "women"): 0.4 × overlap (shared / smaller) + 0.6 × Jaccard (shared / all);
- the last three are nudges: together 12 points, far below the threshold, so two recommendations on
  women's rights are never one ask because they share a theme.

Two texts that each name treaties or institutions, none of them common to both, are never linked:
"Ratify CRPD" and "Ratify ICPPED" read alike but ask for different things.

Speed: the key words, instruments and nudges of every pair in a block are matrix products (numpy);
rapidfuzz then runs only on the pairs whose score could reach the threshold, taking the share of
stems both hold as a stand-in for the wording (``MARGIN`` points of slack). ``prune=False`` scores
every pair; the tests hold the two to the same links on the real Cambodia texts.
``DEFAULT_THRESHOLD`` is the one docs/recurrence.md measured precision at.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from etl.recurrence import instruments, text
from vocab import RECURRENCE_REASONS

DEFAULT_THRESHOLD = 55
# A reason is given when its signal is this strong (wording) or present (the others).
WORDING_REASON = 0.75
WEIGHTS = {"wording": 0.45, "key_words": 0.55}
INSTRUMENT_BONUS = 0.15
# How much of the key-word similarity is the overlap (shared / smaller) rather than Jaccard (shared /
# all): the overlap lets a short later text that repeats part of a long one match, Jaccard keeps a
# short generic text ("Strengthen the law enforcement authorities") from matching every long one.
KEY_OVERLAP = 0.4
NUDGES = {"theme": 0.05, "action": 0.03, "recommender": 0.04}
# Points of slack for the stand-in wording when choosing which pairs rapidfuzz scores.
MARGIN = 15


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
    joined: str  # the distinct stems, sorted: what rapidfuzz compares

    @property
    def terms(self) -> frozenset:
        return self.words.vocabulary | self.words.phrases


def link(items: Iterable[Item], threshold: int = DEFAULT_THRESHOLD, prune: bool = True) -> list[Link]:
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
        links += _link_state(state, sorted(block, key=lambda i: (i.cycle, i.id)), threshold, prune)
    return sorted(links)


def _prepare(item: Item, drop: frozenset[str]) -> _Prepared:
    named, rest = instruments.split(item.text)
    words = text.words(rest, drop, named)
    return _Prepared(item, words, named, words.joined())


def _link_state(state: str, block: list[Item], threshold: int, prune: bool) -> list[Link]:
    drop = text.name_stems(state)
    prepared = [_prepare(item, drop) for item in block]
    rarity = _rarity(prepared)
    by_cycle: dict[int, list[_Prepared]] = defaultdict(list)
    for p in prepared:
        by_cycle[p.item.cycle].append(p)
    cycles = sorted(by_cycle)
    found = []
    for position, later_cycle in enumerate(cycles[1:], start=1):
        earlier = [p for c in cycles[:position] for p in by_cycle[c]]
        found += _link_cycle(earlier, by_cycle[later_cycle], rarity, threshold, prune)
    return found


def _rarity(prepared: list[_Prepared]) -> dict:
    """Inverse document frequency of every term among one state's recommendations."""
    counts: Counter = Counter()
    for p in prepared:
        counts.update(p.terms)
    total = len(prepared)
    return {term: math.log((total + 1) / (n + 0.5)) for term, n in counts.items()}


def _indicator(rows: list[frozenset], columns: dict, weights: dict | None = None) -> np.ndarray:
    """A (len(rows) × len(columns)) matrix: 1 (or the term's weight) where a row holds a column's term."""
    matrix = np.zeros((len(rows), len(columns)), dtype=np.float64)
    for r, terms in enumerate(rows):
        for term in terms:
            c = columns.get(term)
            if c is not None:
                matrix[r, c] = weights[term] if weights else 1.0
    return matrix


def _shared(later: list[frozenset], earlier: list[frozenset], weights: dict | None = None) -> np.ndarray:
    """For every (later, earlier) pair, the number (or total weight) of the terms both hold."""
    both = {t for terms in later for t in terms} & {t for terms in earlier for t in terms}
    columns = {term: c for c, term in enumerate(sorted(both, key=repr))}
    return _indicator(later, columns) @ _indicator(earlier, columns, weights).T


def _link_cycle(earlier: list[_Prepared], later: list[_Prepared], rarity, threshold, prune) -> list[Link]:
    """The links from one cycle's recommendations to those of the cycles before it (one state)."""
    terms_l, terms_e = [p.terms for p in later], [p.terms for p in earlier]
    shared = _shared(terms_l, terms_e, rarity)
    total_l = np.array([sum(rarity[t] for t in terms) for terms in terms_l])[:, None]
    total_e = np.array([sum(rarity[t] for t in terms) for terms in terms_e])[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = np.nan_to_num(shared / np.minimum(total_l, total_e))
        jaccard = np.nan_to_num(shared / (total_l + total_e - shared))
    key_words = KEY_OVERLAP * overlap + (1 - KEY_OVERLAP) * jaccard

    named_l, named_e = [p.instruments for p in later], [p.instruments for p in earlier]
    instrument = _shared(named_l, named_e) > 0
    names_both = np.array([bool(n) for n in named_l])[:, None] & np.array([bool(n) for n in named_e])[None, :]
    vetoed = names_both & ~instrument

    nudges = NUDGES["theme"] * (_shared([p.item.themes for p in later], [p.item.themes for p in earlier]) > 0)
    nudges += NUDGES["recommender"] * (
        _shared([p.item.recommending_states for p in later], [p.item.recommending_states for p in earlier])
        > 0
    )
    action_l = np.array([p.item.action_category or -1 for p in later])[:, None]
    action_e = np.array([p.item.action_category or -2 for p in earlier])[None, :]
    nudges += NUDGES["action"] * (action_l == action_e)
    rest = WEIGHTS["key_words"] * key_words + INSTRUMENT_BONUS * instrument + nudges

    if prune:
        stems_l, stems_e = [p.words.vocabulary for p in later], [p.words.vocabulary for p in earlier]
        size_l = np.array([len(s) for s in stems_l])[:, None]
        size_e = np.array([len(s) for s in stems_e])[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            stand_in = np.nan_to_num(_shared(stems_l, stems_e) / np.minimum(size_l, size_e))
        hopeful = 100 * (WEIGHTS["wording"] * stand_in + rest) >= threshold - MARGIN
    else:
        hopeful = np.ones(rest.shape, dtype=bool)
    found = []
    for row, column in zip(*np.nonzero(hopeful & ~vetoed), strict=True):
        b, a = later[row], earlier[column]
        wording = (fuzz.token_set_ratio(a.joined, b.joined) + fuzz.token_sort_ratio(a.joined, b.joined)) / 200
        score = max(0, min(100, round(100 * (WEIGHTS["wording"] * wording + rest[row, column]))))
        if score >= threshold:
            found.append(_link(a, b, score, wording))
    return found


def _link(a: _Prepared, b: _Prepared, score: int, wording: float) -> Link:
    """The link from earlier ``a`` to later ``b``, with the reasons a reader is shown."""
    shared_instruments = a.instruments & b.instruments
    reasons = {
        "wording": wording >= WORDING_REASON,
        "phrases": bool(a.words.phrases & b.words.phrases),
        "instrument": bool(shared_instruments),
        "theme": bool(a.item.themes & b.item.themes),
        "action": a.item.action_category is not None and a.item.action_category == b.item.action_category,
        "recommender": bool(a.item.recommending_states & b.item.recommending_states),
    }
    return Link(
        earlier_id=a.item.id,
        later_id=b.item.id,
        score=score,
        reasons=tuple(r for r in RECURRENCE_REASONS if reasons[r]),
        instruments=tuple(sorted(shared_instruments)),
    )
