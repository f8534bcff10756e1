"""Measure the engine on a synthetic catalogue: build, ranking latency, double-offer scan.

Each phase runs in a fresh Python process (`python -m bank.bench.engine PHASE ...`), so
its peak resident memory (ru_maxrss) is its own. That peak is the whole process: the
interpreter, the libraries, the generated catalogue and the index; the resident size just
before the measured step is reported beside it.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bank.bench.engine_more import format_more, phase_bm25s, phase_mapped
from bank.bench.synthetic import make_catalogue, make_needs
from bank.matching import CatalogueIndex, NeedRecord, find_double_offers
from bank.matching.learned import Decision, LearnedModel, need_text
from bank.matching.memo import forget
from bank.matching.store import save_index

DECISIONS = 2000  # decisions in the learned model the rank phase measures (a busy year's)


def run_bench(
    n_offers: int, n_needs: int = 200, seed: int = 7, compare: Sequence[str] = ()
) -> dict[str, Any]:
    """Run the measured phases in child processes and return every number.

    The rank phase saves its index; the mapped phase maps it back in a fresh process.
    `compare=("bm25s",)` also measures bm25s on the same catalogue in the same run.
    """
    result: dict[str, Any] = {
        "offers": n_offers,
        "needs": n_needs,
        "seed": seed,
        "machine": machine(),
    }
    with tempfile.TemporaryDirectory(prefix="bank-bench-") as scratch:
        saved = str(Path(scratch) / "index")
        phases = [
            ("rank", saved),
            ("mapped", saved),
            *((name, "") for name in compare),
            ("overlaps", ""),
        ]
        for phase, directory in phases:
            result[f"{phase}_load_before"] = os.getloadavg()[0]
            result.update(_child(phase, n_offers, n_needs, seed, directory))
    return result


def machine() -> str:
    """Describe the machine: CPU model, cores, memory and Python."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def phase_rank(n_offers: int, n_needs: int, seed: int, directory: str = "") -> dict[str, Any]:
    """Build the index, rank every need once after one warm-up query, save it if asked."""
    catalogue = make_catalogue(n_offers, n_needs, seed)
    gc.collect()
    before = rss_mib()
    start, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
    index = CatalogueIndex.build(catalogue.offers)
    build = time.perf_counter() - start
    build_cpu, build_workers_cpu = time.process_time() - cpu, _children_cpu() - workers
    peak = peak_rss_mib()
    index.rank(catalogue.needs[0])
    latencies = []
    for need in catalogue.needs:
        start = time.perf_counter()
        index.rank(need, top=10)
        latencies.append((time.perf_counter() - start) * 1000)
    retrieval = []
    forget(index.m.analyzer)  # the needs' texts anew, as the rank phase met them
    forget(index)
    for need in catalogue.needs:
        start = time.perf_counter()
        index.candidates(need)
        retrieval.append((time.perf_counter() - start) * 1000)
    learned = _rank_learned(index, catalogue.needs, n_offers, seed)
    if directory:
        save_index(index, directory, "bench")
    return {
        **learned,
        "build_s": build,
        "build_cpu_s": build_cpu,
        "build_workers_cpu_s": build_workers_cpu,
        "build_rss_before_mib": before,
        "build_peak_rss_mib": peak,
        "build_index_mib": rss_mib() - before,
        "rank_p50_ms": statistics.median(latencies),
        "rank_p95_ms": float(np.percentile(latencies, 95)),
        "rank_max_ms": max(latencies),
        "first_stage_p50_ms": statistics.median(retrieval),
        "first_stage_p95_ms": float(np.percentile(retrieval, 95)),
    }


