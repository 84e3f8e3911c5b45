"""Where a reader can read an official UN document: the UN's resolver for document symbols.

``https://undocs.org/<symbol>`` (e.g. https://undocs.org/A/HRC/26/16) redirects to the document in
the UN's Official Document System, in the reader's browser language where one exists. It is the
address the UN gives for citing a symbol, so it outlives the ODS's own changing URLs.
"""

from __future__ import annotations

from urllib.parse import quote

RESOLVER = "https://undocs.org/"


def document_url(symbol: object) -> str | None:
    """The address of the document ``symbol`` (e.g. "A/HRC/26/16"), or None when there is none."""
    if not isinstance(symbol, str) or not symbol.strip():
        return None
    return RESOLVER + quote(symbol.strip(), safe="/")
