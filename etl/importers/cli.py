"""``python -m etl import ...``: read a downloaded file, write canonical CSVs, print a summary that adds up.

Exit status: 0 imported, 2 the file could not be read (one error line, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from etl.importers import merge
from etl.importers.model import ImportResult, SourceError
from vocab import RESPONSES

_MAX_NOTES = 25  # the summary lists this many notes; the rest are counted


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl import",
        description="Import a downloaded list of UPR recommendations into a data folder.",
    )
    commands = parser.add_subparsers(dest="format", required=True)

    upr = commands.add_parser("upr-info", help="UPR Info database export (2015): XLS or its CSV conversions")
    upr.add_argument("files", nargs="+", type=Path, metavar="FILE")
    upr.add_argument("--paragraphs", action="append", type=Path, default=[], metavar="CSV",
                     help="a paragraph list (one row per report paragraph and state) to assign paragraphs "
                          "and merge joint recommendations; may be repeated")  # fmt: skip

    uhri = commands.add_parser("uhri", help="OHCHR Universal Human Rights Index export (.xlsx or .json)")
    uhri.add_argument("files", nargs=1, type=Path, metavar="FILE")

    matrix = commands.add_parser("ohchr-matrix", help='OHCHR Word "thematic list of recommendations" (.docx)')
    matrix.add_argument("files", nargs=1, type=Path, metavar="FILE")
    matrix.add_argument("--cycle", type=int, help="the UPR cycle (default: the cycle of the WG session)")
    matrix.add_argument("--session", type=int, help='the WG session (default: from an "UPR48_..." file name)')

    for command in (upr, uhri, matrix):
        command.add_argument(
            "--out", type=Path, required=True, metavar="DIR", help="the data folder to write"
        )
        command.add_argument("--state", action="append", default=[], metavar="NAME",
                             help="import only this state under review (may be repeated)")  # fmt: skip
    return parser


def _read(args: argparse.Namespace) -> ImportResult:
    # Readers are imported here so that one format's dependency problem never blocks another.
    if args.format == "upr-info":
        from etl.importers import upr_info

        return upr_info.import_export(args.files, args.state, args.paragraphs)
    if args.format == "uhri":
        from etl.importers import uhri

        return uhri.import_file(args.files[0], args.state)
    from etl.importers import ohchr_matrix

    if len(args.state) != 1:
        raise SourceError("ohchr-matrix: give the state under review once with --state NAME")
    return ohchr_matrix.import_file(args.files[0], args.state[0], args.cycle, args.session)


def summary(result: ImportResult) -> list[str]:
    """The lines a user reads: counts that add up to the rows read, then what needs attention."""
    skipped = sum(result.skipped.values())
    reasons = ", ".join(f"{reason}: {n:,}" for reason, n in result.skipped.most_common())
    lines = [
        f"read {result.rows_read:,} rows: {result.imported:,} imported, "
        f"{result.merged:,} merged into joint recommendations, {skipped:,} skipped"
        + (f" ({reasons})" if reasons else "")
    ]
    if result.unaccounted:
        lines.append(f"BUG: {result.unaccounted} rows unaccounted for; please report it")
    states = {r.state_under_review for r in result.recommendations}
    lines.append(f"{len(result.recommendations):,} recommendations for {len(states)} state(s) under review")
    responses = Counter(r.response for r in result.recommendations)
    lines.append("responses: " + ", ".join(f"{responses[r]:,} {r}" for r in RESPONSES if responses[r]))
    if result.unplaced:
        names = ", ".join(f"{name!r} ({n} uses)" for name, n in result.unplaced.most_common())
        lines.append(f"names not placed as a state (imported as written, no ISO3): {names}")
    # Listed whole, never cut at _MAX_NOTES: each is a count the user must check or correct.
    if result.unclassified:
        lines.append(
            f"{len(result.unclassified):,} position(s) not read with confidence: imported with response "
            "'unclassified', counted neither supported nor noted:"
        )
        lines += [f"  {line}" for line in result.unclassified]
    if result.partial:
        lines.append(f"{len(result.partial):,} position(s) supported in part: counted as supported:")
        lines += [f"  {line}" for line in result.partial]
    for note in result.notes[:_MAX_NOTES]:
        lines.append(f"  {note}")
    if len(result.notes) > _MAX_NOTES:
        lines.append(f"  ... and {len(result.notes) - _MAX_NOTES} more notes")
    return lines


def main(argv: list[str]) -> int:
    """Run one import; return the exit status."""
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    try:
        result = _read(args)
        if not result.recommendations:
            raise SourceError(f"{', '.join(str(f) for f in args.files)}: no recommendations found")
        messages = merge.write(args.out, result)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # an odd file must end in one line and status 2, never a traceback
        files = ", ".join(str(f) for f in args.files)
        print(f"error: {files}: could not be imported ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2
    for line in summary(result) + messages:
        print(line)
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s")
    return 0
