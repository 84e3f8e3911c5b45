"""Interface text and number formatting in the reader's language (gettext catalogs, Babel/CLDR).

English is the source language. ``_("...")`` looks up the current session's language, set by the
``lang`` URL parameter / switch; outside a Streamlit session it is English.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

import streamlit as st
from babel.numbers import format_decimal, format_percent

import paths

LANGUAGES = {"en": "English", "km": "ខ្មែរ"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"


def current_language() -> str:
    try:
        lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    except Exception:  # no Streamlit session (a plain script or test)
        return DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=len(LANGUAGES))
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, paths.locale_dir(), languages=[lang], fallback=True)


def _(message: str) -> str:
    """The interface text ``message`` in the current language (English when not yet translated)."""
    return _translation(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation(current_language()).ngettext(singular, plural, n)


def fmt_int(value: int | float | None) -> str:
    if value is None:
        return "–"
    return format_decimal(int(value), locale=current_language())


def fmt_pct(value: float | None) -> str:
    """A share (0–1) as a percentage with no decimals, e.g. 0.874 → 87 %."""
    if value is None or value != value:
        return "–"
    return format_percent(value, locale=current_language())
