"""Each candidate's fit to each goal is summed as the side-by-side table summed it, to the bit.

The second stage sums each candidate's products with each goal in float64, in the order of
the candidate's entries; it now adds them per (candidate, goal) in one bincount. The sums
must be those of the table of products side by side that it summed before.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from bank.matching.rerank import _goal_fits
from bank.matching.scoring import text_signal
from bank.matching.vectors import Rows


def fits_by_table(offers: Rows, goal_rows: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The goal fits as first written: every candidate's products in a padded table."""
    n = offers.count
    fits = np.zeros((n, len(goal_rows)))
    said = np.unique(np.concatenate([columns for columns, _ in goal_rows]))
    if said.size == 0 or offers.data.size == 0:
        return text_signal(fits)
    at = np.searchsorted(said, offers.indices)
    at[at == said.size] = 0
    hit = said[at] == offers.indices
    weight = np.zeros((said.size, len(goal_rows)), dtype=np.float32)
    for g, (columns, weights) in enumerate(goal_rows):
        weight[np.searchsorted(said, columns), g] = weights
    owner = offers.owner[hit]
    if owner.size == 0:
        return text_signal(fits)
    counts = np.bincount(owner, minlength=n)
    place = np.arange(owner.size) - (np.cumsum(counts) - counts)[owner]
    table = np.zeros((n, int(counts.max()), len(goal_rows)))
    table[owner, place] = offers.data[hit, None] * weight[at[hit]]
    return text_signal(np.cumsum(table, axis=1)[:, -1])


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 5), st.lists(st.integers(0, 39), max_size=25))
def test_the_goal_fits_are_the_tables(seed, goals, rows):
    rng = np.random.default_rng(seed)
    dense = rng.random((40, 60), dtype=np.float32)
    dense[dense < 0.8] = 0.0
    offers = Rows.of(sparse.csr_matrix(dense), np.asarray(rows, dtype=np.int64))
    goal_rows = []
    for _ in range(goals):
        columns = np.sort(rng.choice(60, size=int(rng.integers(0, 12)), replace=False))
        goal_rows.append((columns.astype(np.int32), rng.random(columns.size, dtype=np.float32)))
    assert np.array_equal(_goal_fits(offers, goal_rows), fits_by_table(offers, goal_rows))
