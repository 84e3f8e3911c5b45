"""Interface text and number formatting in the reader's language (gettext catalogs, Babel/CLDR).

English is the source language. ``_("...")`` looks up the current session's language, set by the
``lang`` URL parameter / switch; outside a Streamlit session it is English, unless the caller renders
for a reader with ``using_language(lang)`` (the plain-HTTP answers of web/ do).

The Khmer catalog is ``locales/km/LC_MESSAGES/messages.po`` and nothing else: it is compiled in
memory when first used (and again whenever the file changes), so there is no ``.mo`` file to build,
commit or forget to rebuild — a fresh clone runs in Khmer, and a translator's edit shows on the next
rerun. Fuzzy entries are skipped, as gettext does. ``python -m dashboard.i18n_catalog update|check``
keeps the catalog in step with the code (see docs/translating.md).

Numbers and dates go through Babel with the CLDR data of the language. Digits stay Latin (CLDR's
default for ``km``, and what Plotly axes and Streamlit tables show anyway); ``KHMER_DIGITS`` switches
the formatted figures to Khmer digits if native reviewers ask for them.
"""

from __future__ import annotations

import gettext
import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

import streamlit as st
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol
from streamlit.runtime.scriptrunner import get_script_run_ctx

import paths

LANGUAGES = {"en": "English", "km": "ខ្មែរ"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"
# Latin digits by default (see the module docstring); True shows ០១២៣៤៥៦៧៨៩ in formatted figures.
KHMER_DIGITS = False
_TO_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
NO_VALUE = "–"


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (translate where it is shown)."""
    return message


# Official recommendation texts are quoted as the UN published them, never translated by us; the
# Explorer says so under a recommendation's text.
SOURCE_LANGUAGE_NOTE = N_("Official texts are shown in their source language.")


# The language a plain-HTTP answer (web/) or a Streamlit run (router.py) is rendered in: set per
# request or run, so threads never share it.
_FORCED: ContextVar[str | None] = ContextVar("upr_forced_language", default=None)
# Its catalog, looked up once for the whole request (the .po file's date is not checked at every _()).
_FORCED_CATALOG: ContextVar[gettext.NullTranslations | None] = ContextVar("upr_forced_catalog", default=None)


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """Render in ``lang`` inside this block (an unknown code: English): a plain-HTTP answer, or the
    rest of a Streamlit run once its language radio is drawn (router.py).

    A context variable, not a global: each request (thread or task) of the server has its own.
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    token = _FORCED.set(lang)
    catalog = _FORCED_CATALOG.set(_translation(lang))
    try:
        yield
    finally:
        _FORCED_CATALOG.reset(catalog)
        _FORCED.reset(token)


def current_language() -> str:
    """The session's interface language (``en`` outside a running app, or ``using_language``'s)."""
    forced = _FORCED.get()
    if forced is not None:
        return forced
    if get_script_run_ctx(suppress_warning=True) is None:  # a plain script, test or CLI: English
        return DEFAULT_LANGUAGE
    try:
        lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    except Exception:  # session state unavailable
        return DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


_SHOWN = "_lang_shown"
_CHOICES = "_choices_before_language_switch"


def keep_choices_across_language_switch() -> None:
    """Call at the top of every run, before any widget: after a language switch, put back what the
    reader had chosen.

    The browser sends a selectbox's or multiselect's value back as its *displayed* label; after a
    switch those labels are in the other language, match no option and the choice falls back to the
    first option (measured in Chromium: cycle=2 became cycle=1, response=noted was lost). Values
    remembered at the end of the previous run (``remember_choices``) are set again before the
    widgets are drawn, which takes precedence over the stale labels.
    """
    state = st.session_state
    if _SHOWN in state and state.get("lang", DEFAULT_LANGUAGE) != state[_SHOWN]:
        for key, value in state.get(_CHOICES, {}).items():
            state[key] = value


def remember_choices() -> None:
    """Call at the end of every run: remember the language shown and the reader's widget values."""
    st.session_state[_SHOWN] = current_language()
    st.session_state[_CHOICES] = {
        key: value
        for key, value in st.session_state.items()
        if isinstance(key, str)
        and not key.startswith("_")
        and key != "lang"
        and isinstance(value, (str, list))
    }


def catalog_path(lang: str) -> Path:
    """The gettext catalog (.po) of ``lang``."""
    return paths.locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=2 * len(LANGUAGES))
