"""``python -m etl fetch uhri --state NAME``: download the official export, import one state's reviews, build.

Steps: (1) download the UHRI export into the cache folder (``etl.fetch.download``); (2) stream it and
keep the UPR records of the chosen states (``etl.fetch.uhri_stream``); (3) hand those to the UHRI
importer (``etl.importers.uhri.import_file``) and name the download on every imported row
(``source``: "OHCHR Universal Human Rights Index export, downloaded YYYY-MM-DD from URL"); (4) merge
into the data folder and build, tried on a copy first (``etl.fetch.apply``).

Exit status: 0 imported and published; 2 anything else, with one ``error:`` line naming the URL,
the reason and the manual route, and nothing changed in the data folder or the database.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import paths
from etl.fetch import apply, download, uhri_stream
from etl.fetch.progress import megabytes

# ../shared/upr-data/FORMATS.md: OHCHR's whole-index export (all mechanisms, English).
UHRI_URL = "https://dataex.ohchr.org/uhri/export-results/export-full-en.json"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl fetch",
        description="Download an official list of UPR recommendations, import it and build.",
    )
    sources = parser.add_subparsers(dest="source", required=True)
    uhri = sources.add_parser(
        "uhri",
        help="the OHCHR Universal Human Rights Index export (JSON, ~360 MB; or .xlsx)",
        description="Download the OHCHR Universal Human Rights Index export, keep the UPR recommendations "
        "of the chosen states under review, import them into the data folder and build.",
    )
    uhri.add_argument("--state", action="append", required=True, metavar="NAME",
                      help="the state under review to import (may be repeated)")  # fmt: skip
    uhri.add_argument("--out", type=Path, metavar="DIR", help="the data folder to write (default: data/)")
    uhri.add_argument("--db", type=Path, metavar="PATH",
                      help="the database to publish (default: data/upr.duckdb, or DIR/upr.duckdb with --out)")  # fmt: skip
    uhri.add_argument("--url", default=UHRI_URL,
                      help=f"where to download the export (a mirror, another language, the .xlsx); default {UHRI_URL}")  # fmt: skip
    return parser


def _database(out: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    if out.resolve() == paths.data_dir().resolve():
        return paths.db_path()
    return out / "upr.duckdb"


def main(argv: list[str]) -> int:
    """Run ``fetch``; return the exit status (see the module docstring)."""
    args = _parser().parse_args(argv)
    out = args.out or paths.data_dir()
    states = " ".join(f"--state {shlex.quote(s)}" for s in args.state)
    manual = f"download it in a browser, then: python -m etl import uhri FILE --out {shlex.quote(str(out))} {states}"

    def fail(reason: str, route: bool = True) -> int:
        print(f"error: {args.url}: {reason}" + (f"; {manual}" if route else ""), file=sys.stderr)
        return 2

    from etl.importers.countries import resolve

    placed = {s: resolve(s) for s in args.state}
    unplaced = [s for s, p in placed.items() if p is None]
    if unplaced:
        print(f"error: --state {', '.join(map(repr, unplaced))}: not a state name the importer can place",
              file=sys.stderr)  # fmt: skip
        return 2
    if urlsplit(args.url).scheme not in ("http", "https"):
        return fail("not an http:// or https:// address", route=False)
    try:
        return _run(args, out, {p.name for p in placed.values()}, fail)
    except KeyboardInterrupt:
        print("\ninterrupted: nothing was imported; a partial download is kept and resumed by the next run",
              file=sys.stderr)  # fmt: skip
        return 130


def _run(args: argparse.Namespace, out: Path, states: set[str], fail) -> int:
    database = _database(out, args.db)
    kind = "xlsx" if urlsplit(args.url).path.lower().endswith(".xlsx") else "json"
    cache = paths.download_cache_dir()
    started = time.perf_counter()
    print(f"fetching {args.url}", flush=True)
    try:
        got = download.download(args.url, cache, kind)
    except download.DownloadError as exc:
        return fail(str(exc))
    except OSError as exc:  # the cache folder: disk full, no permission
        return fail(f"cannot write the download to {cache} ({exc.strerror or exc})")
    if got.reused:
        print(f"unchanged since the download of {got.date}: using the cached copy {got.path}")
    else:
        print(
            f"downloaded {megabytes(got.size)} in {time.perf_counter() - started:.1f} s "
            f"(SHA-256 {got.sha256}) to {got.path}"
        )

    iso3 = "-".join(sorted(_iso3(s) for s in states))
    try:
        kept = uhri_stream.keep_upr(got.path, states, got.path.with_name(f"{got.path.stem}.upr-{iso3}"))
    except uhri_stream.NotWellFormed as exc:
        download.discard(got)
        return fail(
            f"the download is not a complete export: {exc}; it was removed from the cache and nothing was imported"
        )
    print(
        f"{got.path.name}: {kept.records:,} records read: kept {kept.kept:,} UPR records of "
        f"{', '.join(sorted(states))}; left aside {kept.other_bodies:,} of other bodies (treaty bodies, "
        f"special procedures...) and {kept.other_states:,} of other states under review"
    )
    if not kept.kept:
        return fail(
            f"no UPR records of {', '.join(sorted(states))} in the export; nothing was changed", route=False
        )
    print(f"kept records written to {kept.path} (row numbers below count its records)")
    return _import(args, kept.path, got, out, database, fail)


def _import(args, kept: Path, got: download.Download, out: Path, database: Path, fail) -> int:
    from etl.importers import cli as import_cli
    from etl.importers import uhri
    from etl.importers.model import SourceError

    try:
        result = uhri.import_file(kept, args.state)
    except SourceError as exc:
        return fail(f"{exc}; nothing was changed", route=False)
    except Exception as exc:  # an odd record must end in one line and status 2, as `import` does
        return fail(
            f"{kept}: could not be imported ({type(exc).__name__}: {exc}); nothing was changed", False
        )
    if not result.recommendations:
        for line in import_cli.summary(result):  # the skip reasons say why (e.g. no answer given yet)
            print(line)
        return fail(f"{kept.name}: no recommendation could be imported; nothing was changed", route=False)
    # The download, named on every row it gave: the dashboard's tables and every export show `source`.
    source = f"{uhri.SOURCE}, downloaded {got.date} from {got.url}"
    for rec in result.recommendations:
        rec.source = source
    try:
        messages, built = apply.apply(result, out, database)
    except apply.Refused as refused:
        for line in refused.messages + [refused.failed.report()]:
            print(line, file=sys.stderr)
        print(
            f"\n{len(refused.failed.problems)} problem(s) with the import merged in (lines as the import would "
            f"write the files); nothing was changed ({out} and {database} are as they were).",
            file=sys.stderr,
        )
        return 2
    except SourceError as exc:
        return fail(f"{exc}; nothing was changed", route=False)
    for line in import_cli.summary(result) + messages:
        print(line)
    print(f'every imported row names its source: "{source}"')
    print(built.summary())
    return 0


def _iso3(state: str) -> str:
    from etl.importers.countries import resolve

    placed = resolve(state)
    return placed.iso3 if placed and placed.iso3 else "".join(c for c in state if c.isalnum())[:12]
