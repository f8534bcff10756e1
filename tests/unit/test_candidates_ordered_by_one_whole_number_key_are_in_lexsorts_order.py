"""Candidates ordered by one whole-number key are in np.lexsort's order (score, step, id).

Scores rounded to four decimals become whole numbers of ten-thousandths; the score, the
step and the id's place then make one key, sorted in one pass. The order must be
lexsort's for any scores, steps and ties; scores not so rounded are ordered by lexsort.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bank.matching import CatalogueIndex
from tests.unit.engine_support import CATALOGUE, offer

INDEX = CatalogueIndex.build(
    [
        *CATALOGUE,
        *(offer(f"x{k}", f"Tilbud {k}", step=k % 9 if k % 9 < 7 else None) for k in range(60)),
    ],
    workers=1,
)


def lexsorted(rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    return np.lexsort((INDEX._id_order[rows], INDEX._step[rows], -scores))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(INDEX) - 1), st.floats(0, 2.5, allow_nan=False), st.booleans()
        ),
        max_size=60,
        unique_by=lambda t: t[0],
    )
)
def test_the_order_is_lexsorts(picked):
    rows = np.asarray([row for row, _, _ in picked], dtype=np.int64)
    raw = np.asarray([score for _, score, _ in picked], dtype=np.float64)
    rounded = np.round(raw, 4)
    rounded[[zero for _, _, zero in picked]] = 0.0
    close = np.asarray([int(score * 3) for score in raw]) / 10_000  # a step of 1/10,000 apart
    for scores in (rounded, close, np.round(raw, 1), raw, -rounded):
        assert np.array_equal(INDEX._score_order(rows, scores), lexsorted(rows, scores))
