"""Double offers: the same service delivered twice, found without comparing every pair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from bank.matching.blocks import run_blocks
from bank.matching.explain import explain_pairs
from bank.matching.pairs import (
    OfferTraits,
    Verdicts,
    judge_pairs,
    programme_cosines,
    text_cosines,
)
from bank.matching.records import OfferRecord
from bank.matching.vectors import CatalogueMatrices, build_matrices

NEIGHBOURS = 10  # candidate partners kept per offer from the sparse similarity product
CHUNK = 2000  # offers multiplied at a time, to bound memory
MAX_DF_SHARE, MAX_DF_FLOOR = 0.02, 50  # terms this common do not propose candidates
MIN_CANDIDATE = 0.05  # a pruned-product similarity below this proposes nothing
PAIRS_PER_BLOCK = 100_000  # candidate pairs judged at a time by one worker
PARTIAL_PER_OFFER = 2  # overlapping-but-not-double pairs kept per offer (its closest ones)


@dataclass(frozen=True)
class DoublePair:
    """Two offers (a < b) that look like the same service, with the score and why."""

    a: str
    b: str
    score: float
    why: dict[str, list[str]] = field(default_factory=dict)

    def to_interchange(self) -> dict[str, object]:
        """Return the pair as an interchange dict."""
        return {"a": self.a, "b": self.b, "score": self.score, "why": self.why}


@dataclass(frozen=True)
class DoubleReport:
    """Double-offer pairs, their connected groups, and overlapping-but-not-double pairs."""

    pairs: list[DoublePair]
    groups: list[list[str]]
    partial: list[DoublePair]

    def to_interchange(self) -> dict[str, object]:
        """Return the report as the `bank overlaps` JSON object (pairs and groups)."""
        return {"pairs": [p.to_interchange() for p in self.pairs], "groups": self.groups}


def find_double_offers(
    offers: Sequence[OfferRecord], threshold: float | None = None, workers: int | None = None
) -> DoubleReport:
    """Find double offers among the offers that are not retired, best first.

    Splitting the texts into words, the candidate search and judging the candidates run on
    `workers` processes, every core when None; the report is the same for any number.
    """
    active = [offer for offer in offers if offer.status != "retired"]
    if len(active) < 2:
        return DoubleReport([], [], [])
    matrices = build_matrices(active, with_chars=False, workers=workers)
    left, right = candidate_pairs(matrices.tfidf, workers=workers)
    found = judge_candidates(active, matrices, left, right, threshold, workers)
    chosen_doubles = np.flatnonzero(found.double | _joining(left, right, found))
    doubles = _pairs(active, matrices, left, right, found.score, chosen_doubles)
    chosen = closest_per_offer(left, right, found.score, found.partial)
    partial = _pairs(active, matrices, left, right, found.score, np.asarray(chosen, dtype=int))
    order = lambda p: (-p.score, p.a, p.b)  # noqa: E731
    return DoubleReport(
        sorted(doubles, key=order), connected_groups(doubles), sorted(partial, key=order)
    )


def judge_candidates(
    offers: Sequence[OfferRecord],
    matrices: CatalogueMatrices,
    left: np.ndarray,
    right: np.ndarray,
    threshold: float | None = None,
    workers: int | None = 1,
) -> Verdicts:
    """Judge the candidate pairs (cosines, then the pair rules) in blocks on `workers`."""
    shared = (OfferTraits.of(offers), matrices, left, right, threshold)
    parts = run_blocks(_judge_block, shared, left.size, PAIRS_PER_BLOCK, workers)
    if not parts:
        return _judge_block(shared, 0, 0)
    return Verdicts(
        *(np.concatenate([getattr(part, name) for part in parts]) for name in Verdicts.FIELDS)
    )


def _judge_block(
    shared: tuple[OfferTraits, CatalogueMatrices, np.ndarray, np.ndarray, float | None],
    start: int,
    stop: int,
) -> Verdicts:
    traits, matrices, left, right, threshold = shared
    i, j = left[start:stop], right[start:stop]
    cosines, programme = text_cosines(matrices.tfidf, i, j), programme_cosines(matrices, i, j)
    return judge_pairs(traits, i, j, cosines, threshold, programme)


def _joining(left: np.ndarray, right: np.ndarray, found: Verdicts) -> np.ndarray:
    """Mark the one-step-apart pairs that join an offer to a group it is double with.

    Such a pair is double but for the step. It counts when the offer is that close to two
    members of one double pair, so one step between the members never breaks a true group
    of three, while one near pair alone stays an overlap.
    """
    if found.joins is None or not found.joins.any():
        return np.zeros(left.size, dtype=bool)
    grouped = set(left[found.double].tolist()) | set(right[found.double].tolist())
    links: dict[int, list[int]] = {}
    for k in np.flatnonzero(found.joins).tolist():
        a, b = int(left[k]), int(right[k])
        if (a in grouped) != (b in grouped):
            links.setdefault(b if a in grouped else a, []).append(k)
    chosen = np.zeros(left.size, dtype=bool)
    for pairs in links.values():
        if len(pairs) >= 2:
            chosen[pairs] = True
    return chosen


def candidate_pairs(
    tfidf: sparse.csr_matrix, neighbours: int = NEIGHBOURS, workers: int | None = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Return row pairs (left < right) that are among each other's nearest neighbours.

    Blocks of rows run on `workers` processes (every core when None); any number of
    workers finds the same pairs in the same order.
    """
    n = tfidf.shape[0]
    df = np.bincount(tfidf.indices, minlength=tfidf.shape[1])
    keep = np.flatnonzero(df <= max(MAX_DF_SHARE * n, MAX_DF_FLOOR))
    pruned = sparse.csr_matrix(tfidf[:, keep])
    shared = (pruned, sparse.csr_matrix(pruned.T), neighbours)
    found = run_blocks(_nearest_in_block, shared, n, CHUNK, workers)
    keys = np.unique(np.concatenate([np.zeros(0, dtype=np.int64), *found]))
    return keys // max(n, 1), keys % max(n, 1)


