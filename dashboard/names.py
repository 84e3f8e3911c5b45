"""Names from the data in the reader's language: states from CLDR (through Babel), themes and UN
regional groups from the interface catalog.

The data keeps the names its sources use (the UN's English spelling, "Republic of Korea"): filters,
links, searches and CSV exports use those. Only what a reader sees is named in their language:

- **States** (recommending states and the state under review): the ISO 3166 alpha-3 code states.csv
  gives → alpha-2 (pycountry) → CLDR's name of that territory in the language (Babel's
  ``Locale(lang).territories``, e.g. KHM → KH → "កម្ពុជា"). Where CLDR has no name, or the code is
  not an ISO country, the data's own name is shown.
- **Themes**: UPR Info's issue labels, translated in locales/ (drafts marked for native review,
  listed in dashboard/theme_names.py); a theme the catalog does not know (an imported vocabulary)
  shows as the data names it.
- **Regional groups**: their names in vocab.py, translated in the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from babel import Locale

from dashboard.i18n import DEFAULT_LANGUAGE, current_language, translate
from vocab import MULTI_SEPARATOR, NAMES


@lru_cache(maxsize=4096)
def cldr_territory(iso3: str, lang: str) -> str | None:
    """CLDR's name of the country ``iso3`` (ISO 3166 alpha-3) in ``lang``, or None when it has none."""
    country = pycountry.countries.get(alpha_3=(iso3 or "").strip().upper())
    if country is None:
        return None
    return Locale.parse(lang).territories.get(country.alpha_2)


@dataclass(frozen=True)
class Names:
    """How one reader sees the data's names: ``lang``, and each state's ISO code (empty for English,
    which shows the data's own names)."""

    lang: str = DEFAULT_LANGUAGE
    codes: Mapping[str, str] = field(default_factory=dict)

    def state(self, name: str) -> str:
        """A state (as the data names it) in the reader's language; the data's name where CLDR has none."""
        if self.lang == DEFAULT_LANGUAGE or not isinstance(name, str) or name not in self.codes:
            return name
        return cldr_territory(self.codes[name], self.lang) or name

    def theme(self, name: str) -> str:
        """A theme in the reader's language (the catalog's draft), or as the data names it."""
        if self.lang == DEFAULT_LANGUAGE or not isinstance(name, str) or not name:
            return name
        return translate(name, self.lang)

    def vocabulary(self, value: str) -> str:
        """A vocabulary value (``supported``, ``partially_implemented``) by its name in the reader's language."""
        return translate(NAMES[value], self.lang) if value in NAMES else value

    def region(self, code: str) -> str:
        """A UN regional group (vocab.py's code, e.g. "GRULAC") by its name in the reader's language."""
        if not isinstance(code, str):
            return code
        return translate(NAMES[code], self.lang) if code in NAMES else code

    def states(self, names) -> str:
        """Several states, e.g. a joint recommendation's ("France | Germany" or a list), in one cell."""
        return _each(names, self.state)

    def themes(self, names) -> str:
        return _each(names, self.theme)


def _each(names, one) -> str:
    if isinstance(names, str):
        names = names.split(MULTI_SEPARATOR) if names else []
    if names is None or (isinstance(names, float) and names != names):
        return ""
    return MULTI_SEPARATOR.join(one(n) for n in names)


def of(version: str, lang: str | None = None) -> Names:
    """The names a reader of ``lang`` (this run's, or ``i18n.using_language``'s) sees in ``version``."""
    lang = lang or current_language()
    if lang == DEFAULT_LANGUAGE:
        return Names()
    from dashboard.data.options import state_codes  # the read side's query, imported on first use

    return Names(lang, state_codes(version))


def current() -> Names:
    """The names this reader sees (English: the data's own names, no database needed).

    The states' codes come from the published version (the same as the run's but for a republish
    within the run; a state's ISO code does not change between builds).
    """
    if current_language() == DEFAULT_LANGUAGE:
        return Names()
    from dashboard.db import current_version

    return of(current_version())
