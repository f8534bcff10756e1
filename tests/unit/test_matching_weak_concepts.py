"""The analyzer's own memo of weak concepts gives what concepts_of(word, weak=True) gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bank.matching.concept_table import CONCEPTS
from bank.matching.concepts import concepts_of
from bank.matching.features import _weak_concepts_of

WORDS = sorted({w for key in CONCEPTS for w in (key, key + "er", key[:-1], key + "s")})


def test_every_concept_word_and_its_forms_give_the_same_weak_concepts():
    words = [*WORDS, "spiller", "spillere", "passer", "savner", "fodboldspiller", "mentor"]
    for word in words:
        assert _weak_concepts_of(word) == concepts_of(word, weak=True), word


@given(st.text(alphabet="abdefgijklmnoprstuvy", max_size=16))
def test_any_word_gives_the_same_weak_concepts(word):
    assert _weak_concepts_of(word) == concepts_of(word, weak=True)
