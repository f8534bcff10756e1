"""Fuzzy title cover remembers each query word's verdicts on the title words, unchanged."""

from __future__ import annotations

import pickle

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bank.matching.scoring import TitleWords, content_text
from bank.matching.text import fold
from tests.unit.engine_support import word_by_word_cover

TITLES = ("Jobmentor", "Mentor til unge", "", "Lektiecafé", "Jobklub og jobsøgning", "Ud")
CONTENTS = [content_text(fold(t)) for t in TITLES]
WORDS = TitleWords.of(CONTENTS)  # one for every example: its verdicts are remembered


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, len(TITLES) - 1), min_size=1, max_size=12),
    st.lists(st.sampled_from(["mentor", "job", "jbo", "unge", "cafe", "ud", "klub"]), max_size=3),
)
def test_remembered_verdicts_give_the_word_by_word_cover(rows, said):
    text = " ".join(said) or "mentor"
    picked = np.asarray(rows)
    expected = np.zeros(picked.size, dtype=np.float32)
    if content_text(text):  # "ud" alone is no content word: nothing is compared
        expected = word_by_word_cover(content_text(text).split(), [CONTENTS[r] for r in picked])
    assert np.array_equal(WORDS.cover(text, picked), expected)
    assert np.array_equal(WORDS.cover(text, picked), expected)


def test_the_remembered_verdicts_are_not_pickled():
    WORDS.cover("mentor job", np.arange(len(TITLES)))
    again = pickle.loads(pickle.dumps(WORDS))
    assert "_memos" not in again.__dict__ and "_memos" in WORDS.__dict__
    assert np.array_equal(again.cover("mentor", np.arange(3)), WORDS.cover("mentor", np.arange(3)))
