"""Run a computation over consecutive row blocks on every core, sharing its inputs.

The inputs are shared copy-on-write with forked worker processes (scipy's sparse products
hold the GIL, so threads would not help). Where fork is not available, or in a process that
may not have children, the blocks run one after the other in this process; the results are
the same either way, in block order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")

_shared: Any = None  # the inputs of the running computation, inherited by forked workers
_forking = threading.Lock()  # one pool at a time: two threads must not swap _shared


def usable_workers(workers: int | None = None) -> int:
    """Return how many processes may run blocks: `workers`, or every core when None."""
    wanted = (os.cpu_count() or 1) if workers is None else workers
    if wanted <= 1 or not can_fork():
        return 1
    return wanted


def can_fork() -> bool:
    """Tell whether this process can fork workers that inherit its memory."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return not multiprocessing.current_process().daemon


def run_blocks(
    work: Callable[[Any, int, int], Result],
    shared: Any,
    rows: int,
    block: int,
    workers: int | None = None,
) -> list[Result]:
    """Return `work(shared, start, stop)` for each block of `block` rows of `rows`, in order.

    `work` must be a module-level function (workers receive it by name); `shared` reaches
    them without being copied.
    """
    spans = [(start, min(start + block, rows)) for start in range(0, rows, block)]
    count = min(usable_workers(workers), len(spans))
    if count <= 1:
        return [work(shared, start, stop) for start, stop in spans]
    global _shared
    with _forking:
        _shared = shared
        gc.freeze()  # the collector in a worker would otherwise touch, and so copy, every object
        try:
            with multiprocessing.get_context("fork").Pool(count) as pool:
                tasks = [(work, start, stop) for start, stop in spans]
                return pool.map(_run, tasks, chunksize=1)
        finally:
            gc.unfreeze()
            _shared = None


def _run(task: tuple[Callable[[Any, int, int], Result], int, int]) -> Result:
    work, start, stop = task
    return work(_shared, start, stop)
