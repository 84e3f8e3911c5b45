"""The UPR Working Group calendar: which cycle and which year each WG session belongs to.

Exports such as UPR Info's carry only the session number; the canonical files need cycle and year.

Cycles: the first cycle had 12 sessions (1-12); every later cycle has 14 (13-26, 27-40, 41-54,
55-68, ...), so a fifth or sixth cycle needs no change here (FORMATS.md: "1-12 -> 1, 13-26 -> 2,
27-40 -> 3, 41-54 -> 4").

Years: sessions 1-20 are taken from the OHCHR session calendar (session 1 April 2008 ... session 20
October-November 2014); later ones as they met, three a year (January/February, April/May,
October/November), with the COVID-19 delay (session 36 met in November 2020 instead of May). Beyond
the last session in the table the three-a-year rhythm is assumed (from session 42, January 2023:
42-44 in 2023, 45-47 in 2024, 48-50 in 2025, 51-53 in 2026, ...); :func:`year_is_scheduled` tells an
importer when it used the rhythm, so it can say so.
"""

from __future__ import annotations

# session -> calendar year in which the Working Group met
_YEARS: dict[int, int] = {
    1: 2008, 2: 2008, 3: 2008, 4: 2009, 5: 2009, 6: 2009, 7: 2010, 8: 2010, 9: 2010,
    10: 2011, 11: 2011, 12: 2011, 13: 2012, 14: 2012, 15: 2013, 16: 2013, 17: 2013,
    18: 2014, 19: 2014, 20: 2014, 21: 2015, 22: 2015, 23: 2015, 24: 2016, 25: 2016, 26: 2016,
    27: 2017, 28: 2017, 29: 2018, 30: 2018, 31: 2018, 32: 2019, 33: 2019, 34: 2019,
    35: 2020, 36: 2020, 37: 2021, 38: 2021, 39: 2021, 40: 2022, 41: 2022, 42: 2023, 43: 2023,
    44: 2023, 45: 2024, 46: 2024, 47: 2024, 48: 2025, 49: 2025, 50: 2025,
}  # fmt: skip
_FIRST_CYCLE_SESSIONS = 12
_SESSIONS_PER_CYCLE = 14
_RHYTHM_FROM = (42, 2023)  # three sessions a year from this session and year on
_SESSIONS_PER_YEAR = 3


def cycle_of(session: int) -> int:
    """The UPR cycle a Working Group session belongs to (1-12 -> 1, then 14 sessions per cycle).

    Raises ValueError for a session number below 1.
    """
    if session < 1:
        raise ValueError(f"session {session} is not a Working Group session number")
    if session <= _FIRST_CYCLE_SESSIONS:
        return 1
    return 2 + (session - _FIRST_CYCLE_SESSIONS - 1) // _SESSIONS_PER_CYCLE


def first_session(cycle: int) -> int:
    """The first Working Group session of a cycle (1, 13, 27, 41, 55, ...)."""
    return 1 if cycle <= 1 else _FIRST_CYCLE_SESSIONS + 1 + (cycle - 2) * _SESSIONS_PER_CYCLE


def year_is_scheduled(session: int) -> bool:
    """True when :func:`year_of` gives the year from the three-a-year rhythm, not the calendar table."""
    return session not in _YEARS


def year_of(session: int) -> int | None:
    """The year the Working Group session met (calendar table, then the rhythm); ``None`` below 1."""
    if session < 1:
        return None
    if session in _YEARS:
        return _YEARS[session]
    first, year = _RHYTHM_FROM
    return year + (session - first) // _SESSIONS_PER_YEAR
