"""Progress of a long transfer or parse: a tqdm bar on a terminal, a few plain lines otherwise.

A bar redrawn with carriage returns is noise in a log file or CI output, so when stderr is not a
terminal the same progress is printed as one line per step (a tenth of the total, at least 10 MB;
every 50 MB when the total is unknown) and a final line is left to the caller.
"""

from __future__ import annotations

import sys
from typing import TextIO

MB = 2**20
_MIN_STEP = 10 * MB
_UNKNOWN_STEP = 50 * MB


def megabytes(count: int) -> str:
    """``count`` bytes as "12.3 MB" (MiB, as download tools count)."""
    return f"{count / MB:,.1f} MB"


class Progress:
    """Bytes done out of ``total`` (``None`` when unknown), starting at ``initial`` (a resumed transfer).

    Use as a context manager; call ``update(n)`` with each chunk's size.
    """

    def __init__(self, label: str, total: int | None, initial: int = 0, stream: TextIO | None = None):
        self.label, self.total, self.done = label, total, initial
        self.stream = stream or sys.stderr
        self._bar = None
        if self.stream.isatty():
            from tqdm import tqdm  # imported here: only a terminal needs it

            self._bar = tqdm(
                total=total, initial=initial, desc=label, unit="B", unit_scale=True,
                unit_divisor=1024, file=self.stream, dynamic_ncols=True, leave=True,
            )  # fmt: skip
        step = max(total // 10, _MIN_STEP) if total else _UNKNOWN_STEP
        self._step = step
        self._next = (initial // step + 1) * step

    def update(self, count: int) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            return
        if self.done >= self._next and (self.total is None or self.done < self.total):
            share = f" ({self.done / self.total:.0%})" if self.total else ""
            of = f" of {megabytes(self.total)}" if self.total else ""
            print(f"  {self.label}: {megabytes(self.done)}{of}{share}", file=self.stream, flush=True)
            self._next = (self.done // self._step + 1) * self._step

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
