"""Character 3- and 4-grams of words, so compounds and misspellings still meet."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from bank.matching.text import is_content_word

SIZES = (3, 4)
IDF_SAMPLE = 5000  # documents used to estimate how common each n-gram is


def grams(word: str) -> list[str]:
    """Return the character n-grams of a folded word padded with spaces (char_wb style)."""
    padded = f" {word} "
    return [padded[i:i + n] for n in SIZES for i in range(len(padded) - n + 1)]


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
        shape = (max(len(surface), 1), max(len(self.columns), 1))
        data = np.ones(len(rows), dtype=np.float32)
        self.word_grams = sparse.csr_matrix((data, (rows, cols)), shape=shape)
        self.idf = np.ones(shape[1], dtype=np.float32)

    def fit_idf(self, counts: sparse.csr_matrix) -> None:
        """Estimate n-gram rarity from a deterministic sample of document word counts."""
        n = counts.shape[0]
        if n == 0:
            return
        rows = np.linspace(0, n - 1, num=min(n, IDF_SAMPLE)).astype(np.int64)
        present = (counts[rows] @ self.word_grams) > 0
        df = np.asarray(present.sum(axis=0)).ravel()
        self.idf = (np.log((1 + len(rows)) / (1 + df)) + 1).astype(np.float32)

    def profiles(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Return L2-normalised, idf-weighted n-gram profiles for rows of word counts."""
        raw = sparse.csr_matrix(counts @ self.word_grams)
        raw.data = np.log1p(raw.data)
        weighted = sparse.csr_matrix(raw.multiply(self.idf[np.newaxis, :]))
        return _normalise(weighted)

    def text_profile(self, words: Sequence[str]) -> sparse.csr_matrix:
        """Return the n-gram profile (1 x grams) of a list of folded words."""
        counts: dict[int, float] = {}
        for word in words:
            if is_content_word(word):
                for gram in grams(word):
                    column = self.columns.get(gram)
                    if column is not None:
                        counts[column] = counts.get(column, 0.0) + 1.0
        cols = list(counts)
        values = np.log1p(np.asarray([counts[c] for c in cols], dtype=np.float32))
        values *= self.idf[cols] if cols else 1.0
        row = sparse.csr_matrix((values, ([0] * len(cols), cols)), shape=(1, self.idf.size))
        return _normalise(row)


def _normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
