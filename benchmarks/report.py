"""The benchmark results as markdown tables, each figure beside its target."""

from __future__ import annotations

ETL_TARGET = 3.0  # ETL on the global set ≤ 3 × the read_csv floor
CHANGE_TARGET_MS = 150.0  # filter change median ≤ 150 ms server-side at global scale
CHART_TARGETS = {"bundled": 1.3, "global": 1.6}  # time to last chart ≤ × the minimal page
MEMORY_TARGET = 1.5  # RSS with 10 sessions ≤ 1.5 × one session
LINK_OVERHEAD_TARGET = 0.25  # the links' part of the ordinary build: ≤ 25 % more than without them
NAMES = {"bundled": "Cambodia (bundled)", "global": "global (generated)", "real": "UPR Info 2015 (real)"}


def _verdict(value: float, limit: float) -> str:
    return f"≤ {limit:g}: {'met' if value <= limit else '**missed**'}"


def markdown(results: dict) -> str:
    datasets = results["datasets"]
    machine = results["machine"]
    out = [
        f"Machine: {machine['cpus']} × {machine['cpu']}, Python {machine['python']}, load average at start "
        f"{machine['load_average'][0]:.1f}; {machine['date']}"
        + (" — **--quick** (small scale, single runs)" if results["quick"] else ""),
        f"Global set: scale {results['scale']:g}, generated in {results['generate_s']:.1f} s. "
        f"Repeats: {results['repeats']}.",
        "",
        "### ETL (`python -m etl`) against DuckDB's bare `read_csv` of the same files",
        "",
        "| dataset | recommendations | assessments | CSV MB | ETL build s | read_csv floor s | ratio | target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, entry in datasets.items():
        etl = entry["etl"]
        target = _verdict(etl["ratio"], ETL_TARGET) if name == "global" else ""
        out.append(
            f"| {NAMES[name]} | {etl['rows']['recommendations']:,} | {etl['rows']['progress']:,} | "
            f"{etl['csv_mb']:.1f} | {etl['build_s']:.2f} | {etl['floor_s']:.2f} | {etl['ratio']:.1f}× | {target} |"
        )
    out += _linking(results.get("linking", {}))
    out += ["", "### Server-side script time per page (AppTest), median / p95 in ms", ""]
    header = "| page | " + " | ".join(f"{NAMES[n]}: first view | {NAMES[n]}: filter change" for n in datasets)
    out += [header + " |", "|---|" + "---:|---:|" * len(datasets)]
    pages = next(iter(datasets.values()))["server"]
    for page in pages:
        cells = []
        for name, entry in datasets.items():
            timing = entry["server"][page]
            if "error" in timing:
                cells += ["**error**", timing["error"]]
                continue
            change = f"{timing['change']['median_ms']:.0f} / {timing['change']['p95_ms']:.0f}"
            if name == "global" and timing["change"]["median_ms"] > CHANGE_TARGET_MS:
                change += " **missed**"
            cells += [f"{timing['first']['median_ms']:.0f} / {timing['first']['p95_ms']:.0f}", change]
        out.append(f"| {page} | " + " | ".join(cells) + " |")
    out.append(f"\nTarget: filter change median ≤ {CHANGE_TARGET_MS:g} ms at global scale.")

    if "uhri" in results:
        from benchmarks.uhri_bench import markdown as uhri_markdown

        out += ["", *uhri_markdown(results["uhri"])]

    if "api" in results:
        from benchmarks.api_bench import markdown as api_markdown

        out += ["", *api_markdown(results["api"])]

    if "load" in results:
        from benchmarks.load_bench import markdown as load_markdown

        out += ["", *load_markdown(results["load"])]

    browsed = [n for n in datasets if "browser" in datasets[n]]
    if browsed:
        out += ["", "### Browser: navigation to the last chart drawn (new context each time), median s", ""]
        out += [
            "| page | charts | " + " | ".join(NAMES[n] for n in browsed) + " |",
            "|---|---:|" + "---:|" * len(browsed),
        ]
        out.append(
            "| minimal page (one Plotly chart) | 1 | "
            + " | ".join(f"{datasets[n]['browser']['minimal_s']:.2f}" for n in browsed)
            + " |"
        )
        out.append(
            "| the same with a page's kinds of elements, no data (Streamlit's own cost) | 1 | "
            + " | ".join(
                f"{datasets[n]['browser']['elements_s']:.2f} ({datasets[n]['browser']['elements_ratio']:.2f}×)"
                for n in browsed
            )
            + " |"
        )
        for page in pages:
            cells = []
            for name in browsed:
                timing = datasets[name]["browser"][page]
                limit = CHART_TARGETS[name]
                mark = (
                    "" if timing["charts"] == 0 else (" met" if timing["ratio"] <= limit else " **missed**")
                )
                cells.append(f"{timing['median_s']:.2f} ({timing['ratio']:.2f}× ≤ {limit:g}×{mark})")
            charts = datasets[browsed[0]]["browser"][page]["charts"]
            out.append(f"| {page} | {charts} | " + " | ".join(cells) + " |")
        out.append("\nA page with no chart is timed to its script going idle (no target).")
        out += ["", "### Transfer and memory", ""]
        out += ["| dataset | cold load of / : HTTP MB (requests) | WebSocket KB | RSS 1 session MB | RSS with N sessions MB | ratio | target |",
                "|---|---:|---:|---:|---:|---:|---|"]  # fmt: skip
        for name in browsed:
            sent, memory = datasets[name]["bytes"], datasets[name]["memory"]
            many = memory[f"rss_{memory['sessions']}_mb"]
            out.append(
                f"| {NAMES[name]} | {sent['http'] / 2**20:.1f} ({sent['requests']}) | {sent['websocket'] / 1024:.0f} | "
                f"{memory['rss_1_mb']:.0f} | {many:.0f} (N={memory['sessions']}) | {memory['ratio']:.2f}× | "
                f"{_verdict(memory['ratio'], MEMORY_TARGET)} |"
            )
    if "share" in results:
        from benchmarks.share_bench import markdown as share_markdown

        out += ["", *share_markdown(results["share"])]
    return "\n".join(out)


def _linking(linking: dict) -> list[str]:
    """Recurring recommendations: the linking step, and its links' cost in the ordinary build."""
    if not linking:
        return []
    out = [
        "",
        "### Recurring recommendations: `python -m etl link` (its own step) and its links in the build",
        "",
        "| dataset | recommendations with texts | states under review | links | chains | linking s | "
        "build without / with links: wall s | CPU s | build overhead: wall | CPU | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, m in linking.items():
        out.append(
            f"| {NAMES[name]} | {m['texts']:,} | {m['states']} | {m['links']:,} | {m['chains']:,} | "
            f"{m['link_s']:.1f} | {m['build_without_s']:.2f} / {m['build_with_s']:.2f} | "
            f"{m['build_without_cpu_s']:.2f} / {m['build_with_cpu_s']:.2f} | {100 * m['overhead']:+.0f} % | "
            f"{100 * m['cpu_overhead']:+.0f} % | "
            f"≤ {100 * LINK_OVERHEAD_TARGET:.0f} %: "
            f"{'met' if max(m['overhead'], m['cpu_overhead']) <= LINK_OVERHEAD_TARGET else '**missed**'} |"
        )
    out.append(
        "\nThe build only validates and joins recurrence_links.csv (and recurrences.csv); comparing texts is "
        "`python -m etl link`. The global set's texts are generated (benchmarks/texts.py)."
    )
    return out
