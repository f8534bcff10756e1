"""`bank bench-web` serves the real search page with `bank serve` and reports latency."""

from __future__ import annotations

import re

from bank.bench.web import bench_web_command


def test_the_web_bench_reports_percentiles_restart_and_memory_with_no_errors(
    runner, demo_catalogue
):
    result = runner.invoke(
        bench_web_command,
        [
            "--users",
            "3",
            "--requests",
            "2",
            "--processes",
            "2",
            "--threads",
            "2",
            "--typing-users",
            "2",
            "--typing-pause",
            "50",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "offers: 75; app processes: 2 x 2 threads; a new connection per search" in result.output
    assert re.search(
        r"restart: /healthz after [\d.]+ s; first search \d+ ms \(status 200\)", result.output
    )
    assert re.search(
        r"users: 3; pause: 0 ms: requests 6; p50 [\d.]+ ms  p95 [\d.]+ ms  "
        r"max [\d.]+ ms  errors 0 ",
        result.output,
    )
    assert re.search(
        r"users: 2; pause: 50 ms \(typing\): requests 4; .* errors 0 .*web CPU [\d.]+ ms per",
        result.output,
    )
    assert (
        len(
            re.findall(
                r"web process \d+: own \d+ MiB \([+-]\d+ MiB beside a process with no"
                r" index, \d+ MiB\); mapped files \d+ MiB",
                result.output,
            )
        )
        == 2
    )


def test_the_web_bench_can_keep_each_users_connection_open(runner, demo_catalogue):
    result = runner.invoke(
        bench_web_command,
        ["--users", "2", "--requests", "2", "--processes", "1", "--threads", "1"]
        + ["--typing-users", "0", "--keep-alive"],
    )
    assert result.exit_code == 0, result.output
    assert "1 x 1 threads; connections kept open" in result.output
    assert re.search(r"users: 2; pause: 0 ms: requests 4; .* errors 0 ", result.output)


def test_the_web_bench_refuses_an_empty_catalogue(runner):
    result = runner.invoke(bench_web_command, ["--users", "1", "--requests", "1"])
    assert result.exit_code != 0
    assert "the catalogue is empty" in result.output
