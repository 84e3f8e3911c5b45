"""How the importers tidy a source's names, vocabulary words and positions before comparing or keeping them.

Unicode NFC first: text copied from a PDF often writes an accent as a letter plus a combining mark
("Co\u0302te"), which looks the same as the composed letter ("Côte") but compares different. Every
name, theme, group of persons and position an importer reads goes through :func:`tidy`, so two
spellings that look identical are one. Recommendation texts are not tidied: they are kept exactly as
the source gives them.
"""

from __future__ import annotations

import re
import unicodedata


def tidy(words: str) -> str:
    """``words`` in Unicode NFC with runs of white space made one space and the ends trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", words)).strip()
