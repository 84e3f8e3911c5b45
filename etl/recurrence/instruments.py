"""The treaties and institutions a recommendation names: a shared mention is a strong sign of one ask.

Recommendations name the same instrument in many ways ("OP-CAT", "the Optional Protocol to the
Convention against Torture", "a national preventive mechanism"), so word overlap alone misses these
pairs; and two ratification recommendations look alike in words ("Ratify the Convention on ...") while
asking for different treaties. ``mentioned(text)`` returns the codes of the instruments a text names.

Names are matched most specific first and each match is blanked before the next pattern runs, so "the
Optional Protocol to the Convention against Torture" is OPCAT and not also CAT. Sources of the names:
the instruments' official titles (OHCHR's list of the core international human rights instruments and
their optional protocols, the Rome Statute, the ILO conventions by number, the UNESCO Convention
against Discrimination in Education, the UN Convention against Corruption) and the abbreviations UN
Working Group reports use for them; the Paris Principles (General Assembly resolution 48/134) for
national human rights institutions; the Extraordinary Chambers in the Courts of Cambodia (ECCC).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ICCPR = r"(?:(?-i:ICCPR)|International\s+(?:Covenant|Convention)\s+on\s+Civil\s+and\s+Political\s+Rights)"
_ICESCR = r"(?:(?-i:ICESCR)|International\s+Covenant\s+on\s+Economic,?\s+Social\s+and\s+Cultural\s+Rights)"
_CAT = (
    r"(?:(?-i:CAT)|Convention\s+against\s+Torture(?:\s+and\s+Other\s+Cruel,?\s+Inhuman\s+or\s+Degrading"
    r"\s+Treatment\s+or\s+Punishment)?)"
)
_CEDAW = (
    r"(?:(?-i:CEDAW)|Convention\s+on\s+the\s+Elimination\s+of\s+All\s+Forms\s+of\s+Discrimination\s+"
    r"against\s+Women)"
)
_CRPD = r"(?:(?-i:CRPD)|Convention\s+on\s+the\s+Rights\s+of\s+Persons\s+with\s+Disabilit(?:y|ies))"
_CRC = r"(?:(?-i:CRC)|Convention\s+on\s+the\s+Rights\s+of\s+the\s+Child)"
_OP = r"(?P<which>first|second|1st|2nd)?\s*optional\s+protocol(?P<plural>s)?(?P<nums>\s+(?:1|2|I|II)(?:\s+and\s+(?:1|2|I|II))?)?\s+(?:to|of)\s+(?:the\s+)?"


def _iccpr_protocols(match: re.Match) -> tuple[str, ...]:
    """Which Optional Protocol(s) to the ICCPR: the second abolishes the death penalty."""
    which, nums = (match.group("which") or "").lower(), match.group("nums") or ""
    if match.group("plural") or "and" in nums:
        return ("ICCPR-OP1", "ICCPR-OP2")
    if which in ("second", "2nd") or nums.strip() in ("2", "II"):
        return ("ICCPR-OP2",)
    return ("ICCPR-OP1",)


def _crc_protocols(match: re.Match) -> tuple[str, ...]:
    """Which Optional Protocol(s) to the CRC, by the subject named right after it."""
    tail = match.group(0).lower()
    found = tuple(
        code
        for code, words in (
            ("CRC-OPSC", "sale of children"),
            ("CRC-OPAC", "armed conflict"),
            ("CRC-OPIC", "communications"),
        )
        if words in tail
    )
    return found or ("CRC-OP",)


def _ilo(match: re.Match) -> tuple[str, ...]:
    return tuple(f"ILO-C{number}" for number in re.findall(r"\d{2,3}", match.group(0)))


# (codes or a function of the match giving them, pattern), most specific first.
PATTERNS: tuple[tuple[tuple[str, ...] | Callable[[re.Match], tuple[str, ...]], str], ...] = (
    (_iccpr_protocols, _OP + _ICCPR),
    (("ICCPR-OP1", "ICCPR-OP2"), r"(?-i:\bOP\s*1\s*(?:and|&)\s*(?:OP\s*)?2\b)[^.;]{0,20}" + _ICCPR),
    (("ICCPR-OP2",), r"(?-i:\b(?:ICCPR[-\s]?OP[-\s]?2|OP[-\s]?2[-\s.]?ICCPR)\b)"),
    (("ICCPR-OP1",), r"(?-i:\b(?:ICCPR[-\s]?OP[-\s]?1?|OP[-\s]?1?[-\s.]?ICCPR)\b)"),
    (("ICESCR-OP",), _OP + _ICESCR + r"|(?-i:\b(?:OP[-\s.]?ICESCR|ICESCR[-\s]?OP)\b)"),
    (("OPCAT",), _OP + _CAT + r"|(?-i:\bOP[-\s.]?CAT\b)|national\s+preventive\s+mechanisms?"),
    (("CEDAW-OP",), _OP + _CEDAW + r"|(?-i:\b(?:OP[-\s.]?CEDAW|CEDAW[-\s]?OP)\b)"),
    (("CRPD-OP",), _OP + _CRPD + r"|(?-i:\b(?:OP[-\s.]?CRPD|CRPD[-\s]?OP)\b)"),
    (_crc_protocols, _OP + _CRC + r"[^.;]{0,120}|(?-i:\bOP[-\s.]?CRC\b)[^.;]{0,120}"),
    (("ICCPR",), _ICCPR),
    (("ICESCR",), _ICESCR),
    (("CAT",), _CAT),
    (("CEDAW",), _CEDAW),
    (("CRPD",), _CRPD),
    (("CRC",), _CRC),
    (
        ("ICPPED",),
        r"Convention\s+for\s+the\s+Protection\s+of\s+All\s+Persons\s+from\s+Enforced\s+Disappearances?"
        r"|(?-i:\b(?:ICPPED|CPED|CED)\b)",
    ),
    (
        ("ICMW",),
        r"Protection\s+of\s+the\s+Rights\s+of\s+All\s+Migrants?\s+Workers\s+and\s+Members\s+of\s+their\s+Families"
        r"|(?-i:\b(?:ICMW|ICRMW|MWC)\b)",
    ),
    (
        ("ICERD",),
        r"Elimination\s+of\s+All\s+Forms\s+of\s+Racial\s+Discrimination|(?-i:\b(?:ICERD|CERD)\b)",
    ),
    (
        ("APIC",),
        r"Agreement\s+on\s+(?:the\s+)?Privileges\s+and\s+Immunities\s+of\s+the\s+(?:International\s+Criminal\s+)?Court",
    ),
    (("Rome Statute",), r"Rome\s+Statute|International\s+Criminal\s+Court|(?-i:\bICC\b)"),
    (
        ("NHRI",),
        r"national\s+(?:human\s+rights\s+)?institutions?\s+(?:for|on)\s+(?:the\s+)?(?:promotion|protection)"
        r"|(?:national\s+)?(?:independent\s+)?(?:national\s+)?human\s+rights\s+institutions?"
        r"|Paris\s+Principles|(?-i:\bNHRIs?\b)",
    ),
    (
        ("Refugee Convention",),
        r"Convention\s+relating\s+to\s+the\s+Status\s+of\s+Refugees|Refugee\s+Convention|1967\s+Protocol",
    ),
    (
        ("Statelessness Conventions",),
        r"Conventions?\s+(?:on|relating\s+to)\s+the\s+(?:Reduction\s+of\s+Statelessness|Status\s+of\s+Stateless\s+Persons)"
        r"|statelessness\s+conventions?",
    ),
    (("UNESCO CDE",), r"Convention\s+against\s+Discrimination\s+in\s+Education"),
    (("UNCAC",), r"(?:United\s+Nations\s+)?Convention\s+against\s+Corruption|(?-i:\bUNCAC\b)"),
    (
        ("Palermo Protocol",),
        r"Palermo\s+Protocol|Protocol\s+to\s+Prevent,?\s+Suppress\s+and\s+Punish\s+Trafficking",
    ),
    (
        _ilo,
        r"(?:(?-i:ILO)|International\s+Labou?r\s+Organi[sz]ation)\s+Conventions?\s+(?:No\.?\s*)?\d{2,3}"
        r"(?:\s*(?:,|and)\s*(?:No\.?\s*)?\d{2,3})*"
        r"|Conventions?\s+(?:No\.?\s*)?\d{2,3}(?:\s*(?:,|and)\s*(?:No\.?\s*)?\d{2,3})*\s+of\s+the\s+"
        r"(?:(?-i:ILO)|International\s+Labou?r\s+Organi[sz]ation)",
    ),
    (("Declaration on HRDs",), r"Declaration\s+on\s+Human\s+Rights\s+Defenders"),
    (("UNDRIP",), r"Declaration\s+on\s+the\s+Rights\s+of\s+Indigenous\s+Peoples|(?-i:\bUNDRIP\b)"),
    (("ECCC",), r"Extraordinary\s+Chambers|Khmer\s+Rouge\s+(?:Tribunal|trials?|court)|(?-i:\bECCC\b)"),
    (("MDGs",), r"Millennium\s+Development\s+Goals?|Millennium\s+Declaration|(?-i:\bMDGs?\b)"),
    (("SDGs",), r"Sustainable\s+Development\s+Goals?|2030\s+Agenda|(?-i:\bSDGs?\b)"),
)
# A name is often followed by its abbreviation in brackets, "(ICCPR)": part of the same mention.
_ABBREVIATION = r"(?:\s*\((?-i:[A-Z][A-Z0-9.\-]{1,10})\))?"
_COMPILED = tuple(
    (codes, re.compile(f"(?:{pattern}){_ABBREVIATION}", re.IGNORECASE)) for codes, pattern in PATTERNS
)

# Every pattern above needs one of these words, or a capitalised abbreviation: a text without any
# (most texts) skips the patterns, which were a third of the linker's time at global scale.
_GATE_WORDS = (
    "protocol", "convention", "covenant", "statute", "court", "principles", "institution", "preventive",
    "migrant", "racial discrimination", "chambers", "khmer rouge", "millennium", "sustainable development",
    "2030 agenda", "declaration", "labour organ", "labor organ",
)  # fmt: skip
_ABBREVIATIONS = re.compile(r"\b[A-Z]{2,}")


def _may_name_any(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in _GATE_WORDS) or bool(_ABBREVIATIONS.search(text))


def mentioned(text: str) -> frozenset[str]:
    """The codes of the instruments and institutions ``text`` names (e.g. {"OPCAT", "NHRI"})."""
    return split(text)[0]


def split(text: str) -> tuple[frozenset[str], str]:
    """(the codes ``text`` names, ``text`` with those names blanked out).

    The linker compares instruments by code and the rest by words: "the Convention on the Elimination
    of All Forms of Discrimination against Women" would otherwise share five words with any
    recommendation on discrimination against women.
    """
    if not _may_name_any(text):
        return frozenset(), text
    found: set[str] = set()
    for codes, pattern in _COMPILED:

        def blank(match: re.Match, codes=codes) -> str:
            found.update(codes(match) if callable(codes) else codes)
            return " , "  # a clause break: words on either side are not one phrase

        text = pattern.sub(blank, text)
    return frozenset(found), text
