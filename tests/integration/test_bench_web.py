"""`bank bench-web` serves the real search page to concurrent users and reports latency."""

from __future__ import annotations

import re

from bank.webbench import bench_web_command


def test_the_web_bench_reports_percentiles_and_no_errors(runner, demo_catalogue):
    result = runner.invoke(
        bench_web_command, ["--users", "3", "--requests", "2", "--processes", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "offers: 75; app processes: 1; users: 3; pause: 0 ms; requests: 6" in result.output
    assert re.search(r"p50 [\d.]+ ms  p95 [\d.]+ ms  max [\d.]+ ms  errors 0 ", result.output)


def test_the_web_bench_refuses_an_empty_catalogue(runner):
    result = runner.invoke(bench_web_command, ["--users", "1", "--requests", "1"])
    assert result.exit_code != 0
    assert "the catalogue is empty" in result.output