def _nearest_in_block(
    shared: tuple[sparse.csr_matrix, sparse.csr_matrix, int], start: int, stop: int
) -> np.ndarray:
    """Return the pairs (as left * n + right) from rows start..stop to their nearest rows.

    Each row keeps its `neighbours` most similar other rows. Where the last kept similarity
    ties with the next, np.argpartition picks among the tied rows, as the scan always has.
    """
    pruned, transposed, neighbours = shared
    block = sparse.csr_matrix(pruned[start:stop] @ transposed)
    at = np.flatnonzero(block.data >= MIN_CANDIDATE)
    rows = np.searchsorted(block.indptr, at, side="right") - 1
    cols, vals = block.indices[at], block.data[at]
    other = cols != rows + start
    rows, cols, vals = rows[other], cols[other], vals[other]
    first = np.searchsorted(rows, np.arange(stop - start + 1))
    top = _top_rows(rows, vals, first, neighbours)
    ranked = top[np.argsort(rows[top] * 4.0 - vals[top])]  # by row, most similar first
    starts = np.searchsorted(rows[ranked], np.arange(stop - start + 1))
    rank = np.arange(ranked.size) - starts[rows[ranked]]
    kept = np.zeros(rows.size, dtype=bool)
    kept[ranked[rank < neighbours]] = True
    full = np.flatnonzero(np.diff(starts) > neighbours)
    last = vals[ranked[starts[full] + neighbours - 1]]
    for row in full[last == vals[ranked[starts[full] + neighbours]]].tolist():
        begin, end = first[row], first[row + 1]
        kept[begin:end] = False
        kept[begin + np.argpartition(-vals[begin:end], neighbours)[:neighbours]] = True
    mine, theirs = rows[kept] + start, cols[kept].astype(np.int64)
    return np.unique(np.minimum(mine, theirs) * pruned.shape[0] + np.maximum(mine, theirs))


def _top_rows(
    rows: np.ndarray, vals: np.ndarray, first: np.ndarray, neighbours: int, bins: int = 256
) -> np.ndarray:
    """Return the entries that may be among their row's `neighbours` largest (a superset).

    The values fall into bins; each row keeps the bins from the top down to the one that
    holds its neighbours-th largest value, so only a few entries per row need sorting.
    """
    width = first.size - 1
    down = bins - 1 - np.minimum((vals * bins).astype(np.int64), bins - 1)
    counts = np.bincount(rows * bins + down, minlength=width * bins).reshape(width, bins)
    deepest = (np.cumsum(counts, axis=1) < neighbours).sum(axis=1)
    return np.flatnonzero(down <= deepest[rows])


def closest_per_offer(
    left: np.ndarray,
    right: np.ndarray,
    score: np.ndarray,
    chosen: np.ndarray,
    keep: int = PARTIAL_PER_OFFER,
) -> list[int]:
    """Return the chosen pairs that are among the `keep` best of both their offers."""
    taken: dict[int, int] = {}
    kept = []
    for k in sorted(np.flatnonzero(chosen).tolist(), key=lambda k: -score[k]):
        a, b = int(left[k]), int(right[k])
        if taken.get(a, 0) < keep and taken.get(b, 0) < keep:
            kept.append(k)
            taken[a], taken[b] = taken.get(a, 0) + 1, taken.get(b, 0) + 1
    return kept


def connected_groups(pairs: Sequence[DoublePair]) -> list[list[str]]:
    """Group pairs into connected components: each sorted, largest first."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for pair in pairs:
        first, second = root(pair.a), root(pair.b)
        if first != second:
            parent[max(first, second)] = min(first, second)
    members: dict[str, list[str]] = {}
    for item in parent:
        members.setdefault(root(item), []).append(item)
    return sorted((sorted(group) for group in members.values()), key=lambda g: (-len(g), g))


def _pairs(
    offers: Sequence[OfferRecord],
    m: CatalogueMatrices,
    left: np.ndarray,
    right: np.ndarray,
    score: np.ndarray,
    chosen: np.ndarray,
) -> list[DoublePair]:
    found: list[DoublePair] = []
    for start in range(0, chosen.size, CHUNK * 10):
        part = chosen[start : start + CHUNK * 10]
        whys = explain_pairs(offers, m, left[part], right[part])
        for k, why in zip(part.tolist(), whys, strict=True):
            a, b = sorted((offers[int(left[k])].id, offers[int(right[k])].id))
            found.append(DoublePair(a, b, float(score[k]), why))
    return found
