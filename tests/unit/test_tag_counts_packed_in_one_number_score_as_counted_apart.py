"""An offer's two tag counts packed in one number give the scores of the two counted apart.

TagSpace.counts adds one number per offer per tag (16 for a tag the offer carries, 1 for
one it meets only in an ICF chapter; 256 and 1 past 15 tags). The counts read back, the
offers touched and every score must be those of the two counts kept in arrays of their own.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bank.matching.tags import CHAPTER_WEIGHT, COVERAGE_SHARE, TagSpace, tag_set
from bank.vocabulary import BY_SLUG

SLUGS = sorted(BY_SLUG)
TAGS = st.lists(st.sampled_from([*SLUGS, "eget ord", "Psykisk trivsel"]), max_size=6)


def counted_apart(space: TagSpace, need_tags: list[str]) -> tuple[np.ndarray, np.ndarray]:
    exact = np.zeros(len(space.tags), dtype=np.uint8)
    near = np.zeros(len(space.tags), dtype=np.uint8)
    for tag in tag_set(need_tags):
        has, only_near = space._vectors(tag)
        exact += has
        near += only_near
    return exact, near


def scores_apart(space: TagSpace, exact: np.ndarray, near: np.ndarray, wanted: int) -> np.ndarray:
    if not wanted:
        return np.zeros(exact.size, dtype=np.float32)
    carried = exact.astype(np.float32)
    coverage = near.astype(np.float32)
    coverage *= CHAPTER_WEIGHT
    coverage += carried
    coverage /= float(wanted)
    coverage *= COVERAGE_SHARE
    precision = np.divide(carried, space.sizes, out=carried)
    precision *= 1 - COVERAGE_SHARE
    coverage += precision
    return coverage


@settings(max_examples=80, deadline=None)
@given(st.lists(TAGS, min_size=1, max_size=30), TAGS, st.integers(0, 20), st.integers(0, 99))
def test_packed_counts_read_back_and_score_as_counted_apart(offers, need, extra, seed):
    space = TagSpace(offers)
    need_tags = [*need, *SLUGS[:extra]]  # past 15 tags the counts take two bytes
    counts = space.counts(need_tags)
    exact, near = counted_apart(space, need_tags)
    wanted = len(tag_set(need_tags))
    assert np.array_equal(counts.exact, exact) and np.array_equal(counts.near, near)
    assert np.array_equal(counts.touching(), np.logical_or(exact, near))
    assert np.array_equal(counts.scores(), scores_apart(space, exact, near, wanted))
    rows = np.random.default_rng(seed).integers(0, len(offers), size=7)
    expected = scores_apart(space, exact, near, wanted)[rows]
    assert np.array_equal(counts.scores(rows), expected)
