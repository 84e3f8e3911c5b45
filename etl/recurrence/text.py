"""A recommendation's text as the linker compares it: content words, cut to a common stem, and key phrases.

Recommendations share a boilerplate ("Continue its efforts to ...", "Take the necessary measures to
ensure ...") that says nothing about what is asked, and name their recommending state in brackets; both
are dropped. Words are cut to their first five letters, a stemmer that is crude but merges what matters
here ("ratify", "ratifying", "ratification"; "eviction", "evictions"; "independent", "independence")
and that needs no word list; truncation is known to compare well with rule-based stemmers for
retrieval in English. Key phrases are pairs of neighbouring content words within one clause
("forced evictions", "standing invitation", "child labour").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

STEM_LETTERS = 5

# English function words and the UPR boilerplate that carries no subject. The action itself is not
# here ("ratify", "establish", "repeal", "investigate" are what a recommendation asks for), except the
# verbs of McMahon's categories 1–4, which the action category compares on its own.
STOPWORDS = frozenset(
    """
    a about above according accordance across after again against all along also an and any appropriate
    are as at be been being both but by can could do does done due during each either especially etc
    every for from further furthermore had has have having here how however if in inter into is it its
    itself keep line may more most much must namely need needed new not of on once only or other others
    our out over own particular particularly per possible relevant same shall should so some such than
    that the their them themselves then there these they this those through thus to towards under until
    upon very via view was well were what when where whether which while who whom whose will with within
    without would yet

    continue continued continuing efforts effort endeavour endeavours take taking taken measure measures
    necessary step steps ensure ensuring strengthen strengthening further intensify intensifying redouble
    increase increasing enhance enhancing pursue pursuing consider considering considered possibility
    possibilities explore exploring make making made give giving undertake undertaking work working
    seek seeking share sharing maintain keep effective effectively full fully including include includes
    inter alia alia order country government national state states human rights right regard regarding
    relation related field area areas level levels framework
    """.split()
)
_BRACKETS = re.compile(r"\([^()]*\)")
_CLAUSES = re.compile(r"[;:,.!?\u2013\u2014]|\s-\s")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Words:
    """What the linker compares of one text: stems in order, their set, and neighbouring pairs."""

    stems: tuple[str, ...]
    phrases: frozenset[tuple[str, str]]

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.stems)

    def joined(self) -> str:
        """The distinct stems sorted and joined by spaces: the string rapidfuzz compares."""
        return " ".join(sorted(self.vocabulary))


def stem(word: str) -> str:
    return word[:STEM_LETTERS]


def words(text: str, also_drop: frozenset[str] = frozenset(), named: frozenset[str] = frozenset()) -> Words:
    """The content stems and key phrases of ``text``.

    ``also_drop`` adds stems to leave out (e.g. of the state under review's own name, which nearly
    every recommendation to it repeats); ``named`` adds the codes of the instruments the text names
    (``instruments.split``) as terms of their own, "@OPCAT", which no word can be.
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    plain = _BRACKETS.sub(" , ", plain)
    stems: list[str] = []
    phrases: set[tuple[str, str]] = set()
    for clause in _CLAUSES.split(plain):
        previous = None
        for word in _WORD.findall(clause):
            if word in STOPWORDS or len(word) < 3:
                continue
            current = stem(word)
            if current in also_drop:
                continue
            stems.append(current)
            if previous is not None and previous != current:
                phrases.add(
                    tuple(sorted((previous, current)))
                )  # "birth registration", "registration at birth"
            previous = current
    stems += [f"@{code}" for code in sorted(named)]
    return Words(tuple(stems), frozenset(phrases))


def name_stems(name: str) -> frozenset[str]:
    """The stems of a state's name ("Cambodia" -> {"cambo"}), to drop from texts addressed to it."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return frozenset(stem(w) for w in _WORD.findall(plain) if len(w) >= 3 and w not in STOPWORDS)