def _rank_learned(
    index: CatalogueIndex, needs: Sequence[NeedRecord], n_offers: int, seed: int
) -> dict[str, Any]:
    """Rank the same needs again with a learned model of DECISIONS decisions attached."""
    rng = random.Random(seed)
    history = make_needs(DECISIONS // 4, seed + 1)
    decisions = tuple(
        Decision(need.id, need_text(need), f"s-o{rng.randrange(n_offers)}", k != 3)
        for need in history
        for k in range(4)
    )
    start = time.perf_counter()
    index.learned = index.learn(LearnedModel(decisions, 0.2))
    learn = time.perf_counter() - start
    index.rank(needs[0])
    latencies = []
    for need in needs:
        start = time.perf_counter()
        index.rank(need, top=10)
        latencies.append((time.perf_counter() - start) * 1000)
    index.learned = None
    return {
        "decisions": len(decisions),
        "learn_s": learn,
        "rank_learned_p50_ms": statistics.median(latencies),
        "rank_learned_p95_ms": float(np.percentile(latencies, 95)),
    }


def phase_overlaps(n_offers: int, n_needs: int, seed: int, _directory: str = "") -> dict[str, Any]:
    """Run the full double-offer scan and check it finds the planted copies."""
    catalogue = make_catalogue(n_offers, 1, seed)
    gc.collect()
    before = rss_mib()
    start = time.perf_counter()
    report = find_double_offers(catalogue.offers)
    scan = time.perf_counter() - start
    found = {(p.a, p.b) for p in report.pairs}
    planted = {tuple(sorted(pair)) for pair in catalogue.planted}
    return {
        "scan_s": scan,
        "scan_rss_before_mib": before,
        "scan_peak_rss_mib": peak_rss_mib(),
        "double_pairs": len(report.pairs),
        "double_groups": len(report.groups),
        "partial_pairs": len(report.partial),
        "planted_pairs": len(planted),
        "planted_found": len(planted & found),
    }


def _children_cpu() -> float:
    """Return the CPU seconds (user + system) of this process's finished children."""
    times = os.times()
    return times.children_user + times.children_system


def rss_mib() -> float:
    """Return this process's resident set size now, in MiB (Linux /proc)."""
    with open("/proc/self/statm", encoding="utf-8") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    """Return this process's peak resident set size so far, in MiB (ru_maxrss, KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def format_bench(result: dict[str, Any]) -> str:
    """Format a bench result as a short Markdown table."""
    r = result
    rows = [
        ("offers / needs / seed", f"{r['offers']:,} / {r['needs']} / {r['seed']}"),
        (
            "build index",
            f"{r['build_s']:.2f} s (CPU {r.get('build_cpu_s', 0):.2f} s here,"
            f" {r.get('build_workers_cpu_s', 0):.2f} s in its workers),"
            f" peak RSS {r['build_peak_rss_mib']:.0f} MiB"
            f" (RSS before build {r['build_rss_before_mib']:.0f} MiB; the built"
            f" index holds {r.get('build_index_mib', 0):.0f} MiB)",
        ),
        (
            "rank one need (warm)",
            f"p50 {r['rank_p50_ms']:.1f} ms, p95 {r['rank_p95_ms']:.1f} ms,"
            f" max {r['rank_max_ms']:.1f} ms",
        ),
        (
            "first stage alone (the candidates `rank` re-scores)",
            f"p50 {r['first_stage_p50_ms']:.1f} ms, p95 {r['first_stage_p95_ms']:.1f} ms",
        ),
        (
            f"rank with a learned model ({r['decisions']:,} decisions)",
            f"p50 {r['rank_learned_p50_ms']:.1f} ms, p95 {r['rank_learned_p95_ms']:.1f} ms"
            f" ({r['rank_learned_p95_ms'] - r['rank_p95_ms']:+.1f} ms at p95);"
            f" placing the decisions {r['learn_s']:.2f} s",
        ),
        *format_more(r),
        (
            "double-offer scan",
            f"{r['scan_s']:.2f} s, peak RSS {r['scan_peak_rss_mib']:.0f} MiB"
            f" (RSS before scan {r['scan_rss_before_mib']:.0f} MiB)",
        ),
        (
            "double offers found",
            f"{r['double_pairs']:,} pairs in {r['double_groups']:,} groups;"
            f" planted copies found {r['planted_found']:,} of"
            f" {r['planted_pairs']:,}; overlaps {r['partial_pairs']:,}",
        ),
        ("machine", r["machine"]),
        (
            "load average (1 min) before each phase",
            " / ".join(
                f"{k.removesuffix('_load_before')} {v:.1f}"
                for k, v in r.items()
                if k.endswith("_load_before")
            ),
        ),
    ]
    return "\n".join(["| what | measured |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows])


def _child(
    phase: str, n_offers: int, n_needs: int, seed: int, directory: str = ""
) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "bank.bench.engine",
        phase,
        str(n_offers),
        str(n_needs),
        str(seed),
        directory,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench phase {phase} failed: {done.stderr.strip()[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    name, *numbers = sys.argv[1:5]
    offers_n, needs_n, seed_n = (int(value) for value in numbers)
    where = sys.argv[5] if len(sys.argv) > 5 else ""
    if name == "rank":
        print(json.dumps(phase_rank(offers_n, needs_n, seed_n, where)))
    elif name == "mapped":
        print(json.dumps(phase_mapped(offers_n, needs_n, seed_n, where)))
    elif name == "bm25s":
        print(json.dumps(phase_bm25s(offers_n, needs_n, seed_n)))
    else:
        print(json.dumps(phase_overlaps(offers_n, needs_n, seed_n)))
