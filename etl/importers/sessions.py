"""The UPR Working Group calendar: which cycle and which year each WG session belongs to.

Exports such as UPR Info's carry only the session number; the canonical files need cycle and year.
Sessions 1-20 are taken from the OHCHR session calendar (session 1 April 2008 ... session 20
October-November 2014). Later sessions follow the three-a-year rhythm (January/February, April/May,
October/November), with the COVID-19 delay: session 36 met in November 2020 instead of May.
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

# Each cycle is 14 sessions: 1-12 (cycle 1 had 12), 13-26, 27-40, 41-54.
_FIRST_SESSION = {1: 1, 2: 13, 3: 27, 4: 41, 5: 55}


def cycle_of(session: int) -> int:
    """The UPR cycle a Working Group session belongs to."""
    if session < 1:
        raise ValueError(f"session {session} is not a Working Group session number")
    return max(cycle for cycle, first in _FIRST_SESSION.items() if session >= first)


def year_of(session: int) -> int | None:
    """The year the Working Group session met, or ``None`` beyond the known calendar."""
    return _YEARS.get(session)
