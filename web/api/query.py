"""What an API request asks for: the reader's view (the dashboard's parser) plus the API's own keys.

Every key a dashboard link may carry is accepted: the view's parameters (checked as the dashboard
checks them), Streamlit's embedding keys and the tracking keys chat and ad platforms append
(``fbclid``, ``utm_*``...), which change nothing and are named in ``meta.ignored``, as are another
page's own keys. The API's own keys page through long answers. Any other key, and any value the
dashboard would drop, makes the request a 400: a program is better told than silently given
another view.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dashboard.view import PARAMS_BY_KEY, STREAMLIT_KEYS, Choices, Dropped, Parsed, View, page_keys, parse

DEFAULT_LIMIT = 1000  # rows per answer: a whole review (at most a few hundred) in one page
MAX_LIMIT = 5000
PAGING_KEYS = ("limit", "offset", "version")
# Added by chat apps, social networks and newsletters to links people share: never part of a view.
TRACKING_KEYS = ("fbclid", "gclid", "dclid", "msclkid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga")
TRACKING_PREFIXES = ("utm_",)
# A data version's name (web/caching.data_version): a file name's stem, e.g. upr-20261130T101500-123456789.
VERSION_SHAPE = re.compile(r"[A-Za-z0-9._-]{1,100}")


@dataclass(frozen=True)
class ApiQuery:
    """A request's view, its paging and what it named that does not apply (ignored) or is wrong (dropped).

    ``version``: the data version the request pins (a ``next`` link does), or None.
    """

    view: View
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    version: str | None = None
    ignored: tuple[str, ...] = ()
    dropped: tuple[Dropped, ...] = ()


def is_tracking(key: str) -> bool:
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def read(params: Mapping[str, Sequence[str]], choices: Choices, page: str, paged: bool) -> ApiQuery:
    """The API query of ``params`` (key → values) for the dashboard page ``page`` (its own keys apply).

    ``paged``: whether the endpoint takes ``limit``/``offset``/``version``. Never raises.
    """
    parsed: Parsed = parse(params, choices, page)
    dropped = list(parsed.dropped)
    own = set(page_keys(page))
    api_keys = PAGING_KEYS if paged else ()
    ignored = [k for k in params if k in PARAMS_BY_KEY and k not in own]
    ignored += [k for k in params if k in STREAMLIT_KEYS or is_tracking(k)]
    known = [*PARAMS_BY_KEY, *api_keys]
    for key in params:
        if key in PARAMS_BY_KEY or key in api_keys or key in STREAMLIT_KEYS or is_tracking(key):
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        value = (list(params[key]) or [""])[-1]
        dropped.append(Dropped(key, value, close[0] if close else None, reason="unknown_parameter"))
    limit = _number(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, dropped) if paged else DEFAULT_LIMIT
    offset = _number(params, "offset", 0, 0, None, dropped) if paged else 0
    version = (list(params.get("version", [])) or [None])[-1] if paged else None
    if version and not VERSION_SHAPE.fullmatch(version):
        dropped.append(Dropped("version", version))
        version = None
    return ApiQuery(parsed.view, limit, offset, version or None, tuple(ignored), tuple(dropped))


def _number(params, key: str, default: int, low: int, high: int | None, dropped: list[Dropped]) -> int:
    """The last value of ``key`` as a whole number in [low, high]; a wrong one is dropped with the
    nearest allowed value as its suggestion."""
    values = list(params.get(key, []))
    if not values:
        return default
    text = values[-1].strip()
    try:
        number = int(text) if text.isascii() and text.lstrip("-").isdigit() and len(text) < 19 else None
    except ValueError:
        number = None
    if number is None:
        dropped.append(Dropped(key, values[-1]))
        return default
    nearest = max(low, number if high is None else min(high, number))
    if nearest != number:
        dropped.append(Dropped(key, values[-1], str(nearest)))
    return nearest
