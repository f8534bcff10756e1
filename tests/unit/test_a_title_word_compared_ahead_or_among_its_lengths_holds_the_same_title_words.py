"""A query word's verdicts on the title words are the same however they were worked out.

TitleWords compares a new query word only with title words of a length that can be alike,
and compares the commonest title words ahead, in one batch, when an index is built. Both
must mark exactly the title words that a comparison with every title word marks.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from bank.matching.scoring import FUZZY_WORD, TitleWords

LETTERS = "abdeijklmnorstu"
SPOKEN = st.text(LETTERS, min_size=1, max_size=16)


def every_title_word(said: str, vocabulary: list[str]) -> np.ndarray:
    """Return the verdicts of one query word, compared with every title word."""
    alike = process.cdist([said], vocabulary, scorer=fuzz.ratio, dtype=np.uint8)[0]
    inside = np.asarray([len(said) >= 3 and said in word for word in vocabulary])
    return (alike >= FUZZY_WORD) | inside


@settings(max_examples=150, deadline=None)
@given(st.lists(SPOKEN, min_size=1, max_size=40, unique=True), st.lists(SPOKEN, max_size=8))
def test_a_new_word_holds_what_a_comparison_with_every_title_word_says(vocabulary, said):
    words = TitleWords.of([" ".join(vocabulary)])
    for word in [*said, *vocabulary[:3], vocabulary[0][:-1] + "x"]:
        assert np.array_equal(words._holding(word), every_title_word(word, words.vocabulary))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(SPOKEN, min_size=1, max_size=40, unique=True),
    st.integers(1, 2000),
    st.lists(SPOKEN, max_size=30),
)
def test_the_words_compared_ahead_hold_what_a_new_word_would(vocabulary, budget, common):
    ahead = TitleWords.of([" ".join(vocabulary), " ".join(vocabulary[:5])])
    ahead.compare_ahead(budget, common)
    held = ahead.__dict__.get("_memos", {}).get("held", {})
    assert len(held) <= budget // len(vocabulary)
    for word, verdicts in held.items():
        assert np.array_equal(verdicts, every_title_word(word, ahead.vocabulary))
    fresh = TitleWords.of([" ".join(vocabulary), " ".join(vocabulary[:5])])
    rows = np.arange(2)
    for word in [*vocabulary[:6], *common[:6]]:
        assert np.array_equal(ahead.cover(word, rows), fresh.cover(word, rows))
