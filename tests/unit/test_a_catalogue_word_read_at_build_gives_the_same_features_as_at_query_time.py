"""A catalogue word remembered when the analyzer is fitted reads as a query would read it.

Fitting remembers each catalogue word's features, weak concepts and everyday weight, and
the character n-gram columns of each; a query that says the word then only looks it up.
The remembered answers must be those worked out for a word never seen before.
"""

from __future__ import annotations

from bank.bench.synthetic import make_catalogue
from bank.matching import CatalogueIndex
from bank.matching.memo import memo_of

CATALOGUE = make_catalogue(300, 0, seed=11).offers


def test_every_catalogue_word_remembered_reads_as_a_new_word_would():
    index = CatalogueIndex.build(CATALOGUE, workers=1)
    analyzer = index.m.analyzer
    remembered = dict(memo_of(analyzer, "known"))
    assert set(analyzer.surface) == set(remembered)
    analyzer._cache.clear()
    for word, read in remembered.items():
        assert analyzer._read_query_word(word) == read, word
    assert not set(analyzer.corrections) & set(analyzer.surface)  # no catalogue word is a typo


def test_every_catalogue_words_n_grams_remembered_are_its_columns():
    index = CatalogueIndex.build(CATALOGUE, workers=1)
    chars = index.m.chars
    assert chars is not None
    remembered = dict(memo_of(chars, "known"))
    assert set(remembered) == set(index.m.analyzer.surface)
    for word, columns in remembered.items():
        assert chars._word_columns(word) == columns, word


def test_new_words_leave_the_catalogue_words_memo_to_the_oldest_generation():
    import gc

    from bank.matching import NeedRecord

    index = CatalogueIndex.build(CATALOGUE, workers=1)
    known = [memo_of(index.m.analyzer, "known"), memo_of(index.chars, "known")]
    gc.collect()
    index.rank(NeedRecord("n", "Zyxlop vorbank", "Plimsoll grevnat og tjuvkopf", tags=()))
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    assert not any(id(memo) in young for memo in known)


def test_the_word_reader_reads_every_word_as_query_word_does():
    index = CatalogueIndex.build(CATALOGUE, workers=1)
    analyzer = index.m.analyzer
    read = analyzer.word_reader()
    said = [*list(analyzer.surface)[:300], "mentorr", "zyxlop", "vejledning", "og", "42"]
    for word in said + said:  # new words the second time round come from the memo
        assert read(word) == analyzer.query_word(word) == analyzer._read_query_word(word)
