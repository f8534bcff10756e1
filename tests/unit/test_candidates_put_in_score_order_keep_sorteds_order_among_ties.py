"""The second stage's score order is Python's stable sort by score, ties in the order given."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bank.matching.rerank import _by_score, _cover_goals

SCORES = st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.25, 0.5, 0.7, 1.0]), max_size=30)


@settings(max_examples=150, deadline=None)
@given(SCORES, st.data())
def test_the_order_is_sorteds_among_any_candidates(scores, data):
    values = np.round(np.asarray(scores, dtype=np.float64), 4)
    among = data.draw(st.permutations(range(len(scores))))
    among = np.asarray(among[: data.draw(st.integers(0, len(scores)))], dtype=np.int64)
    expected = sorted(among.tolist(), key=lambda k: -values[k])
    assert _by_score(values, among) == expected


@settings(max_examples=60, deadline=None)
@given(SCORES.filter(bool), st.integers(0, 3), st.integers(0, 1000))
def test_the_goal_cover_order_is_sorteds_where_no_goal_is_covered(scores, goals, seed):
    values = np.asarray(scores, dtype=np.float64)
    fits = np.random.default_rng(seed).random((values.size, goals))
    order = _cover_goals(values, fits)
    if goals < 2:
        assert order == sorted(range(values.size), key=lambda k: -values[k])
    placed = order[: min(values.size, 10)]
    rest = [k for k in range(values.size) if k not in placed]
    assert sorted(order) == list(range(values.size))
    if goals >= 2:
        assert order[len(placed) :] == sorted(rest, key=lambda k: -values[k])


def cover_as_written(scores: np.ndarray, fits: np.ndarray) -> list[int]:
    """The greedy goal cover as first written: each value a new expression, sorted's order."""
    from bank.matching.rerank import GOAL_SHARE, GREEDY_PLACES, MAIN_GOAL, OTHER_GOAL

    n, goals = fits.shape
    worth = np.asarray([MAIN_GOAL] + [OTHER_GOAL] * (goals - 1))
    open_share = np.ones(goals)
    alone = (1 - GOAL_SHARE) * scores / max(float(scores.max()), 1e-9)
    taken = np.zeros(n, dtype=bool)
    order: list[int] = []
    while len(order) < min(n, GREEDY_PLACES):
        values = alone + GOAL_SHARE * (fits @ (worth * open_share) / worth.sum())
        values[taken] = -np.inf
        chosen = int(np.argmax(values))
        taken[chosen] = True
        order.append(chosen)
        open_share *= 1.0 - fits[chosen]
    return order + sorted(np.flatnonzero(~taken).tolist(), key=lambda k: -scores[k])


@settings(max_examples=150, deadline=None)
@given(SCORES.filter(bool), st.integers(2, 4), st.integers(0, 10_000), st.booleans())
def test_the_goal_cover_worked_out_in_place_is_the_one_first_written(scores, goals, seed, few):
    values = np.asarray(scores, dtype=np.float64)
    fits = np.random.default_rng(seed).random((values.size, goals))
    if few:  # fits of a few steps: ties between candidates' values
        fits = np.round(fits * 2) / 4
    assert _cover_goals(values, fits) == cover_as_written(values, fits)
