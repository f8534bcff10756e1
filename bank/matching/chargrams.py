"""Character 3- and 4-grams of words, so compounds and misspellings still meet."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from bank.matching.memo import memo_of, remembered, without_memos
from bank.matching.text import is_content_word

SIZES = (3, 4)
WORDS_KEPT = 100_000  # words whose n-gram columns are remembered between queries
KNOWN = "known"  # the memo of the vocabulary's own words' columns, filled when built


def grams(word: str) -> list[str]:
    """Return the character n-grams of a folded word padded with spaces (char_wb style)."""
    padded = f" {word} "
    return [padded[i : i + n] for n in SIZES for i in range(len(padded) - n + 1)]


class CharGrams:
    """N-gram profiles of a vocabulary's words; documents get theirs by a sparse product."""

    def __init__(self, surface: dict[str, int]) -> None:
        self.columns: dict[str, int] = {}
        rows, cols = [], []
        for word, row in surface.items():
            if is_content_word(word):
                for gram in grams(word):
                    rows.append(row)
                    cols.append(self.columns.setdefault(gram, len(self.columns)))
        self._know_words(surface)
        shape = (max(len(surface), 1), max(len(self.columns), 1))
        data = np.ones(len(rows), dtype=np.float32)
        self.word_grams = sparse.csr_matrix((data, (rows, cols)), shape=shape)
        self.idf = np.ones(shape[1], dtype=np.float32)

    def profiles(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Fit n-gram rarity on rows of word counts and return their L2-normalised profiles."""
        raw = sparse.csr_matrix(counts @ self.word_grams)
        df = np.bincount(raw.indices, minlength=raw.shape[1])
        self.idf = (np.log((1 + raw.shape[0]) / (1 + df)) + 1).astype(np.float32)
        raw.data = np.log1p(raw.data) * self.idf[raw.indices]
        return _normalise(raw)

    def text_profile(self, words: Sequence[str]) -> np.ndarray:
        """Return the L2-normalised n-gram profile (a dense vector) of folded words."""
        found: list[int] = []
        known, seen = memo_of(self, KNOWN).get, memo_of(self, "word_columns").get
        for word in words:
            columns = known(word)
            if columns is None:
                columns = seen(word)
            if columns is None:
                columns = remembered(self, "word_columns", word, WORDS_KEPT, self._word_columns)
            found.extend(columns)
        counts = np.bincount(np.asarray(found, dtype=np.int64), minlength=self.idf.size)
        profile = counts.astype(np.float32)
        hit = np.flatnonzero(counts)
        profile[hit] = np.log1p(profile[hit]) * self.idf[hit]
        norm = float(np.sqrt(profile.dot(profile)))  # np.linalg.norm's own sum
        return profile / norm if norm else profile

    def _know_words(self, surface: dict[str, int]) -> None:
        """Remember the columns of the vocabulary's own words (all their n-grams are known).

        In a memo of their own, never added to afterwards (see Analyzer._know_words).
        """
        memo = memo_of(self, KNOWN)
        known = self.columns
        for word in surface:
            if len(memo) == WORDS_KEPT // 2:
                break
            memo[word] = tuple(known[g] for g in grams(word)) if is_content_word(word) else ()

    def _word_columns(self, word: str) -> tuple[int, ...]:
        """Return the known n-gram columns of one folded word (none for a stop word)."""
        if not is_content_word(word):
            return ()
        known = self.columns
        return tuple(c for c in map(known.get, grams(word)) if c is not None)

    def __getstate__(self) -> dict[str, object]:
        """Pickle the profiles without the words' columns remembered while querying."""
        return without_memos(self)


def _normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
