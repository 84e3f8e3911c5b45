"""Server-side script time of every page, measured with Streamlit's AppTest in this process.

Method. AppTest runs the real router (router.py) and page script as a server would, without a browser.
- *First view*: a new session (a new AppTest) after ``st.cache_data.clear()``, i.e. a reader's first
  view right after a data update: every query runs. The router's first run is untimed; the page's run
  is timed (for the Overview, the first run itself).
- *Filter change*: in that session, pick a different recommending state each time (so no cached
  result can answer) and time the rerun.
AppTest runs router.py through a two-line wrapper script in a temporary folder: with router.py itself, a
``pages/`` folder beside it makes AppTest's ``switch_page`` run a page whose url_path equals its file
name (acceptance, noted...) on its own, without the router and its sidebar (Streamlit 1.67).
The time includes AppTest's own work of turning the page's messages into its element tree (a few ms),
so it is an upper bound on what the server spends; the database connection is shared, as on a server.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import duckdb
import streamlit as st
from streamlit.testing.v1 import AppTest

from benchmarks.harness import PAGES, ROOT

ROUTER = f"import runpy\nrunpy.run_path({str(ROOT / 'router.py')!r}, run_name='__main__')\n"


class PageFailed(Exception):
    """The page raised instead of drawing: reported in the table, not timed."""


def _run(at: AppTest, check: bool = True) -> float:
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    if check and at.exception:
        # The message is redacted by .streamlit/config.toml (showErrorDetails = "none"); the traceback
        # is in this run's log (stderr).
        raise PageFailed("raises: see the traceback on stderr")
    return seconds


def _open(page: str) -> tuple[AppTest, float]:
    st.cache_data.clear()
    at = AppTest.from_string(ROUTER, default_timeout=120)
    first = _run(at, check=not PAGES[page])  # another page failing on the way there is not this one's
    if PAGES[page]:
        st.cache_data.clear()
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
        first = _run(at)
    return at, first


def recommending_states(database: Path, sur: str = "Cambodia", limit: int = 40) -> list[str]:
    """The states that made most recommendations to ``sur``: filter values that select something."""
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "SELECT rs.state FROM recommendation_states rs JOIN recommendations r ON r.id = rs.recommendation_id "
            "WHERE r.state_under_review = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?",
            [sur, limit],
        ).fetchall()
    return [state for (state,) in rows]


def summarise(seconds: list[float]) -> dict:
    """Median and 95th percentile (nearest rank) in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000, "runs": len(ordered)}


def measure(database: Path, first_runs: int, change_runs: int, pages=PAGES) -> dict[str, dict]:
    """{page: {"first": summary, "change": summary}} for ``database`` (published path)."""
    previous = os.environ.get("UPR_DB")
    os.environ["UPR_DB"] = str(database)
    states = recommending_states(database) or ["France"]
    try:
        results = {}
        for page in pages:
            firsts, changes = [], []
            try:
                for _ in range(first_runs):
                    at, first = _open(page)
                    firsts.append(first)
                for index in range(change_runs):
                    at.multiselect(key="state").set_value([states[index % len(states)]])
                    changes.append(_run(at))
            except PageFailed as failed:
                results[page] = {"error": str(failed).strip()}
                continue
            results[page] = {"first": summarise(firsts), "change": summarise(changes)}
        return results
    finally:
        if previous is None:
            os.environ.pop("UPR_DB", None)
        else:
            os.environ["UPR_DB"] = previous
