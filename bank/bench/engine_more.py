"""More bench phases: the saved index mapped back, and bm25s on the same catalogue.

Each runs in its own child process (see engine.py), so its memory is its own:
- `mapped`: load the index that the rank phase saved (bank.matching.store) and rank the
  same needs; report the load time (a web process's first search after a restart), the
  private memory the index adds to a process (RssAnon) and the memory mapped from the files
  (RssFile: page cache, shared by every process on the host), and the files' size;
- `bm25s`: bm25s (Okapi BM25 over sparse matrices) with the Danish Snowball stemmer and
  stop words, over the same texts as the engine (title, description, programme theory),
  each need's title and description as the query, top 10. bm25s applies no filters (age,
  status), the engine does: its latency includes them. Needs `pip install -e '.[test]'`.
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from bank.bench.synthetic import make_catalogue
from bank.matching.store import load_index


def status_mib(field: str) -> float:
    """Return one memory line of /proc/self/status (RssAnon, RssFile ...), in MiB."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _percentiles(latencies: list[float], prefix: str) -> dict[str, float]:
    return {
        f"{prefix}_p50_ms": statistics.median(latencies),
        f"{prefix}_p95_ms": float(np.percentile(latencies, 95)),
        f"{prefix}_max_ms": max(latencies),
    }


def phase_mapped(n_offers: int, n_needs: int, seed: int, directory: str) -> dict[str, Any]:
    """Map the saved index, rank every need; report load time and private vs mapped memory."""
    needs = make_catalogue(n_offers, n_needs, seed).needs
    gc.collect()
    anon, files = status_mib("RssAnon"), status_mib("RssFile")
    start = time.perf_counter()
    index = load_index(directory)
    loaded = time.perf_counter() - start
    first_start = time.perf_counter()
    index.rank(needs[0], top=10)
    first = (time.perf_counter() - first_start) * 1000
    latencies = []
    for need in needs:
        began = time.perf_counter()
        index.rank(need, top=10)
        latencies.append((time.perf_counter() - began) * 1000)
    size = sum(p.stat().st_size for p in Path(directory).iterdir()) / 2**20
    return {
        "mapped_load_s": loaded,
        "mapped_first_rank_ms": first,
        "mapped_private_mib": status_mib("RssAnon") - anon,
        "mapped_shared_mib": status_mib("RssFile") - files,
        "mapped_files_mib": size,
        **_percentiles(latencies, "mapped_rank"),
    }


def phase_bm25s(n_offers: int, n_needs: int, seed: int) -> dict[str, Any]:
    """Index the catalogue with bm25s (Danish stemmer) and rank the same needs."""
    import bm25s
    import Stemmer
    from bm25s.tokenization import Tokenizer

    catalogue = make_catalogue(n_offers, n_needs, seed)
    texts = [f"{o.title} {o.description} {o.programme_text}" for o in catalogue.offers]
    gc.collect()
    before = status_mib("RssAnon")
    start = time.perf_counter()
    tokenizer = Tokenizer(stemmer=Stemmer.Stemmer("danish"), stopwords="da")
    retriever = bm25s.BM25()
    retriever.index(
        tokenizer.tokenize(texts, return_as="ids", show_progress=False), show_progress=False
    )
    build = time.perf_counter() - start
    del texts
    gc.collect()
    matrix = sum(a.nbytes for a in retriever.scores.values() if isinstance(a, np.ndarray))

    def rank(text: str) -> None:
        query = tokenizer.tokenize([text], update_vocab=False, return_as="ids", show_progress=False)
        retriever.retrieve(query, k=min(10, n_offers), show_progress=False, n_threads=1)

    rank(catalogue.needs[0].title)
    latencies = []
    for need in catalogue.needs:
        began = time.perf_counter()
        rank(f"{need.title} {need.description}")
        latencies.append((time.perf_counter() - began) * 1000)
    return {
        "bm25s_build_s": build,
        "bm25s_matrix_mib": matrix / 2**20,
        "bm25s_rss_mib": status_mib("RssAnon") - before,
        **_percentiles(latencies, "bm25s"),
    }


def format_more(result: dict[str, Any]) -> list[tuple[str, str]]:
    """Return the table rows of the extra phases that ran."""
    r, rows = result, []
    if "mapped_load_s" in r:
        rows += [
            (
                "saved index, mapped by a new process",
                f"load {r['mapped_load_s']:.2f} s, first rank {r['mapped_first_rank_ms']:.1f} ms;"
                f" files {r['mapped_files_mib']:.0f} MiB",
            ),
            (
                "memory of the mapped index",
                f"private {r['mapped_private_mib']:.0f} MiB per process,"
                f" mapped (shared page cache) {r['mapped_shared_mib']:.0f} MiB",
            ),
            (
                "rank one need (mapped)",
                f"p50 {r['mapped_rank_p50_ms']:.1f} ms, p95 {r['mapped_rank_p95_ms']:.1f} ms",
            ),
        ]
    if "bm25s_build_s" in r:
        rows += [
            (
                "bm25s (Danish stemmer): build",
                f"{r['bm25s_build_s']:.2f} s, score matrix"
                f" {r['bm25s_matrix_mib']:.0f} MiB, RSS"
                f" +{r['bm25s_rss_mib']:.0f} MiB",
            ),
            (
                "bm25s: rank one need",
                f"p50 {r['bm25s_p50_ms']:.1f} ms, p95 {r['bm25s_p95_ms']:.1f}"
                f" ms, max {r['bm25s_max_ms']:.1f} ms",
            ),
        ]
    return rows
