"""Country names: map every spelling a source uses to one canonical display name and ISO 3166 alpha-3.

Sources spell states in many ways ("Iran", "Iran (Islamic Republic of)", "DPR Korea", "Cote d'Ivoire",
"St Kitts & Nevis", "United Kingdom of Great Britain and Northern Ireland"). The dashboard needs one
name per state, so every importer and the ETL call :func:`resolve`.

How a name is placed, in order:
1. a small explicit table of UN and UPR Info spellings (``_ALIASES``), because pycountry files several
   UN names under other forms ("Korea, Republic of") and knows no UPR Info abbreviations;
2. pycountry's own names (name, official name, common name), matched exactly after normalising
   Unicode (NFC and NFKD: an accent decomposed as in text copied from a PDF is the same accent), case,
   accents, apostrophes, "&" and "St";
3. the UN's bracketed and the catalogue's comma forms read the other way round: "Netherlands (Kingdom
   of the)" as "Kingdom of the Netherlands", "Congo (Democratic Republic of the)", "Korea, Republic
   of" (the UN renames states now and then; their official names are in pycountry);
4. only if ``fuzzy=True``: pycountry's fuzzy search, accepted only when the query is part of the found
   country's name (or the other way round), because the fuzzy search also matches subdivisions
   ("Texas" would become United States).

A known state always gets its one display name, whichever spelling placed it: an importer never adds
a second entry for a state it knows (``merge`` also reuses the data folder's own spelling of a state
by ISO3). Lists of names ("Bosnia and Herzegovina, Croatia") are split by :func:`split_names`,
longest known names first.

The display name is the short UN-style name (``_DISPLAY`` overrides pycountry's "Korea, Republic of"
forms). A name that cannot be placed returns ``None``: callers import the row under the source's own
name and list the name in their report, so nothing is dropped silently.

Results are cached per distinct name: an export of 31,000 rows has under 200 distinct names.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from etl.importers.text import tidy

_GROUPS_FILE = Path(__file__).with_name("un_regional_groups.csv")


@dataclass(frozen=True)
class Country:
    """A placed state: canonical display name and ISO 3166-1 alpha-3 code."""

    name: str
    iso3: str


# Short UN-style display names where pycountry's ``name`` is a catalogue form ("Korea, Republic of").
_DISPLAY: dict[str, str] = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    # The bundled data (and UPR Info) say "Czech Republic" and "Turkey"; the UN now says "Czechia"
    # and "Türkiye". One name per state matters more than which: change both here and in data/ at once.
    "CZE": "Czech Republic",
    "TUR": "Turkey",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MDA": "Republic of Moldova",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "TWN": "Taiwan",
    "TZA": "United Republic of Tanzania",
    "USA": "United States",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
}

# Spellings used by the UN, OHCHR and UPR Info that pycountry does not know (keys are normalised
# with _key()). Only names seen in real sources or named in the project brief belong here.
_ALIASES: dict[str, str] = {
    "bolivia": "BOL",
    "bolivia (plurinational state of)": "BOL",
    "bosnia and herzegovina": "BIH",
    "brunei": "BRN",
    "burma": "MMR",
    "cape verde": "CPV",
    "congo": "COG",
    "republic of congo": "COG",
    "republic of the congo": "COG",
    "czech republic": "CZE",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "dr congo": "COD",
    "cote d'ivoire": "CIV",
    "ivory coast": "CIV",
    "dpr korea": "PRK",
    "democratic people's republic of korea": "PRK",
    "north korea": "PRK",
    "guinea bissau": "GNB",
    "holy see": "VAT",
    "iran": "IRN",
    "iran (islamic republic of)": "IRN",
    "laos": "LAO",
    "lao pdr": "LAO",
    "macedonia": "MKD",
    "macedonia fyr": "MKD",
    "the former yugoslav republic of macedonia": "MKD",
    "micronesia": "FSM",
    "micronesia (federated states of)": "FSM",
    "moldova": "MDA",
    "republic of moldova": "MDA",
    "palestine": "PSE",
    "state of palestine": "PSE",
    "republic of korea": "KOR",
    "south korea": "KOR",
    "russia": "RUS",
    "swaziland": "SWZ",
    "syria": "SYR",
    "tanzania": "TZA",
    "united republic of tanzania": "TZA",
    "turkey": "TUR",
    "turkiye": "TUR",
    "vatican": "VAT",
    "vatican city": "VAT",
    "united kingdom": "GBR",
    "united kingdom of great britain and northern ireland": "GBR",
    "uk": "GBR",
    "united states": "USA",
    "united states of america": "USA",
    "usa": "USA",
    "venezuela": "VEN",
    "venezuela (bolivarian republic of)": "VEN",
    "bolivarian republic of venezuela": "VEN",
    "viet nam": "VNM",
    "vietnam": "VNM",
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})


def clean_name(name: str) -> str:
    """A source's name as the reader should see it: HTML entities decoded, Unicode NFC, spaces tidied.

    NFC makes the two ways of writing an accent one ("Co\u0302te" as copied from a PDF is "Côte"), so a
    name that cannot be placed still has one spelling, never two entries that look identical.
    """
    return tidy(html.unescape(name))


def _key(name: str) -> str:
    """Normalise a spelling for lookup: entities, apostrophes, accents, "&", "St", "the", case."""
    text = html.unescape(name).translate(_APOSTROPHES)
    # Strip accents so "Côte d'Ivoire" and "Cote d'Ivoire", "Türkiye" and "Turkiye" meet.
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = text.replace(" & ", " and ")
    text = re.sub(r"^st\.? ", "saint ", text)
    text = re.sub(r"^the ", "", text)
    return text


@cache
def _index() -> dict[str, str]:
    """Every exact spelling pycountry knows, plus the alias table, keyed by :func:`_key`."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index[_key(value)] = country.alpha_3
    index.update({_key(alias): iso3 for alias, iso3 in _ALIASES.items()})
    return index


