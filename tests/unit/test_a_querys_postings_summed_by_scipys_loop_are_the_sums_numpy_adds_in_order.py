"""A query's postings summed in scipy's loop give the float32 sums numpy adds in order.

The first stage sums the catalogue's postings of a query's features, each times its
weight. It copies those rows side by side and multiplies them as a CSC matrix's columns
(scipy's private csc_matvec); without that loop it adds them with numpy in the same order.
Both must give the sums of scipy's sparse product of the query row, to the bit.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

import bank.matching.vectors as vectors


def _postings(seed: int, features: int, offers: int) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((features, offers), dtype=np.float32)
    dense[dense < 0.6] = 0.0
    return sparse.csr_matrix(dense)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 10_000),
    st.lists(st.integers(0, 29), max_size=12, unique=True),
    st.lists(st.floats(0.125, 5.0, width=32), min_size=12, max_size=12),
)
def test_the_sums_are_those_numpy_adds_and_scipys_product_gives(seed, rows, weights):
    postings = _postings(seed, 30, 50)
    picked = np.asarray(sorted(rows), dtype=np.int32)
    weight = np.asarray(weights[: picked.size], dtype=np.float32)
    fast = vectors._weighted_rows_sum(postings, picked, weight)
    real = vectors._sparsetools
    try:
        vectors._sparsetools = None
        slow = vectors._weighted_rows_sum(postings, picked, weight)
    finally:
        vectors._sparsetools = real
    query = sparse.csr_matrix(
        (weight, picked, np.asarray([0, picked.size])), shape=(1, postings.shape[0])
    )
    product = (query @ postings).toarray().ravel()
    assert fast.dtype == slow.dtype == np.float32
    assert np.array_equal(fast, slow)
    assert np.array_equal(fast, product)
