"""How common a word is in general Danish: a need's chatty words count less, real words stay.

Needs are written in everyday Danish, and most of their words say little about which offer
fits: "mere", "hele", "siger", "ting", "næsten". The catalogue's own idf cannot see this,
because offers are written in another register and seldom use those words, so each one a
need shares with an offer looked as telling as "autisme". A need's word counts 1.0 up to
the Zipf frequency FROM_ZIPF in general Danish and SLOPE less per unit above it, never
below FLOOR. The same list tells a real word from a typo: a word general Danish knows is
never "mended" into another word of the catalogue ("spørger" is no misspelt "sørger").
The frequencies are general (wordfreq's Danish list, see danish_words.txt), not drawn from
any catalogue.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bank.matching.text import word_pairs

FROM_ZIPF = 4.5  # words at most this common count fully ("autisme" 3.7, "angst" 4.3)
SLOPE = 0.6  # weight lost per Zipf unit above FROM_ZIPF ("skole" 5.3: 0.52)
FLOOR = 0.3  # the commonest words ("mere" 6.3) still count this much
WORDS = Path(__file__).with_name("danish_words.txt")


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    return {word: float(zipf) for word, zipf in word_pairs(WORDS).items()}


def everyday_weight(word: str) -> float:
    """Return how much a folded word of a need counts: 1.0, less the commoner it is."""
    zipf = _zipf().get(word)
    if zipf is None or zipf <= FROM_ZIPF:
        return 1.0
    return max(FLOOR, 1.0 - SLOPE * (zipf - FROM_ZIPF))


def is_danish_word(word: str) -> bool:
    """Tell whether general Danish knows a folded word (then it is no typo of another)."""
    return word in _zipf()
