"""How a search matches: characters that look alike are folded on both sides, and a name the reader
mistyped gets a "did you mean".

Phones type ’ for ', “ ” for ", – for -; a PDF pasted into a spreadsheet brings decomposed accents
(e + ◌́) and no-break spaces; Khmer text carries zero-width spaces (U+200B) between words that a
reader never types. The same folding runs on the text searched (``fold_sql``, inside DuckDB) and on
each searched word (``fold_sql`` again, on the parameter), so what matches never depends on which of
two look-alike characters either side used:

- lower case, Unicode's NFC form, and the two case pairs ``lower`` leaves apart from Python's
  ``casefold`` (ß → ss, final ς → σ);
- typographic apostrophes and primes → ', quotation marks → ", dashes and the minus sign → -,
  no-break and other fixed-width spaces → a space;
- invisible characters removed: zero-width space, joiners, word joiner, byte-order mark, soft hyphen.

Accents themselves are kept (``é`` is not ``e``): stripping them would also strip Khmer vowel signs.
``fold`` is the same folding in Python (for "did you mean" and for reading the search's phrases).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

MAX_TERMS = 10
# Look-alike → plain, character by character (for SQL's translate and Python's str.translate).
_FOLDS = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060",  # ‘ ’ ‚ ‛ ′ ʼ ´ `
    '"': "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02",  # “ ” „ ‟ « » ″ 〝 〞 ＂
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",  # ‐ ‑ ‒ – — ― − ﹘ ﹣ －
    " ": "\u00a0\u2007\u202f\u3000",  # no-break, figure, narrow no-break, ideographic spaces
}
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen
_FROM = "".join(_FOLDS.values()) + _INVISIBLE
_TO = "".join(plain * len(chars) for plain, chars in _FOLDS.items())
_TABLE = str.maketrans(_FROM[: len(_TO)], _TO, _INVISIBLE)


def fold(text: str) -> str:
    """``text`` as the search compares it (see the module docstring); the Python twin of ``fold_sql``."""
    folded = unicodedata.normalize("NFC", text).lower().replace("ß", "ss").replace("ς", "σ")
    return folded.translate(_TABLE)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def fold_sql(expression: str) -> str:
    """SQL folding ``expression`` as ``fold`` does (a fixed fragment: no value of the reader's in it)."""
    cased = f"replace(replace(nfc_normalize(lower({expression})), 'ß', 'ss'), 'ς', 'σ')"
    return f"translate({cased}, {_sql_text(_FROM)}, {_sql_text(_TO)})"


_PHRASE = re.compile(r'"([^"]*)"|([^\s"]+)')


def terms(q: str) -> list[str]:
    """The words and "quoted phrases" of a search (typographic quotes count as quotes), at most
    ``MAX_TERMS``; an unbalanced quote is read as a space. Each keeps its spelling: folding is SQL's."""
    text = q.translate(str.maketrans(_FOLDS['"'], '"' * len(_FOLDS['"'])))
    if text.count('"') % 2:
        text = text.replace('"', " ")
    found = [(phrase or word).strip() for phrase, word in _PHRASE.findall(text)]
    return [t for t in found if t][:MAX_TERMS]


@dataclass(frozen=True)
class Suggestion:
    """A name the reader probably meant: what they typed, the name (as the data spells it, for the
    filter), how it is shown to them, and what it names ("state" or "theme")."""

    typed: str
    name: str
    shown: str
    kind: str


def suggestions(q: str, names: Mapping[str, Mapping[str, str]], cutoff: float = 0.8) -> list[Suggestion]:
    """For each searched word or phrase that is not part of any name but is close to one (a typo:
    "Frnace", "Camboda", "eductaion"), the closest state or theme.

    ``names``: kind ("state", "theme") → {the data's name: the name the reader sees}; both spellings
    are compared, so a Khmer reader's misspelt Khmer name is found too. Words of four letters or fewer
    are left alone (too many near misses).
    """
    index: dict[str, tuple[str, str, str]] = {}
    for kind, shown_of in names.items():
        for name, shown in shown_of.items():
            for spelling in {name, shown}:
                index.setdefault(fold(spelling), (name, shown, kind))
                for word in fold(spelling).split():
                    if len(word) > 4:
                        index.setdefault(word, (name, shown, kind))
    found: list[Suggestion] = []
    for term in terms(q):
        folded = fold(term)
        if len(folded) <= 4 or any(folded in key for key in index):
            continue
        close = difflib.get_close_matches(folded, list(index), n=1, cutoff=cutoff)
        if close:
            name, shown, kind = index[close[0]]
            if all(s.name != name for s in found):
                found.append(Suggestion(term, name, shown, kind))
    return found


def replaced(q: str, typed: str, name: str) -> str:
    """The search ``q`` with the word ``typed`` replaced by ``name``."""
    return _join(name if t == typed else t for t in terms(q))


def without(q: str, typed: str) -> str:
    """The search ``q`` without the word ``typed`` (when it becomes a filter instead)."""
    return _join(t for t in terms(q) if t != typed)


def _join(parts) -> str:
    return " ".join(f'"{t}"' if " " in t else t for t in parts)
