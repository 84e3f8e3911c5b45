"""Say what makes two strings that look the same different, and how spreadsheets mangle identifiers.

Names, vocabularies and references are compared after Unicode NFC normalisation (an accent typed as one
character or as a letter plus a combining mark is the same letter), so "Côte d'Ivoire" copied from a
PDF matches states.csv. What NFC does not join — a no-break space, a zero-width space, a Cyrillic "а"
for a Latin "a", a curly apostrophe — is still a different name; then "did you mean" names the
characters by code point, because the two strings look identical on screen.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# An ordinary typo involves only these: printable ASCII that is not a space.
_PLAIN = re.compile(r"[!-~]*")


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def visible_difference(value: str, meant: str) -> str | None:
    """How ``value`` differs from ``meant`` in words, when the difference cannot be seen; else None.

    E.g. "this value has U+00A0 NO-BREAK SPACE where the name has U+0020 SPACE". Every differing place
    is named (up to three) as soon as one involves a character outside printable ASCII or a space; None
    for an ordinary typo (Chda for Chad), where the two strings side by side already show it.
    """
    a, b = nfc(value), nfc(meant)
    if a == b:
        return None
    places = [
        (a[i1:i2], b[j1:j2])
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op != "equal"
    ]
    if all(_PLAIN.fullmatch(ours) and _PLAIN.fullmatch(theirs) for ours, theirs in places):
        return None
    shown = "; ".join(_describe(ours, theirs) for ours, theirs in places[:3])
    return f"they look alike but differ: {shown}" + ("; ..." if len(places) > 3 else "")


def _describe(ours: str, theirs: str) -> str:
    if not ours:
        return f"this value lacks {_code_points(theirs)}"
    if not theirs:
        return f"this value has {_code_points(ours)} more"
    return f"this value has {_code_points(ours)} where the name has {_code_points(theirs)}"


# Control characters have no Unicode name; these are the ones a spreadsheet cell can hold.
_CONTROL_NAMES = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x00": "NULL"}


def _code_points(text: str) -> str:
    return ", ".join(
        f"U+{ord(c):04X} {unicodedata.name(c, '') or _CONTROL_NAMES.get(c, 'CONTROL CHARACTER')}"
        for c in text
    )


def encoded_differently(value: str, other: str) -> bool:
    """True when the two strings are the same letters written with different Unicode sequences."""
    return value != other and nfc(value) == nfc(other)


def as_number(value: str) -> float | None:
    """The number a spreadsheet would read in ``value`` (82.10 and 82.1 are both 82.1), else None."""
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


SCIENTIFIC = re.compile(r"\s*[0-9](?:\.[0-9]+)?[eE][+-]?[0-9]+\s*")


def number_mangled(value: str, meant: str) -> str | None:
    """The spreadsheet habit that turns ``meant`` into ``value`` when both read as one number, or None.

    Identifiers that look like numbers (paragraph 82.10, code 007) are read as numbers by a spreadsheet
    and written back as it shows them: a trailing zero after the decimal point or leading zeros go.
    """
    if value == meant or as_number(value) is None or as_number(value) != as_number(meant):
        return None
    if (
        "." in meant
        and meant.rstrip("0").rstrip(".") == value.rstrip("0").rstrip(".")
        and len(value) < len(meant)
    ):
        return f"a spreadsheet dropped a trailing zero ({meant} became {value})"
    if meant.lstrip("0") == value.lstrip("0") and len(value) < len(meant):
        return f"a spreadsheet dropped leading zeros ({meant} became {value})"
    return f"a spreadsheet rewrote the number ({meant} became {value})"


SPREADSHEET_FIX = "format the column as Text before saving, or re-save from the original file"
