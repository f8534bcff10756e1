"""The engine's own row copies give what scipy's indexing and products give, to the bit."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from bank.matching.scoring import TitleWords, content_text
from bank.matching.text import fold
from bank.matching.vectors import Gathered, Rows
from tests.unit.engine_support import word_by_word_cover


def _matrix(seed: int) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((60, 40), dtype=np.float32)
    dense[dense < 0.7] = 0.0
    matrix = sparse.csr_matrix(dense)
    matrix.indices = matrix.indices.copy()
    for row in range(matrix.shape[0]):  # unsorted columns, as the catalogue's rows are
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        matrix.indices[start:end] = matrix.indices[start:end][::-1].copy()
        matrix.data[start:end] = matrix.data[start:end][::-1].copy()
    return matrix


def test_gathered_rows_and_products_are_scipys():
    matrix = _matrix(3)
    rows = np.asarray([5, 0, 59, 5, 17, 33])
    vector = np.random.default_rng(4).random(40, dtype=np.float32)
    taken = Gathered.of(matrix, rows)
    expected = matrix[rows]
    assert np.array_equal(taken.indptr, expected.indptr)
    assert np.array_equal(taken.indices, expected.indices)
    assert np.array_equal(taken.data, expected.data)
    assert np.array_equal(taken.dot(vector), expected @ vector)
    assert taken.dot(vector).dtype == (expected @ vector).dtype


def test_rows_keep_each_rows_entries_in_order():
    matrix = _matrix(5)
    rows = np.asarray([2, 9, 2])
    taken = Rows.of(matrix, rows)
    for k, row in enumerate(rows.tolist()):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        assert np.array_equal(taken.indices[taken.owner == k], matrix.indices[start:end])
        assert np.array_equal(taken.data[taken.owner == k], matrix.data[start:end])


def test_title_words_cover_some_rows_as_word_by_word_comparison_does():
    titles = (
        "Jobmentor på arbejdspladsen",
        "Mentor til unge, der vil ud af kriminalitet",
        "",
        "Til og fra",
        "Lektiecafé for unge",
        "Jobklub og jobsøgning",
    )
    contents = [content_text(fold(t)) for t in titles]
    words = TitleWords.of(contents)
    rows = np.asarray([4, 0, 5, 2, 1, 3])
    for text in ("mentor til job", "lektie", "jbo", "menntor", "job ung"):
        expected = word_by_word_cover(content_text(text).split(), [contents[r] for r in rows])
        assert np.array_equal(words.cover(text, rows), expected)
