"""Escape data before it goes into a Streamlit element that renders Markdown (captions, notices).

Recommendation texts, state names, sources and link values come from files and URLs: they must show
as the characters they are, never as a link, emphasis or heading. Backslash-escaping every Markdown
punctuation character renders the same text with none of its effects (HTML is never enabled).

Escapes do not stop one thing: Streamlit's Markdown turns a bare address into a live link (GFM's
"autolink literals": ``http://…``, ``www.…``, ``name@host.org``), escaped or not (measured in
Chromium: ``/?state=see http://e.org/x`` put a clickable link in the app's own notice). A WORD
JOINER (U+2060, invisible, zero width) on both sides of where those start (every ``:`` and ``@``,
and the dot of ``www.``) breaks each pattern while the text reads the same; ordinary sentences,
which a reader may copy, keep their dots as they are. tests/browser/test_notices.py checks it in
the browser.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
WORD_JOINER = "\u2060"
_AUTOLINK_PARTS = re.compile(r"([:@]|(?<=www)\.)", re.IGNORECASE)


def escape(text: object) -> str:
    """``text`` as Markdown that displays exactly those characters (lines joined by a space), with no
    effect: no emphasis, heading or link, and no bare address turned into a link."""
    unlinked = _AUTOLINK_PARTS.sub(WORD_JOINER + r"\1" + WORD_JOINER, str(text))
    return _SPECIAL.sub(r"\\\1", unlinked).replace("\n", " ")
