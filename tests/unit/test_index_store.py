"""A saved index maps back from its files and answers exactly as the index that was built."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bank.matching import CatalogueIndex
from bank.matching.store import LazyOffer, engine_fingerprint, load_index, read_meta, save_index
from tests.unit.engine_support import CATALOGUE, need


@pytest.fixture
def built() -> CatalogueIndex:
    return CatalogueIndex.build(CATALOGUE)


def _answers(index: CatalogueIndex) -> list:
    needs = [
        need("n1", "Hjælp til lektier", age=14, tags=("skole",)),
        need("n2", "Angst og skolefravær", age=15),
        need("n3", "Mentor til job", age=18),
    ]
    ranked = [(m.offer_id, m.score, m.why, m.reasons, m.full) for n in needs for m in index.rank(n)]
    searched = [(m.offer_id, m.score, m.reasons) for m in index.search("mentr job")]
    similar = [(m.offer_id, m.score, m.likeness) for m in index.similar("o1")]
    return [ranked, searched, similar]


def test_a_mapped_index_ranks_searches_and_finds_look_alikes_as_the_built_one(built, tmp_path):
    save_index(built, tmp_path / "v1", "v1")
    mapped = load_index(tmp_path / "v1")
    assert _answers(mapped) == _answers(built)
    assert mapped.offer("o2").title == "Gruppeforløb for unge med angst"
    assert len(mapped) == len(built)


def test_the_big_arrays_of_a_mapped_index_are_read_only_views_of_the_files(built, tmp_path):
    save_index(built, tmp_path / "v1", "v1")
    mapped = load_index(tmp_path / "v1")
    for array in (mapped.m.tfidf.data, mapped.m.postings.indices, mapped.m.idf):
        assert not array.flags.writeable
        assert array.base is not None
        with pytest.raises(ValueError):
            array[0] = 0
    assert isinstance(mapped.offers[0], LazyOffer)


def test_an_offer_record_is_decoded_only_when_a_field_other_than_its_id_is_read(built, tmp_path):
    save_index(built, tmp_path / "v1", "v1")
    offer = load_index(tmp_path / "v1").offers[2]
    assert offer.id == "o3" and offer._record is None
    assert offer.tags == ("skole", "faellesskab")
    assert offer._record is not None


def test_saving_leaves_no_half_written_directory_and_records_the_version(built, tmp_path):
    save_index(built, tmp_path / "v7-abc", "v7-abc")
    assert [p.name for p in tmp_path.iterdir()] == ["v7-abc"]
    meta = read_meta(tmp_path / "v7-abc")
    assert meta["version"] == "v7-abc" and meta["offers"] == len(CATALOGUE)


def test_a_second_save_of_the_same_version_keeps_the_first_copy(built, tmp_path):
    first = save_index(built, tmp_path / "v1", "v1")
    stamp = (first / "arrays.npy").stat().st_mtime_ns
    save_index(built, tmp_path / "v1", "v1")
    assert (first / "arrays.npy").stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == ["v1"]


def test_an_index_saved_in_another_format_is_refused(built, tmp_path):
    path = save_index(built, tmp_path / "v1", "v1")
    meta = json.loads((path / "meta.json").read_text())
    (path / "meta.json").write_text(json.dumps({**meta, "format": 99}))
    with pytest.raises(ValueError, match="format 99"):
        load_index(path)


def test_a_search_explains_only_the_rows_it_is_asked_to(built):
    full = built.search("unge hjælp", top=10)
    assert len(full) >= 3
    some = built.search("unge hjælp", top=10, explain_rows=range(1, 2))
    assert [(m.offer_id, m.score) for m in some] == [(m.offer_id, m.score) for m in full]
    assert some[1] == full[1]
    assert some[0].reasons == () and some[0].why == {} and full[0].reasons
    assert np.all([m.reasons == () for m in some[2:]])


def test_an_index_saved_by_another_engine_is_refused(built, tmp_path):
    path = save_index(built, tmp_path / "v1", "v1")
    meta = json.loads((path / "meta.json").read_text())
    assert meta["engine"] == engine_fingerprint()
    (path / "meta.json").write_text(json.dumps({**meta, "engine": "0123456789ab"}))
    with pytest.raises(ValueError, match="saved by another engine"):
        load_index(path)


def test_a_repeated_search_is_answered_from_memory_with_the_same_offers_and_reasons(built):
    first = built.search("mentr job", age=18)
    again = built.search("mentr job", age=18)
    assert again == first and again is not first
    assert built._searches.hits == 1
    other_page = built.search("mentr job", age=18, explain_rows=range(0, 1))
    assert [m.offer_id for m in other_page] == [m.offer_id for m in first]
    assert built._searches.hits == 1  # another page is another search


def test_a_saved_index_keeps_no_searches_and_still_remembers_new_ones(built, tmp_path):
    built.search("mentr job")
    save_index(built, tmp_path / "v1", "v1")
    mapped = load_index(tmp_path / "v1")
    assert mapped._searches.hits == mapped._searches.misses == 0
    assert mapped.search("mentr job") == mapped.search("mentr job")
    assert mapped._searches.hits == 1


def test_what_the_engine_remembered_while_querying_is_not_saved_with_the_index():
    import pickle

    from bank.matching import CatalogueIndex
    from bank.matching.memo import MEMOS
    from tests.unit.engine_support import CATALOGUE, need

    index = CatalogueIndex.build(CATALOGUE)
    index.rank(need("n", "Mentor til job", "Jeg vil have hjælp til at finde et job", age=17))
    assert MEMOS in index.m.analyzer.__dict__ and MEMOS in index.chars.__dict__
    copy = pickle.loads(pickle.dumps(index))
    assert MEMOS not in copy.m.analyzer.__dict__ and MEMOS not in copy.chars.__dict__
    index.m.analyzer.fit()  # refitted: its answers no longer hold
    memos = index.m.analyzer.__dict__.get(MEMOS, {})
    assert set(memos) == {"known"}  # only the catalogue's own words, read anew by fit
    assert set(memos["known"]) == set(index.m.analyzer.surface)
