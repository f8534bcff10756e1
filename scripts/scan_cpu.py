"""Run the double-offer scan on a synthetic catalogue; report wall time, CPU time and memory.

The CPU time is split between the scan's own process and its worker processes (which run
blocks of the scan on the other cores). On a shared machine the wall time depends on the
load; the CPU times do not, and "own + workers / cores" is about the wall time on idle cores.

    .venv/bin/python scripts/scan_cpu.py 100000              # every core
    .venv/bin/python scripts/scan_cpu.py 100000 --workers 1  # one core
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time

from bank.bench.synthetic import make_catalogue
from bank.matching import find_double_offers


def main() -> None:
    """Generate the catalogue, scan it once and print one line of numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("offers", type=int)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    offers = make_catalogue(options.offers, 1, options.seed).offers
    gc.collect()
    load = os.getloadavg()[0]
    start, own = time.perf_counter(), time.process_time()
    report = find_double_offers(offers, workers=options.workers)
    wall, own = time.perf_counter() - start, time.process_time() - own
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{options.offers:,} offers, workers={options.workers or 'every core'}: "
        f"wall {wall:.1f} s, CPU own {own:.1f} s + workers "
        f"{workers.ru_utime + workers.ru_stime:.1f} s, peak RSS {peak:.0f} MiB "
        f"(largest worker {workers.ru_maxrss / 1024:.0f} MiB), "
        f"load {load:.1f} -> {os.getloadavg()[0]:.1f}; {len(report.pairs):,} pairs, "
        f"{len(report.groups):,} groups, {len(report.partial):,} overlaps"
    )


if __name__ == "__main__":
    main()
