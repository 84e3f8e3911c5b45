"""The benchmark generator is deterministic and its output is valid canonical data that reconciles."""

from __future__ import annotations

import hashlib

from benchmarks.generate import generate, member_states
from etl import build


def digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def test_the_same_seed_gives_byte_identical_files_and_another_seed_does_not(tmp_path):
    first = generate(tmp_path / "a", scale=0.02, limit_states=6)
    generate(tmp_path / "b", scale=0.02, limit_states=6)
    generate(tmp_path / "c", scale=0.02, limit_states=6, seed=1)
    assert len(digests(tmp_path / "a")) == 7
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert digests(tmp_path / "a")["recommendations.csv"] != digests(tmp_path / "c")["recommendations.csv"]
    assert first["official_totals"] == 6 * 4  # every state in every cycle


def test_the_output_builds_with_the_etl_and_reconciles_with_its_official_totals(tmp_path):
    counts = generate(tmp_path / "data", scale=0.02, limit_states=6)
    result = build.run(tmp_path / "data", tmp_path / "db" / "upr.duckdb")
    assert result.differences == []
    for table in ("recommendations", "assignments", "progress", "official_totals", "ministries"):
        assert result.row_counts[table] == counts[table]
    assert counts["progress"] > 2 * counts["recommendations"]


def test_the_world_is_every_un_member_state():
    states = member_states()
    assert len(states) == 193
    assert {"Cambodia", "France", "Brazil"} <= {name for name, _, _ in states}


def test_the_generated_texts_give_the_linker_repeated_asks_to_find(tmp_path):
    from etl.__main__ import main as etl_main

    generate(tmp_path / "data", scale=0.05, limit_states=4)
    assert etl_main(["link", "--data-dir", str(tmp_path / "data")]) == 0  # illustrative: nothing linked
    assert (tmp_path / "data" / "recurrence_links.csv").read_text().count("\n") == 1
    assert etl_main(["link", "--data-dir", str(tmp_path / "data"), "--include-illustrative"]) == 0
    result = build.run(tmp_path / "data", tmp_path / "db" / "upr.duckdb")
    later = sum(1 for line in (tmp_path / "data" / "recommendations.csv").open() if "-C1-" not in line) - 1
    assert 0.1 * later < result.row_counts["recurrence_links"] < 3 * later
    assert result.row_counts["recurrence_chains"] > 0
