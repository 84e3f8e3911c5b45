"""A value a link or the data brings shows in a notice as the characters it is, never as a link.

Backslash escapes keep Markdown's emphasis and links inert, but Streamlit's Markdown still turns a
bare address into a live link (GFM autolink literals): a crafted link could put a clickable address
to any site inside the app's own notice. Checked in the browser, where the Markdown is rendered.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

ALERT = "[data-testid=stAlert]"
VALUES = [
    ("/", "state", "see http://e.org/x now"),
    ("/", "state", "HTTPS://EVIL.EXAMPLE/path?x=1"),
    ("/", "state", "www.evil.example"),
    ("/", "state", "Visit WWW.EVIL.EXAMPLE today"),
    ("/", "state", "write to a@evil.example"),
    ("/", "state", "mailto:a@evil.example xmpp:a@evil.example"),
    ("/acceptance", "by", "[x](http://e.org)**b**"),
    ("/ministries", "role", "<https://evil.example>"),
    ("/noted", "theme", "ftp://evil.example/file"),
]


@pytest.mark.parametrize("page, key, value", VALUES)
def test_an_address_in_a_dropped_value_is_shown_not_linked(reader, page, key, value):
    reader.open(f"{page}?{key}={quote(value)}")
    notice = reader.page.locator(ALERT).filter(has_text="not recognised")
    notice.first.wait_for()
    assert notice.locator("a").count() == 0, notice.locator("a").evaluate_all("els => els.map(e => e.href)")
    shown = notice.first.inner_text().replace("\u2060", "")  # the invisible joiners that break the links
    assert f"{key}={value}" in shown  # every character as given
