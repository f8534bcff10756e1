"""LIX, the Danish readability index (Björnsson's läsbarhetsindex), for offer descriptions.

    LIX = words / sentences + 100 × long words / words

- a word is a run of letters or digits (æ, ø, å count as letters; a hyphen splits words);
- a long word has more than 6 letters;
- a sentence ends at . ! ? : ; or a line break (so a list item without a full stop counts
  as one sentence); a text with words but no ending is one sentence.

Reading the score (the usual Danish bands): under 25 very easy (children's books),
25–34 easy, 35–44 medium (newspapers), 45–54 hard (factual prose), 55 and over very hard.
The bank warns above 45, because offers must be readable by young people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WARN_ABOVE = 45
LONG_WORD = 6  # a long word has more letters than this

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?:;]+|\n")

BANDS = (
    (25, "meget let"),
    (35, "let"),
    (45, "middel"),
    (55, "svær"),
)


@dataclass(frozen=True)
class Readability:
    """A text's LIX with the counts it came from and a Danish band."""

    lix: int
    words: int
    sentences: int
    long_words: int

    @property
    def band(self) -> str:
        """Return the Danish name of the score's band ("let", "svær", ...)."""
        for limit, name in BANDS:
            if self.lix < limit:
                return name
        return "meget svær"

    @property
    def counts(self) -> str:
        """Return the counts in Danish, singular where one: '12 ord, 1 sætning, 1 langt ord'."""
        sentences = "1 sætning" if self.sentences == 1 else f"{self.sentences} sætninger"
        long_words = "1 langt ord" if self.long_words == 1 else f"{self.long_words} lange ord"
        return f"{self.words} ord, {sentences}, {long_words}"

    @property
    def too_hard(self) -> bool:
        """Return whether the text is harder than young readers should meet (LIX above 45)."""
        return self.lix > WARN_ABOVE


def readability(text: str) -> Readability:
    """Count words, sentences and long words in a text and compute its LIX (rounded)."""
    words = _WORD.findall(text or "")
    if not words:
        return Readability(0, 0, 0, 0)
    sentences = sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part))
    sentences = max(sentences, 1)
    long_words = sum(1 for word in words if len(word) > LONG_WORD)
    value = len(words) / sentences + 100 * long_words / len(words)
    return Readability(round(value), len(words), sentences, long_words)


def lix(text: str) -> int:
    """Return the LIX of a text (0 for a text without words)."""
    return readability(text).lix
