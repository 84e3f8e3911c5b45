"""The link-preview picture of a view: a 1200 × 630 PNG of its finding, headline number and main chart,
drawn on the server without a browser (SVG from the ``preview.svg`` template, rasterised by resvg).

Text is shaped by resvg (rustybuzz) with the Khmer OS font (Debian's fonts-khmeros), which covers Khmer
and Latin in one face, so mixed Khmer and English strings draw correctly (docs: TOOLCHAIN.md). resvg
shapes a whole line in the script of its first letter, so a Khmer line that starts with Latin ("UPR
Monitor · ទិន្នន័យរៀបចំ…") lost its Khmer reordering: split vowels drew beside dotted circles and
stacked consonants came apart. ``khmer_first`` starts such a line with KHMER VOWEL INHERENT AQ
(U+17B4, invisible) so the shaper reads the line as Khmer; Latin letters draw the same either way. A view
that includes illustrative rows says so on the picture itself. The routes keep each picture in memory
by ETag (web/share/cache.py), so a repeat is served from there.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import resvg_py

from dashboard import notices
from dashboard.data import overview
from dashboard.i18n import _
from dashboard.view import Parsed
from web.share import content
from web.share.render import render
from web.share.svg import Layout, chart_svg, geometry, text_width

WIDTH, HEIGHT = 1200, 630
FONT_FAMILY = "Khmer OS"
FONT_FILES = (
    Path("/usr/share/fonts/truetype/khmeros/KhmerOS.ttf"),  # Debian/Ubuntu: apt-get install fonts-khmeros
    Path("/usr/share/fonts/truetype/khmeros/KhmerOSsys.ttf"),
)
CHART_LAYOUT = Layout(width=620, font=20, bar=22, gap=4, row_gap=8, bars_share=0.55, family=FONT_FAMILY)
CHART_ROWS = 5
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
KHMER_SCRIPT_HINT = "\u17b4"
ET.register_namespace("", SVG_NAMESPACE)


def _is_khmer(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff"


def khmer_first(text: str) -> str:
    """``text`` as resvg shapes it right: a line holding Khmer whose first letter is not Khmer gets the
    invisible Khmer hint in front (the module docstring says why); any other line is left as it is."""
    if not any(_is_khmer(ch) for ch in text):
        return text
    first = next((ch for ch in text if unicodedata.category(ch).startswith("L")), "")
    return text if _is_khmer(first) else KHMER_SCRIPT_HINT + text


def _khmer_first_everywhere(picture: str) -> str:
    """Every text of the SVG ``picture`` through ``khmer_first``."""
    root = ET.fromstring(picture)
    for element in root.iter():
        if element.text:
            element.text = khmer_first(element.text)
    return ET.tostring(root, encoding="unicode")


def wrap(text: str, width: float, font: float, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` (at spaces; a longer run between spaces, as
    Khmer writes, is cut between clusters, never before a combining mark or after a coeng)."""
    out: list[str] = []
    current = ""
    text = text.replace("\u202f", " ").replace("\u00a0", " ")  # CLDR's narrow spaces: not in every font
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if text_width(candidate, font) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = ""
        for ch in word:
            joins = unicodedata.category(ch) in ("Mn", "Mc", "Me") or (current.endswith("\u17d2"))
            if not joins and current and text_width(current + ch, font) > width:
                out.append(current)
                current = ""
            current += ch
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip() + "…"
    return out


def svg(version: str, parsed: Parsed) -> str:
    """The preview picture of ``parsed.view`` as SVG (1200 × 630), in the current language."""
    doc = content.document(version, parsed, main_only=True)
    info = overview.build_info(version)
    head = doc.headline
    charts = doc.charts
    title = wrap(head.finding, WIDTH - 120, 40, 3)
    top = 140 + len(title) * 52  # below the title: the number on the left, the chart on the right
    chart = None
    if charts:
        room = HEIGHT - (130 if head.illustrative else 60) - (top + 24)
        rows = CHART_ROWS
        while rows > 1 and geometry(charts[0], CHART_LAYOUT, "p", rows)["height"] > room:
            rows -= 1
        chart = chart_svg(charts[0], "p", CHART_LAYOUT, rows)
    return render(
        "preview.svg",
        width=WIDTH,
        height=HEIGHT,
        family=FONT_FAMILY,
        title=title,
        top=top,
        number=head.number,
        number_label=wrap(head.number_label, 440 if chart else 1000, 28, 2),
        chart=chart,
        chart_title=wrap(charts[0].title, 620, 22, 1)[0] if charts else "",
        # The headline may be official (the stand-ins reproduce the official totals): the rows are not.
        illustrative=_("Includes illustrative stand-ins, not official records") if head.illustrative else "",
        source=wrap(notices.built(info), WIDTH - 120, 18, 1)[0],
    )


def rasterise(picture: str) -> bytes:
    """PNG bytes of an SVG picture, with the Khmer OS font where installed (system fonts otherwise)."""
    fonts = [str(p) for p in FONT_FILES if p.is_file()]
    options = {"skip_system_fonts": True, "font_files": fonts} if fonts else {}
    shaped = _khmer_first_everywhere(picture)
    return bytes(resvg_py.svg_to_bytes(svg_string=shaped, font_family=FONT_FAMILY, **options))


def png(version: str, parsed: Parsed) -> bytes:
    """The preview PNG of ``parsed.view`` (routes.py keeps it by ETag, web/share/cache.py)."""
    return rasterise(svg(version, parsed))
