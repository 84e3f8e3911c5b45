"""A share page's HTML: the document (web/share/content.py) with its preview tags, navigation and
links, through the ``share.html`` template. The caller sets the language (``i18n.using_language``).
"""

from __future__ import annotations

import os
from dataclasses import replace
from urllib.parse import urlencode

from dashboard import headlines, labels, notices
from dashboard.i18n import LANGUAGES, _
from dashboard.view import DEFAULT_LANGUAGE, MAX_SHOWN_CHARS, PAGE_PATHS, View, share_path
from web.share.model import Document
from web.share.render import render
from web.share.svg import chart_svg

LOCALES = {"en": "en_US", "km": "km_KH"}


def public_base(request_base: str) -> str:
    """The site's address for absolute links (canonical, og:image): ``UPR_PUBLIC_URL`` when the
    operator sets it (behind a proxy that rewrites the host), else the address the request came to."""
    return (os.environ.get("UPR_PUBLIC_URL") or request_base).rstrip("/")


def image_link(view: View) -> str:
    """The site-relative address of the view's preview picture (1200 × 630 PNG)."""
    query = urlencode(view.to_params())
    return f"{share_path(view.page)}/preview.png" + (f"?{query}" if query else "")


def description(doc: Document, scope: str) -> str:
    """A preview's description: the page's headline sentences (or its introduction), the view in
    words, and whether it includes illustrative data."""
    head = doc.headline
    parts = [" ".join(head.lines) or head.intro, scope]
    if head.illustrative:
        parts.append(_("Includes illustrative (made-up) data."))
    parts = [p.strip() for p in parts if p and p.strip()]
    return " ".join(p if p[-1] in ".!?։។" else p + "." for p in parts)


def image_alt(doc: Document) -> str:
    head = doc.headline
    alt = f"{head.finding}. {head.number} {head.number_label}".strip()
    return alt + (" " + _("Includes illustrative (made-up) data.") if head.illustrative else "")


def html(doc: Document, version: str, base: str, embed: bool = False) -> str:
    """The share page of ``doc``; ``base``: the site's absolute address; ``embed``: without site chrome."""
    view = doc.view
    scope = headlines.in_words(version, view)
    svgs = {id(chart): chart_svg(chart, f"c{k}") for k, chart in enumerate(doc.charts)}
    other = next(lang for lang in LANGUAGES if lang != view.lang)
    meta = {
        "canonical": base + view.share_link(),
        "image": base + image_link(view),
        "image_alt": image_alt(doc),
        "description": description(doc, scope),
        "locale": LOCALES.get(view.lang, "en_US"),
        "alternates": [
            {"lang": lang, "href": base + replace(view, lang=lang).share_link()} for lang in LANGUAGES
        ],
        "scope": scope,
    }
    nav = {
        "home": view.on("").share_link(),
        "pages": [
            {"href": view.on(p).share_link(), "name": labels.page_title(p), "current": p == view.page}
            for p in PAGE_PATHS
        ],
        "other_language": {
            "lang": other,
            "name": LANGUAGES[other],
            "href": replace(view, lang=other).share_link(),
        },
    }
    share = view.share_link()
    links = {
        "interactive": view.link(),
        "about": view.link("about"),
        "embed": share + ("&" if "?" in share else "?") + "embed=true",
    }
    return render(
        "share.html",
        doc=doc,
        lang=view.lang,
        meta=meta,
        nav=nav,
        links=links,
        embed=embed,
        illustrative=labels.illustrative_warning(doc.headline.illustrative)
        if doc.headline.illustrative
        else "",
        unanswered=notices.unanswered(doc.headline.unanswered),
        svg_of=lambda chart: svgs[id(chart)],
    )


def not_found(name: str, lang: str) -> str:
    """The page for a share address that names no page: it says so and links to the Overview."""
    shown = name if len(name) <= MAX_SHOWN_CHARS else name[:MAX_SHOWN_CHARS] + "…"
    overview = share_path("") + ("" if lang == DEFAULT_LANGUAGE else f"?lang={lang}")
    return render("not_found.html", lang=lang, name=shown, overview=overview)


def unavailable(lang: str) -> str:
    """The page while no database is published yet (a new server's first minute)."""
    return render("unavailable.html", lang=lang)
