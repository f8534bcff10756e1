"""`bank bench --compare bm25s` measures the mapped index and bm25s in the same run."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bank.engine_cli import bench_command


def test_the_bench_maps_the_saved_index_and_measures_bm25s_beside_the_engine():
    result = CliRunner().invoke(
        bench_command, ["--offers", "300", "--needs", "5", "--compare", "bm25s", "--json"]
    )
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output)
    for key in (
        "rank_p95_ms",
        "first_stage_p95_ms",
        "mapped_load_s",
        "mapped_private_mib",
        "mapped_shared_mib",
        "mapped_files_mib",
        "mapped_rank_p95_ms",
        "bm25s_build_s",
        "bm25s_p95_ms",
        "bm25s_matrix_mib",
        "bm25s_load_before",
    ):
        assert key in numbers, key
    assert numbers["mapped_files_mib"] > 0 and numbers["bm25s_matrix_mib"] > 0


def test_the_bench_table_names_bm25s_only_when_asked():
    asked = CliRunner().invoke(
        bench_command, ["--offers", "200", "--needs", "3", "--compare", "bm25s"]
    )
    assert "| bm25s: rank one need |" in asked.output
    plain = CliRunner().invoke(bench_command, ["--offers", "200", "--needs", "3"])
    assert "bm25s" not in plain.output and "| saved index, mapped by a new process |" in (
        plain.output
    )