def _compiled(po_file: str, modified: int) -> gettext.NullTranslations:
    """``po_file`` compiled in memory; ``modified`` (its mtime) keys the cache, so edits show."""
    with open(po_file, "rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _translation(lang: str) -> gettext.NullTranslations:
    po_file = catalog_path(lang)
    try:
        modified = po_file.stat().st_mtime_ns
    except OSError:  # English (the source language) has no catalog
        return gettext.NullTranslations()
    return _compiled(str(po_file), modified)


def _catalog() -> gettext.NullTranslations:
    return _FORCED_CATALOG.get() or _translation(current_language())


def _(message: str) -> str:
    """The interface text ``message`` in the current language (English when not yet translated)."""
    return _catalog().gettext(message)


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang`` whatever the session's language (a file made for a chosen language; names
    looked up many at a time; outside a run)."""
    return _translation(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The catalog's plural form of ``singular``/``plural`` for the count ``n`` ("1 row", "2 rows"; Khmer
    has one form). Every text that puts a count before a noun goes through here, never through ``_()``."""
    return _catalog().ngettext(singular, plural, int(n))


def source_language_note() -> str:
    """The note that official texts stay in their source language, in the reader's language."""
    return _(SOURCE_LANGUAGE_NOTE)


def localized(name: str | None, name_km: str | None, lang: str | None = None) -> str:
    """A name from the data in the reader's language: the Khmer name when reading Khmer and there is
    one, otherwise the English name (never a blank cell).

    ``lang``: the language, when the caller labelling many names has looked it up once already.
    """
    if (lang or current_language()) == "km" and isinstance(name_km, str) and name_km.strip():
        return name_km.strip()
    return name if isinstance(name, str) else ""


def _digits(text: str) -> str:
    return text.translate(_TO_KHMER_DIGITS) if KHMER_DIGITS and current_language() == "km" else text


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isinf(value))
    except (TypeError, ValueError):  # e.g. pandas.NA
        return True


# Babel formats a number in about 0.1 ms; a page writes hundreds of the same few counts.
@lru_cache(maxsize=8192)
def _grouped(value: int, lang: str) -> str:
    return format_decimal(value, locale=lang)


@lru_cache(maxsize=8192)
def _percent(value: float, lang: str) -> str:
    return format_percent(value, locale=lang)


def fmt_int(value: int | float | None) -> str:
    """A count with the language's digit grouping, e.g. 1,234."""
    if _missing(value):
        return NO_VALUE
    return _digits(_grouped(int(value), current_language()))


def fmt_number(value: float | None) -> str:
    """A measured value with the language's notation and up to two decimals, e.g. 1,234.5."""
    if _missing(value):
        return NO_VALUE
    return _digits(format_decimal(round(float(value), 2), locale=current_language()))


def fmt_pct(value: float | None) -> str:
    """A share (0–1) as a percentage with no decimals, e.g. 0.874 → 87%."""
    if _missing(value):
        return NO_VALUE
    return _digits(_percent(float(value), current_language()))


def fmt_date(value: date | datetime | None, format: str = "medium") -> str:
    """A date in the language's notation, e.g. 31 Mar 2024 → "Mar 31, 2024" / "31 មីនា 2024".

    Accepts dates, datetimes and pandas Timestamps; missing values give a dash.
    """
    if _missing(value):
        return NO_VALUE
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        value = value.date()
    return _digits(format_date(value, format=format, locale=current_language()))


def fmt_datetime(value: datetime | None) -> str:
    """A moment in UTC in the language's notation, to the minute, on the 24-hour clock: CLDR's medium
    date, its "Hm" time and its pattern joining the two, e.g. "Nov 26, 2026, 15:49" / "26 វិច្ឆិកា 2026, 15:49".

    CLDR's short time for Khmer is "h:mm a" with the day period left as "AM"/"PM" in Latin letters;
    its 24-hour "Hm" skeleton needs no day period in any language, and a build time in UTC reads best
    on a 24-hour clock anyway.
    """
    if _missing(value):
        return NO_VALUE
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    lang = current_language()
    pattern = Locale.parse(lang).datetime_formats["medium"]  # "{1}, {0}": the date, then the time
    return _digits(
        pattern.format(
            format_skeleton("Hm", value, locale=lang), format_date(value.date(), "medium", locale=lang)
        )
    )


def plotly_separators() -> str:
    """Plotly's ``layout.separators`` for the language: its decimal symbol, then its group symbol.

    Chart builders stay pure: pages pass this in with the translated labels.
    """
    lang = current_language()
    return get_decimal_symbol(lang) + get_group_symbol(lang)
