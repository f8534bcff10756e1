"""The engine's own row copies give what scipy's indexing and products give, to the bit."""

from __future__ import annotations

from pathlib import Path

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


def test_without_scipys_private_loops_the_rows_and_products_are_the_same(monkeypatch):
    import bank.matching.vectors as vectors

    matrix = _matrix(5)
    rows = np.asarray([3, 3, 0, 42])
    vector = np.random.default_rng(6).random(40, dtype=np.float32)
    fast = Gathered.of(matrix, rows)
    monkeypatch.setattr(vectors, "_sparsetools", None)
    slow = Gathered.of(matrix, rows)
    assert np.array_equal(slow.indices, fast.indices) and np.array_equal(slow.data, fast.data)
    assert np.array_equal(slow.dot(vector), fast.dot(vector))


def test_the_features_shown_offers_share_are_found_in_one_pass_as_offer_by_offer():
    from bank.matching import CatalogueIndex
    from bank.matching.explain import shared_features, shared_with_query
    from bank.matching.records import load_offers
    from bank.matching.scoring import need_query
    from tests.unit.engine_support import need

    index = CatalogueIndex.build(
        load_offers(Path(__file__).resolve().parents[2] / "fixtures" / "offers.jsonl")
    )
    asked = need("n", "Jeg vil gerne have et job", "Jeg har angst og vil gerne i praktik.")
    q = index.m.weigh_columns(need_query(asked, index.m.analyzer).features)
    dense = np.zeros(index.m.idf.size, dtype=np.float32)
    dense[q[0]] = q[1]
    said = np.zeros(index.m.idf.size, dtype=bool)
    said[q[0]] = True
    rows = np.arange(len(index))
    together = shared_with_query(said, dense, Rows.of(index.m.tfidf, rows), index.m)
    one_by_one = [shared_features(q, index.m.row(int(r)), index.m) for r in rows]
    assert together == one_by_one
    assert any(together)  # the need shares named features with some offers
