"""The typo lookup picks the same word as a search of every known word of a near length."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from bank.matching.features import FUZZY_CUTOFF, Analyzer, _inflected, written
from bank.matching.frequency import is_danish_word
from tests.unit.engine_support import synthetic_analyzer


@cache
def _analyzer() -> Analyzer:
    return synthetic_analyzer(400, seed=3)


def _nearest_by_scan(analyzer: Analyzer, word: str) -> str:
    """The lookup as first written: a new pool of every word of a near length per call."""
    if len(written(word)) < 4:
        return ""
    by_length = analyzer._by_length
    pool: Sequence[str] = [
        w for n in range(len(word) - 1, len(word) + 3) for w in by_length.get(n, ())
    ]
    best = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None:
        return ""
    nearest = str(best[0])
    if is_danish_word(word) and not _inflected(word, nearest):
        return ""
    return nearest


def _known_words() -> list[str]:
    return sorted(w for words in _analyzer()._by_length.values() for w in words)


def _typos(word: str) -> list[str]:
    """Every word one letter dropped, doubled or swapped away from a word."""
    found = []
    for at in range(len(word)):
        found.append(word[:at] + word[at + 1 :])
        found.append(word[:at] + word[at] + word[at:])
        if at + 1 < len(word):
            found.append(word[:at] + word[at + 1] + word[at] + word[at + 2 :])
    return found


def test_every_one_letter_typo_of_known_words_finds_the_same_word():
    analyzer = _analyzer()
    checked = found = 0
    for word in _known_words()[::7]:
        for typo in [word, *_typos(word)]:
            nearest = analyzer._nearest(typo)
            assert nearest == _nearest_by_scan(analyzer, typo), typo
            checked += 1
            found += bool(nearest)
    assert checked > 2000 and found > checked // 2


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_known_words()),
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abdegijklmnoprstuvy")), max_size=4),
)
def test_words_a_few_letters_from_known_words_find_the_same_word(word, edits):
    analyzer = _analyzer()
    for at, letter in edits:
        at %= len(word) + 1
        word = word[:at] + letter + word[at + 1 :] if at % 2 else word[:at] + letter + word[at:]
    assert analyzer._nearest(word) == _nearest_by_scan(analyzer, word)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abdefgijklmnoprstuvy", min_size=0, max_size=26))
def test_any_letters_find_the_same_word(word):
    analyzer = _analyzer()
    assert analyzer._nearest(word) == _nearest_by_scan(analyzer, word)
