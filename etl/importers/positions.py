"""One reading of a state's position for every importer: the source's words to a response of
``vocab.RESPONSES``, negation read before keywords.

Sources word positions freely: "Supported", "Accepted", "Noted", "Rejected" (UPR Info 2015), "Not
supported", "Noted (not accepted)", "Supported/Noted", and the Working Group report's lead-ins
(../shared/upr-data/FORMATS.md): "... enjoy the support of Cambodia" (supported), "... have been
noted by ..." and "... did not enjoy the support of ..." (noted), "... will be examined by ..."
(pending until the addendum answers).

How a position is read (:func:`classify`):
1. The words are compared after Unicode NFC normalisation, case folding and tidying of apostrophes
   ("doesn’t" is "does not"), and cut into clauses at punctuation and brackets.
2. In each clause, a keyword is *negated* when a negation comes before it in that clause ("not",
   "no", "never", "neither", "nor", "cannot", "without", "unable", "n't", "reject", "decline",
   "refuse") or is part of it ("unsupported", "non-accepted").
3. Evidence: a support word ("support", "accept") said plainly is *supported*; a note word
   ("noted", "rejected", "declined", "refused") or a negated support word is *noted*; "will be
   examined", "under consideration", "pending" and the like are *pending*; "in part", "partially",
   "partly" mark a partial answer when they stand in the answer's clause ("Accepted (partially
   implemented)" is a whole answer). A negated note or pending word cannot be read with confidence.
4. **Never supported unless the words say so without any negation anywhere**: a position with a
   support word and a negation anywhere ("Supported, not noted", "Supported / Not supported") is
   ``unclassified``, not supported.
5. Supported and noted together are *supported in part* only when the words say "in part"/
   "partially", or are nothing but the two keywords ("Supported/Noted", "Accepted and noted": how
   the OHCHR matrices mark a recommendation a state answered both ways, FORMATS.md "Supported / Noted
   (rarely both)"). Anything else mixed, and anything with no keyword at all, is ``unclassified``.

Supported in part counts as ``supported`` (decided here, documented in data/README.md and
docs/importing.md): the state committed to act on the recommendation, so it belongs with the ones a
government assigns to ministries and monitors follow up; counting it as noted would drop that
commitment from the follow-up. The source's words stay in ``response_label`` and every importer lists
such rows by line, so a reader can always tell them from plain "Supported".

``unclassified`` is stored as the response when the words cannot be read with confidence: the row is
imported (the received count stays right), no answer is counted for it, and the importer lists it by
line. It is not ``pending``: "awaiting the government's answer" would be a claim the words do not make.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from etl.importers.text import tidy

# The four responses of vocab.RESPONSES this module gives (tests/test_import_positions.py holds them there).
SUPPORTED, NOTED, PENDING, UNCLASSIFIED = "supported", "noted", "pending", "unclassified"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})
# Clause boundaries: a negation in one clause never reaches a keyword in the next ("Noted (not accepted)").
_CLAUSES = re.compile(r"[,;:/()\[\]{}.!?|+&]|\s[-\u2013\u2014]\s|\band\b|\bbut\b")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
_NEGATIONS = frozenset({"not", "no", "non", "never", "neither", "nor", "none", "cannot", "without", "unable"})
# Words that answer "no" themselves: evidence of noted, and a negation of any support word after them.
_REFUSALS = re.compile(r"(reject|declin|refus)\w*")
_SUPPORT = re.compile(r"(un|non-?)?(support|accept)\w*")
_NOTE = frozenset({"note", "noted", "notes", "noting", "notée", "notee"})
_PARTIAL = re.compile(r"\b(in part|partially|partly|partial)\b")
_PENDING = re.compile(
    r"\bpending\b|\bawaiting\b|\bdeferred\b"
    r"|\b(will|would|shall|to) (be )?(further )?(examined|considered|examine|consider)\b"
    r"|\bunder (further )?(consideration|examination)\b|\bbeing (examined|considered)\b"
    r"|\b(will|shall) (provide|give) (its |their |a )?(responses?|answers?|repl(y|ies))\b"
)
# "not fully supported", "not entirely accepted": part of an answer, neither supported nor noted.
_QUALIFIERS = frozenset({"fully", "entirely", "completely", "wholly", "totally"})
# The words that may stand beside the two keywords of a bare "Supported/Noted".
_FILLER = frozenset({"and", "or", "the", "position", "positions"})


@dataclass(frozen=True)
class Position:
    """A position as read: the response, the source's words, and why it was read so.

    ``response`` is one of ``vocab.RESPONSES``; ``label`` the source's words (NFC, spaces tidied),
    for ``response_label``; ``partial`` is true for "supported in part"; ``why`` says, for an
    unclassified position, what kept it from being read.
    """

    response: str
    label: str
    partial: bool = False
    why: str = ""


def _normalised(words: str) -> str:
    text = tidy(words).translate(_APOSTROPHES).casefold()
    text = re.sub(r"n't\b", " not", text.replace("cannot", "can not"))
    return re.sub(r"^\s*-\s+", "", text)  # UHRI's "- Supported"


@dataclass
class _Evidence:
    supported: int = 0
    noted: int = 0
    pending: int = 0
    unsure: list[str] = field(default_factory=list)
    negation: bool = False
    partial: bool = False
    other_words: int = 0  # words that are neither keywords nor filler (for the bare "Supported/Noted")


def _read_clause(clause: str, found: _Evidence) -> None:
    negated_from = None  # where the clause's first negation starts: every keyword after it is negated
    previous = ""
    answers = found.supported + found.noted
    for match in _TOKEN.finditer(clause):
        token = match.group()
        support = _SUPPORT.fullmatch(token)
        if _REFUSALS.fullmatch(token) and negated_from is not None:
            found.negation = True
            found.unsure.append(f"{token!r} negated")  # "not rejected" says no answer
        elif token in _NEGATIONS or _REFUSALS.fullmatch(token):
            found.negation = True
            negated_from = match.start() if negated_from is None else negated_from
            found.noted += token not in _NEGATIONS  # "rejected" answers by itself
        elif token in _QUALIFIERS and previous in _NEGATIONS:
            found.unsure.append(f"'{previous} {token}'")  # "not fully supported" is neither answer
        elif support:
            if support.group(1) or negated_from is not None:  # "unsupported", "not accepted"
                found.negation = True
                found.noted += 1
            else:
                found.supported += 1
        elif token in _NOTE:
            if negated_from is not None:
                found.unsure.append(f"{token!r} negated")
            else:
                found.noted += 1
        elif token not in _FILLER:
            found.other_words += 1
        previous = token
    # "in part" qualifies an answer in its own clause only: "Accepted (partially implemented)" is whole.
    found.partial |= bool(_PARTIAL.search(clause)) and found.supported + found.noted > answers
    for pending in _PENDING.finditer(clause):
        if negated_from is not None and negated_from < pending.start():
            found.unsure.append(f"{pending.group()!r} negated")
        else:
            found.pending += 1


@lru_cache(maxsize=4096)  # an export of 31,000 rows has a handful of distinct positions
def classify(words: str) -> Position:
    """Read a position; see the module docstring for the rules. Never raises."""
    label = tidy(words)
    text = _normalised(words)
    found = _Evidence()
    for clause in _CLAUSES.split(text):
        _read_clause(clause, found)

    def unclassified(why: str) -> Position:
        return Position(UNCLASSIFIED, label, why=why)

    if not text:
        return unclassified("no position given")
    if found.unsure:
        return unclassified(", ".join(found.unsure))
    if found.pending:
        if found.supported or found.noted:
            return unclassified("both an answer and 'to be examined'")
        return Position(PENDING, label)
    if found.supported:
        if found.negation:
            return unclassified("a support word with a negation")
        if not found.noted:
            return Position(SUPPORTED, label, partial=found.partial)
        if found.partial or found.other_words == 0:
            return Position(SUPPORTED, label, partial=True)
        return unclassified("both supported and noted")
    if found.noted:
        if found.partial:
            return unclassified("noted in part (which part is supported is not said)")
        return Position(NOTED, label)
    return unclassified("no word for supported, noted or pending")
