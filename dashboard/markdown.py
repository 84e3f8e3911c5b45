"""Escape data before it goes into a Streamlit element that renders Markdown (captions, notices).

Recommendation texts, state names, sources and link values come from files and URLs: they must show
as the characters they are, never as a link, emphasis or heading. Backslash-escaping every Markdown
punctuation character renders the same text with none of its effects (HTML is never enabled).
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def escape(text: object) -> str:
    """``text`` as Markdown that displays exactly those characters."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
