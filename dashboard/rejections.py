"""A refused data update's report as rows a reader can scan: file, line, column, value, what was expected.

The build reports each problem as ``FILE:LINE: column: value: expected`` on its own line, at most 50
of them, then "... and N more problem(s) not shown" (etl/problems.py). Here that text becomes rows
(the first ``MAX_SHOWN``) and the count of the rest. A line that is not a problem of a file (the
operating system's message, e.g. a read-only folder) is kept whole in ``expected``.
"""

from __future__ import annotations

import re

import pandas as pd

MAX_SHOWN = 50
_PROBLEM = re.compile(r"^(?P<file>[^:\n]+?):(?P<line>\d+): (?P<column>[^:\n]+): (?P<rest>.*)$")
_MORE = re.compile(r"^\.\.\. and (?P<n>\d+) more problem")
COLUMNS = ["file", "line", "column", "value", "expected"]


def problems(report: str) -> tuple[pd.DataFrame, int]:
    """The report's problems as rows (columns file, line, column, value, expected; at most
    ``MAX_SHOWN``) and how many more there are."""
    rows, more = [], 0
    for text in report.splitlines():
        if not text.strip():
            continue
        hidden = _MORE.match(text)
        if hidden:
            more += int(hidden["n"])
            continue
        found = _PROBLEM.match(text)
        if found is None:
            rows.append({"file": "", "line": None, "column": "", "value": "", "expected": text})
            continue
        # The value is what comes before the next ": " (the build shows a value with odd characters
        # in quotes); the rest is what was expected, e.g. "not found: expected a name from states.csv".
        value, _, expected = found["rest"].partition(": ")
        rows.append(
            {"file": found["file"], "line": int(found["line"]), "column": found["column"], "value": value,
             "expected": expected}
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"line": "Int64"})
    return frame.head(MAX_SHOWN), more + max(len(frame) - MAX_SHOWN, 0)
