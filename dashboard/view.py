"""What one reader is looking at, as a plain value: parsed from a link once, written back to a link once.

No Streamlit here. The interactive pages, the share pages and the data API all take a ``View`` made by
``parse()``; the read side turns its ``Selection`` into SQL (dashboard/data/filtering.py) and the view
into words (dashboard/wording.py). Modelled on datasette's filters: URL pairs in, typed choices and the
values that had to be dropped out.

Every parameter is declared once in ``PARAMS``, with the pages it belongs to. The URL keys are a public
contract (links already shared must keep their meaning): rename a field freely, never a key.

A link always names what defines its figures: ``to_params()`` writes the state under review and the
cycle even when they equal today's default (tomorrow's default may be another cycle), and the
language when it is not English. Page-owned values (``by``, ``role``, ``rec``, ``chain``) are written
only on their own page and only when they differ from the page's default.

``as_of=YYYY-MM-DD`` shows statuses as they stood on that day (the latest assessment on or before it).
A day before the data's first assessment or after the day it was built is dropped with its reason,
like an unknown value: the view then shows statuses as they stand now.

The government's plan is judged on a day: ``as_of`` when the reader chose one, else ``today``, the
session's day (not a URL parameter: a link opened tomorrow judges tomorrow); being part of the
selection, it keys every cached query, so no figure computed yesterday is served as today's.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from vocab import ASSESSORS, RESPONSES, SDG_GOALS, STATUSES

ANY = "any"  # the wire value of "no choice" for single-valued filters
ALL_CYCLES = "all"
LANGUAGES = ("en", "km")
DEFAULT_LANGUAGE = "en"
PREFERRED_STATE_UNDER_REVIEW = "Cambodia"  # the case this project starts from, when loaded
MAX_SEARCH_CHARS = 200
MAX_VALUES = 50  # more values than this for one key is not a reader's link: the rest are dropped
MAX_SHOWN_CHARS = 80  # a dropped value is shown (as text) cut to this length

# Every page's URL path ("" is the Overview): the interactive pages (router.py), and their share pages
# (web/share/content.py has one builder for each). Links to any of them are tidied by web/canonical.py.
PAGE_PATHS = ("", "acceptance", "ministries", "plan", "noted", "explore", "recurring", "states", "about")
# A share page is /share/<name>: the page's path, and "overview" for the Overview ("/share/" opens it
# too, but a link in a chat reads better with a name).
SHARE_ROOT = "/share"
OVERVIEW_SHARE_NAME = "overview"
ORDERS = ("count", "rate")  # acceptance: most recommendations first, or highest acceptance first
ROLE_CHOICES = ("lead", "all")  # ministries: count what a ministry leads, or leads or supports
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # as_of: exactly YYYY-MM-DD (no week dates, no times)
# The plan filter: supported recommendations with an overdue action, or with no action at all
# (vocab.PLAN_STATES says what each means).
PLAN_CHOICES = ("overdue", "no_plan")


@dataclass(frozen=True)
class Choices:
    """What the published data offers, for checking link values (read from the database by the read side).

    ``cycles_of`` maps each state under review to its cycles, ascending. ``recommendation_exists`` answers
    whether an id is in the data (ids are too many to list at global scale), ``chain_exists`` whether
    an id names a chain of recurring recommendations. ``first_assessment`` (None: the data has none)
    and ``built`` (the day the database was built, UTC) bound the days ``as_of`` may name.
    """

    states_under_review: Sequence[str]
    cycles_of: Mapping[str, Sequence[int]]
    recommending_states: Sequence[str]
    regional_groups: Sequence[str]
    themes: Sequence[str]
    ministries: Sequence[str]
    recommendation_exists: Callable[[str], bool] = field(default=lambda _id: False, compare=False)
    chain_exists: Callable[[str], bool] = field(default=lambda _id: False, compare=False)
    first_assessment: date | None = None
    built: date | None = None

    @property
    def all_cycles(self) -> list[int]:
        return sorted({c for cycles in self.cycles_of.values() for c in cycles})

    def default_state_under_review(self) -> str:
        if PREFERRED_STATE_UNDER_REVIEW in self.states_under_review:
            return PREFERRED_STATE_UNDER_REVIEW
        return self.states_under_review[0] if self.states_under_review else ""

    def default_cycle(self, state_under_review: str) -> int | None:
        """The latest cycle of the state under review (None, all cycles, when it has none)."""
        cycles = self.cycles_of.get(state_under_review) or self.all_cycles
        return max(cycles) if cycles else None


@dataclass(frozen=True)
class Selection:
    """Which recommendations the reader chose: what every query's WHERE clause is made from.

    Hashable, so cached queries take it as an argument. ``cycle`` None means every cycle; empty tuples
    and None mean "any". ``sdg`` is a goal number ("16"), matching a goal or any of its targets.
    ``as_of`` None means statuses as they stand now; a day means as they stood on it.
    ``today``: the session's day, on which the plan's due dates are judged when ``as_of`` is None
    (None: the database's current date); set by the session, never by a link.
    """

    state_under_review: str
    cycle: int | None
    response: str | None = None
    recommending_states: tuple[str, ...] = ()
    regional_group: str | None = None
    themes: tuple[str, ...] = ()
    ministries: tuple[str, ...] = ()
    status: str | None = None
    assessor: str | None = None
    search: str = ""
    sdg: str | None = None
    as_of: date | None = None
    plan: str | None = None  # one of PLAN_CHOICES
    today: date | None = None


@dataclass(frozen=True)
class View:
    """One reader's view: the page, the selection, the page's own choices and the language."""

    selection: Selection
    page: str = ""  # the page's URL path: "" (Overview), "acceptance", "ministries", ...
    lang: str = DEFAULT_LANGUAGE
    order: str = "count"  # acceptance: how the long charts are ordered (?by=)
    role: str = "lead"  # ministries: which assignments a ministry's progress counts (?role=)
    rec: str = ""  # explore: the recommendation opened in full (?rec=)
    chain: str = ""  # recurring: the chain opened in full, by its id (?chain=)

    def on(self, page: str) -> View:
        """The same selection and language on another page (that page's own choices at their defaults)."""
        return View(self.selection, page=page, lang=self.lang)

    def to_params(self) -> list[tuple[str, str]]:
        """The URL pairs that reopen exactly this view, in a stable order (repeated keys for lists)."""
        pairs: list[tuple[str, str]] = []
        for param in PARAMS:
            if param.pages is not None and self.page not in param.pages:
                continue
            pairs += [(param.key, v) for v in param.wire(self)]
        return pairs

    def link(self, page: str | None = None) -> str:
        """A site-relative link to this view (or to the same selection on ``page``), e.g. "/noted?sur=...".

        ``page`` other than the view's own drops this page's own choices.
        """
        target = self if page is None or page == self.page else self.on(page)
        query = urlencode(target.to_params())
        return f"/{target.page}" + (f"?{query}" if query else "")

    def share_link(self) -> str:
        """The site-relative link to this view's share page (plain HTML, for chats and articles), e.g.
        "/share/noted?sur=Cambodia&cycle=3": the same parameters as ``link()``."""
        query = urlencode(self.to_params())
        return share_path(self.page) + (f"?{query}" if query else "")


def share_path(page: str) -> str:
    """The path of ``page``'s share page: "/share/overview", "/share/noted", ..."""
    return f"{SHARE_ROOT}/{page or OVERVIEW_SHARE_NAME}"


def page_of_share_name(name: str) -> str | None:
    """The page a share address names ("overview" or "" → "", "noted" → "noted"), None if no page."""
    if name in ("", OVERVIEW_SHARE_NAME):
        return ""
    return name if name in PAGE_PATHS else None


@dataclass(frozen=True)
class Dropped:
    """A link value that was not used: its key, the value as given, and the closest known value if any."""

    key: str
    value: str
    suggestion: str | None = None
    reason: str = (
        "unknown"  # unknown | too_long | too_many | not_a_date | too_early | too_late | no_assessments
    )

    def shown(self) -> str:
        """``key=value`` cut to a readable length (to be shown as text, never as Markdown or HTML)."""
        value = self.value if len(self.value) <= MAX_SHOWN_CHARS else self.value[:MAX_SHOWN_CHARS] + "…"
        return f"{self.key}={value}"


@dataclass(frozen=True)
class Parsed:
    view: View
    dropped: tuple[Dropped, ...] = ()
    unknown_keys: tuple[str, ...] = ()  # keys no page uses (e.g. fbclid): ignored by the dashboard


@dataclass(frozen=True)
class Param:
    """One URL parameter: its key, the View or Selection field it sets, and the pages that own it."""

    key: str
    field: str
    multi: bool = False
    pages: tuple[str, ...] | None = None  # None: shared by every page (the sidebar's filters)

    def wire(self, view: View) -> list[str]:
        """This parameter's URL values for ``view`` (empty: left out of the link)."""
        value = _field(view, self.field)
        if self.key == "cycle":
            return [ALL_CYCLES if value is None else str(value)]
        if self.key == "sur":
            return [value]
        if self.key == "lang":
            return [] if value == DEFAULT_LANGUAGE else [value]
        if self.multi:
            return list(value)
        if value in (None, "", ANY) or value == PAGE_DEFAULTS.get(self.key):
            return []
        return [str(value)]


PAGE_DEFAULTS = {"by": "count", "role": "lead", "rec": "", "chain": ""}

PARAMS: tuple[Param, ...] = (
    Param("sur", "state_under_review"),
    Param("cycle", "cycle"),
    Param("response", "response"),
    Param("state", "recommending_states", multi=True),
    Param("region", "regional_group"),
    Param("theme", "themes", multi=True),
    Param("sdg", "sdg"),
    Param("ministry", "ministries", multi=True),
    Param("status", "status"),
    Param("assessor", "assessor"),
    Param("as_of", "as_of"),
    Param("plan", "plan"),
    Param("q", "search"),
    Param("lang", "lang"),
    Param("by", "order", pages=("acceptance",)),
    Param("role", "role", pages=("ministries",)),
    Param("rec", "rec", pages=("explore",)),
    Param("chain", "chain", pages=("recurring",)),
)
PARAMS_BY_KEY = {p.key: p for p in PARAMS}
# Parameters Streamlit itself reads (embedding): accepted everywhere, never part of the view.
STREAMLIT_KEYS = ("embed", "embed_options")


def page_keys(page: str) -> tuple[str, ...]:
    """The URL keys that mean something on ``page``: the shared ones and the page's own."""
    return tuple(p.key for p in PARAMS if p.pages is None or page in p.pages)


def parse(
    params: Mapping[str, Sequence[str]], choices: Choices, page: str = "", today: date | None = None
) -> Parsed:
    """Read a link's parameters (key → every value given, as ``st.query_params.get_all`` returns them).

    Returns the view and what was dropped. A value that matches a known one except for case, spaces
    or Unicode form is taken as that one. For a single-valued key the last valid value wins (as a
    browser form would); an unknown value is dropped, with the closest known value when one is close.
    Page-owned keys on another page are ignored (a link to the Overview with ``rec=`` is not wrong).
    ``today`` (the session's day) becomes the selection's ``today``. Never raises on any input.
    """
    dropped: list[Dropped] = []
    owned = set(page_keys(page))
    unknown = tuple(k for k in params if k not in PARAMS_BY_KEY and k not in STREAMLIT_KEYS)

    def values(key: str) -> list[str]:
        given = [str(v) for v in params.get(key, [])] if key in owned else []
        if len(given) > MAX_VALUES:
            dropped.append(Dropped(key, f"{len(given) - MAX_VALUES} more values", reason="too_many"))
            given = given[:MAX_VALUES]
        return given

    def pick(key: str, known: Iterable[str], multi: bool = False) -> list[str]:
        given = values(key)
        if not given:  # most keys, most runs: no index of thousands of folded names to build
            return []
        index = _Index(known)
        kept: list[str] = []
        for value in given:
            found = index.find(value)
            if found is None:
                dropped.append(Dropped(key, value, index.closest(value)))
            elif found not in kept:
                kept.append(found)
        return kept if multi else kept[-1:]

    sur = next(iter(pick("sur", choices.states_under_review)), choices.default_state_under_review())
    cycles = [str(c) for c in choices.all_cycles] + [ALL_CYCLES]
    cycle_wire = next(iter(pick("cycle", cycles)), None)
    if cycle_wire is None:
        cycle = choices.default_cycle(sur)
    else:
        cycle = None if cycle_wire == ALL_CYCLES else int(cycle_wire)
    search = ""
    for value in values("q")[-1:]:
        if len(value) > MAX_SEARCH_CHARS:
            dropped.append(Dropped("q", value, reason="too_long"))
        else:
            search = " ".join(value.split())
    rec = _one_id(values("rec"), choices.recommendation_exists, "rec", dropped)
    chain = _one_id(values("chain"), choices.chain_exists, "chain", dropped)
    as_of = None
    for value in values("as_of"):
        day, problem = _day(value, choices)
        if problem:
            dropped.append(problem)
        else:
            as_of = day
    selection = Selection(
        state_under_review=sur,
        cycle=cycle,
        response=_single(pick("response", [ANY, *RESPONSES])),
        recommending_states=tuple(pick("state", choices.recommending_states, multi=True)),
        regional_group=_single(pick("region", [ANY, *choices.regional_groups])),
        themes=tuple(pick("theme", choices.themes, multi=True)),
        ministries=tuple(pick("ministry", choices.ministries, multi=True)),
        status=_single(pick("status", [ANY, *STATUSES])),
        assessor=_single(pick("assessor", [ANY, *ASSESSORS])),
        search=search,
        sdg=_single(pick("sdg", [ANY, *SDG_GOALS])),
        as_of=as_of,
        plan=_single(pick("plan", [ANY, *PLAN_CHOICES])),
        today=today,
    )
    view = View(
        selection,
        page=page,
        lang=next(iter(pick("lang", LANGUAGES)), DEFAULT_LANGUAGE),
        order=next(iter(pick("by", ORDERS)), "count"),
        role=next(iter(pick("role", ROLE_CHOICES)), "lead"),
        rec=rec,
        chain=chain,
    )
    return Parsed(view, tuple(dropped), unknown)


def _one_id(given: list[str], exists: Callable[[str], bool], key: str, dropped: list[Dropped]) -> str:
    """The last id of ``given`` that ``exists`` (every other non-empty one is dropped and named)."""
    kept = ""
    for value in given:
        if not value:
            continue
        if len(value) <= MAX_SEARCH_CHARS and exists(value):
            kept = value
        else:
            dropped.append(Dropped(key, value))
    return kept


def _day(value: str, choices: Choices) -> tuple[date | None, Dropped | None]:
    """An ``as_of`` value as a day the data can answer for, or why it cannot (with the nearest day)."""
    text = value.strip()
    try:
        day = date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
    except ValueError:  # 2023-02-30
        day = None
    if day is None:
        return None, Dropped("as_of", value, reason="not_a_date")
    first, built = choices.first_assessment, choices.built
    if first is None:
        return None, Dropped("as_of", value, reason="no_assessments")
    if day < first:
        return None, Dropped("as_of", value, first.isoformat(), reason="too_early")
    if built is not None and day > built:
        return None, Dropped("as_of", value, built.isoformat(), reason="too_late")
    return day, None


def parse_language(values: Sequence[str]) -> str:
    """The interface language a link's ``lang`` values ask for (the last known one), English otherwise."""
    known = [fold(v) for v in values if fold(v) in LANGUAGES]
    return known[-1] if known else DEFAULT_LANGUAGE


def _single(kept: list[str]) -> str | None:
    return kept[-1] if kept and kept[-1] != ANY else None


def _field(view: View, name: str):
    return getattr(view, name) if hasattr(view, name) else getattr(view.selection, name)


def fold(text: str) -> str:
    """How two spellings of one link value are compared: Unicode form (NFC), case and spacing don't matter."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class _Index:
    """Known values by their folded form, for exact-but-for-spelling matches and "did you mean"."""

    def __init__(self, known: Iterable[str]):
        self.by_fold: dict[str, str] = {}
        for value in known:
            self.by_fold.setdefault(fold(value), value)

    def find(self, value: str) -> str | None:
        return self.by_fold.get(fold(value))

    def closest(self, value: str) -> str | None:
        if len(value) > MAX_SHOWN_CHARS:
            return None
        found = difflib.get_close_matches(fold(value), list(self.by_fold), n=1, cutoff=0.75)
        return self.by_fold[found[0]] if found else None