def display_name(iso3: str) -> str:
    """The canonical display name of a state given its ISO3 code."""
    if iso3 in _DISPLAY:
        return _DISPLAY[iso3]
    return pycountry.countries.get(alpha_3=iso3).name


@lru_cache(maxsize=4096)
def resolve(name: str, fuzzy: bool = True) -> Country | None:
    """Place a state name; ``None`` when it cannot be placed with confidence.

    ``fuzzy=False`` is for guessing whether a bracketed phrase is a state at all (OHCHR matrices put
    both states and acronyms in brackets): only exact spellings count there.
    """
    key = _key(name)
    if not key:
        return None
    iso3 = _index().get(key)
    if iso3 is None:
        iso3 = _index().get(_turned(key))
    if iso3 is None and fuzzy:
        iso3 = _fuzzy(key)
    if iso3 is None:
        return None
    return Country(display_name(iso3), iso3)


def _turned(key: str) -> str:
    """ "netherlands (kingdom of the)" -> "kingdom of the netherlands"; "korea, republic of" -> "republic
    of korea": the UN's bracketed and the catalogue's comma forms, read the way official names run."""
    found = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", key) or re.fullmatch(r"([^(),]+),\s*([^(),]+)", key)
    return f"{found.group(2).strip()} {found.group(1).strip()}" if found else key


def split_names(text: str) -> list[str]:
    """The state names in a list as a source writes it, in order, as written (NFC, spaces tidied).

    "Bosnia and Herzegovina, Croatia" -> both; "Trinidad and Tobago and Saint Vincent and the
    Grenadines" -> both; "France, Germany, and Italy" -> three. Parts are split at commas and
    semicolons outside brackets; a part that is not one known name is split at " and " / " & ",
    matching the longest known name first from the left (many official names contain "and"). Words
    that place as no state stay together as one name, for the caller to keep and report; nothing is
    dropped.
    """
    names: list[str] = []
    for part in _outside_brackets(clean_name(text), ",;"):
        part = re.sub(r"^(and|&)\s+", "", part.strip(), flags=re.I).strip()
        if not part:
            continue
        if resolve(part, fuzzy=False):
            names.append(part)
            continue
        pieces = _outside_brackets(part, "", joiner=r"\s+(?:and|&)\s+")
        names += _longest_known_first(pieces)
    return names


def _longest_known_first(pieces: list[str]) -> list[str]:
    names, unknown, i = [], [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            candidate = " and ".join(pieces[i:j])
            if resolve(candidate, fuzzy=False):
                if unknown:
                    names.append(" and ".join(unknown))
                    unknown = []
                names.append(candidate)
                i = j
                break
        else:
            unknown.append(pieces[i])
            i += 1
    if unknown:
        names.append(" and ".join(unknown))
    return names


def _outside_brackets(text: str, separators: str, joiner: str = "") -> list[str]:
    """``text`` split at ``separators`` (characters) or at the ``joiner`` pattern, never inside brackets."""
    depth, start, parts = 0, 0, []
    i = 0
    while i < len(text):
        char = text[i]
        depth += (char == "(") - (char == ")" and depth > 0)
        if depth == 0 and char in separators and separators:
            parts.append(text[start:i])
            start = i + 1
        elif depth == 0 and joiner:
            found = re.match(joiner, text[i:], flags=re.I)
            if found and i > start:
                parts.append(text[start:i])
                i += found.end()
                start = i
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _fuzzy(key: str) -> str | None:
    """pycountry's fuzzy search, kept only when the query and a country name contain each other."""
    try:
        found = pycountry.countries.search_fuzzy(key)
    except LookupError:
        return None
    for country in found[:3]:
        names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        for value in filter(None, names):
            candidate = _key(value)
            if len(key) >= 4 and (key in candidate or candidate in key):
                return country.alpha_3
    return None


@cache
def _groups() -> dict[str, str]:
    with _GROUPS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: row["regional_group"] for row in csv.DictReader(handle)}


def regional_group(iso3: str, source_group: str = "") -> str:
    """The UN regional group of a state: the bundled table first, else the source's own label.

    The table (un_regional_groups.csv: 193 member states, plus the Holy See and the State of
    Palestine as ``other``) is used first because a user's file may lack the column (Word matrices)
    or hold "Observer" / "(Unknown)".
    """
    if iso3 and iso3 in _groups():
        return _groups()[iso3]
    return map_group_label(source_group)


_GROUP_LABELS = {
    "africa": "African",
    "african": "African",
    "african group": "African",
    "asia": "Asia-Pacific",
    "asia-pacific": "Asia-Pacific",
    "asia pacific": "Asia-Pacific",
    "asia-pacific group": "Asia-Pacific",
    "eeg": "EEG",
    "eastern european group": "EEG",
    "eastern europe": "EEG",
    "grulac": "GRULAC",
    "latin american and caribbean group": "GRULAC",
    "weog": "WEOG",
    "western european and others group": "WEOG",
}


def map_group_label(label: str) -> str:
    """A source's regional-group label to the canonical vocabulary; anything else is ``other``."""
    return _GROUP_LABELS.get(_key(label), "other")
