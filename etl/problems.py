"""A problem found in an input file, reported as ``FILE:LINE: column: value: what was expected``."""

from __future__ import annotations

from dataclasses import dataclass, field

# Enough to fix a spreadsheet in one sitting without drowning the terminal.
MAX_REPORTED = 50
# The order of a report: what stops a table from loading comes first, then the one-line counts of what
# only follows from it (references into it), then everything else; by file and line within each.
CANNOT_LOAD, FOLLOWS, OTHER = 0, 1, 2


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    expected: str
    rank: int = field(default=OTHER, compare=False)

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        # repr() keeps invisible characters (spaces, NULs, newlines) visible in the message.
        shown = repr(value) if value != value.strip() or not value.isprintable() else value
        # A suggestion may quote a file's value: keep the message on one line whatever that value holds.
        expected = "".join(c if c.isprintable() else repr(c)[1:-1] for c in self.expected)
        return f"{self.file}:{self.line}: {self.column}: {shown}: {expected}"


class BuildFailed(Exception):
    """The input cannot be published; ``problems`` says exactly why."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.rank, p))
        super().__init__(f"{len(problems)} problem(s) in the input")

    def report(self) -> str:
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(f"... and {hidden} more problem(s) not shown")
        return "\n".join(shown)
