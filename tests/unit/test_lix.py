"""LIX, the Danish readability index: words / sentences + 100 × long words / words."""

from __future__ import annotations

import pytest

from bank.offers.lix import WARN_ABOVE, lix, readability


def test_lix_counts_words_sentences_and_words_longer_than_six_letters():
    # 8 words, 2 sentences, 2 long words (tirsdag has 7 letters, lektiecafé 10): 4 + 25 = 29
    text = "Kom til lektiecafé på tirsdag. Vi har kage."
    result = readability(text)
    assert (result.words, result.sentences, result.long_words) == (8, 2, 2)
    assert result.lix == 29


def test_danish_letters_count_as_letters():
    # "høvdingeæg" has 10 letters: one long word in one sentence of one word -> 1 + 100
    assert lix("høvdingeæg") == 101


def test_a_line_break_ends_a_sentence_like_a_list_item():
    assert readability("Lektiehjælp\nMadklub\nFodbold").sentences == 3


def test_an_empty_text_scores_zero():
    assert readability("  ").lix == 0
    assert readability("").words == 0


@pytest.mark.parametrize(
    ("text", "too_hard"),
    [
        ("Du kan komme her. Vi er søde. Det er gratis.", False),
        (
            "Forløbet understøtter ungdomsuddannelsesparathed gennem individualiserede "
            "kompetenceudviklingsaktiviteter og tværprofessionel koordinering.",
            True,
        ),
    ],
)
def test_a_text_harder_than_lix_45_is_flagged(text, too_hard):
    result = readability(text)
    assert result.too_hard is too_hard
    assert (result.lix > WARN_ABOVE) is too_hard


def test_the_score_gets_a_danish_band():
    assert readability("Du kan komme her. Vi er søde.").band == "meget let"


def test_the_counts_say_one_sentence_and_one_long_word_in_the_singular():
    assert readability("Vi spiller bold.").counts == "3 ord, 1 sætning, 1 langt ord"
    assert readability("Vi løber. Vi går.").counts == "4 ord, 2 sætninger, 0 lange ord"
