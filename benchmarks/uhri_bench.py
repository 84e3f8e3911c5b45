"""Peak memory and time of ``python -m etl fetch uhri``'s parse step on a generated ~400 MB export.

    python -m benchmarks.uhri_bench [--mb 400]     # this measurement alone, printed as its table

The export (``benchmarks/uhri_export.py``: the JSON layout of FORMATS.md, 1,000 UPR records of
Cambodia among treaty-body, special-procedure and other states' records) is generated in a temporary
folder and deleted afterwards. The parse (``etl.fetch.uhri_stream.keep_upr``) runs in a fresh
interpreter, so its peak RSS (``VmHWM``) is the parse's; the same interpreter with the same imports
and no parse gives the floor (Python, ijson, openpyxl, pycountry). Target: peak < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.uhri_export import upr_record, write_export

ROOT = Path(__file__).resolve().parent.parent
RSS_TARGET_MB = 300.0
KEPT = 1000  # about Cambodia's UPR recommendations over four cycles

_PROBE = """
import json, sys, time
from pathlib import Path
from etl.fetch import uhri_stream
from etl.importers import countries
countries.resolve("Cambodia")  # the country tables, loaded in both runs
def peak_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
result = {"floor_mb": peak_mb()}
if sys.argv[1] != "-":
    started = time.perf_counter()
    kept = uhri_stream.keep_upr(Path(sys.argv[1]), {"Cambodia"}, Path(sys.argv[2]))
    result |= {"parse_s": time.perf_counter() - started, "records": kept.records, "kept": kept.kept}
result["peak_mb"] = peak_mb()
print(json.dumps(result))
"""


def _probe(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(work: Path, megabytes: int = 400) -> dict:
    """Generate a ``megabytes`` export in ``work``, parse it in a fresh process; figures in MB and s."""
    path = work / "export-full-en.json"
    records = [
        upr_record("Cambodia", f"{100 + n // 250}.{n % 250 + 1}", ("Supported", "Noted")[n % 5 == 0], ["France"],
                   (6, 18, 32, 46)[n % 4], 800000 + n)
        for n in range(KEPT)
    ]  # fmt: skip
    started = time.perf_counter()
    write_export(path, records, megabytes * 2**20)
    generated_s = time.perf_counter() - started
    size_mb = path.stat().st_size / 2**20
    floor = _probe("-")
    parsed = _probe(str(path), str(work / "kept"))
    path.unlink()
    return {
        "export_mb": size_mb,
        "generate_s": generated_s,
        "records": parsed["records"],
        "kept": parsed["kept"],
        "parse_s": parsed["parse_s"],
        "mb_per_s": size_mb / parsed["parse_s"],
        "peak_rss_mb": parsed["peak_mb"],
        "floor_rss_mb": floor["peak_mb"],
    }


def markdown(entry: dict) -> list[str]:
    """The table of ``measure``'s figures, beside the target."""
    met = "met" if entry["peak_rss_mb"] < RSS_TARGET_MB else "**missed**"
    return [
        "#### UHRI export parse (`python -m etl fetch uhri`: stream the export, keep one state's UPR records)",
        "",
        "| export MB | records | kept | parse s | MB/s | peak RSS MB | of which Python + imports MB | target |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {entry['export_mb']:,.0f} | {entry['records']:,} | {entry['kept']:,} | {entry['parse_s']:.1f} | "
        f"{entry['mb_per_s']:.0f} | {entry['peak_rss_mb']:.0f} | {entry['floor_rss_mb']:.0f} | "
        f"< {RSS_TARGET_MB:g} MB: {met} |",
        "",
        f"Generated in {entry['generate_s']:.1f} s (deleted after the run).",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.uhri_bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--mb", type=int, default=400, help="size of the generated export (default 400)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="upr-uhri-bench-") as tmp:
        print("\n".join(markdown(measure(Path(tmp), args.mb))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
