"""The double-offer scan on every core finds exactly what it finds on one."""

from __future__ import annotations

import dataclasses
import random
import threading
import time

import numpy as np
import pytest
from scipy import sparse

from bank.matching import blocks, counting, doubles, find_double_offers
from bank.matching.doubles import (
    MAX_DF_FLOOR,
    MAX_DF_SHARE,
    MIN_CANDIDATE,
    candidate_pairs,
    judge_candidates,
)
from bank.matching.features import Analyzer
from bank.matching.pairs import judge_many, programme_cosines, text_cosines
from bank.matching.vectors import build_matrices
from tests.unit.engine_support import offer

TOPICS = [
    ("Lektiecafé", "lektier matematik dansk afleveringer eksamen", ("skole",)),
    ("Mentor til job", "job praktik ansøgning fritidsjob arbejdsplads", ("job", "mentor")),
    ("Gruppe mod angst", "angst bekymringer trivsel samtaler undgår", ("psykisk-trivsel",)),
    ("Budgetrådgivning", "gæld budget rykkere økonomi kassekredit", ("okonomi",)),
    ("Fodbold om aftenen", "fodbold træning hold kamp fællesskab", ("fritid",)),
    ("Familiebehandling", "familie konflikter forældre søskende terapi", ("familie",)),
]
PLACES = ["Nørrebro", "Valby", "Amager", "Vesterbro", "Bispebjerg", "Sydhavn", "Østerbro"]
FILLER = "unge hjælp hver uge frivillige ro tryghed sammen mødes huset klubben aftaler".split()
SYLLABLES = "ka lo mi ren sto bak vil dor fes gru han jul kam nis pol rud sim tor ulv".split()


def generated_catalogue(count: int, seed: int = 3) -> list:
    """Return offers from a few topics, with near copies and exact copies (tied scores)."""
    rng = random.Random(seed)
    names = sorted({"".join(rng.sample(SYLLABLES, 3)) for _ in range(count // 3)})
    offers = []
    for number in range(count):
        if offers and rng.random() < 0.15:
            source = rng.choice(offers)
            offers.append(dataclasses.replace(source, id=f"c{number}"))
            continue
        title, words, tags = rng.choice(TOPICS)
        text = rng.sample(words.split(), 4) + rng.sample(FILLER, 6) + rng.sample(names, 3)
        place = rng.choice(PLACES)
        if rng.random() < 0.2:  # "2½" is one word as written, two folded: no spellings kept
            text += [f"{rng.choice(names)}hus", "2½", "time"]
        offers.append(
            offer(
                f"o{number}",
                f"{title} i {place}",
                f"{' '.join(text)} i {place}.",
                tags=tags,
                age_min=rng.choice([12, 13, 15]),
                age_max=rng.choice([17, 18, 24]),
                step=rng.choice([1, 1, 2]),
                unit=f"Enhed {rng.randrange(40)}",
                status=rng.choice(["published"] * 9 + ["retired"]),
            )
        )
    return offers


def candidates_one_row_at_a_time(tfidf: sparse.csr_matrix, neighbours: int = 10):
    """The scan's candidate search as it was written first: one row at a time, into a set."""
    n = tfidf.shape[0]
    df = np.bincount(tfidf.indices, minlength=tfidf.shape[1])
    keep = np.flatnonzero(df <= max(MAX_DF_SHARE * n, MAX_DF_FLOOR))
    pruned = sparse.csr_matrix(tfidf[:, keep])
    similar = sparse.csr_matrix(pruned @ pruned.T)
    found = set()
    for row in range(n):
        cols = similar.indices[similar.indptr[row] : similar.indptr[row + 1]]
        vals = similar.data[similar.indptr[row] : similar.indptr[row + 1]]
        wanted = (cols != row) & (vals >= MIN_CANDIDATE)
        cols, vals = cols[wanted], vals[wanted]
        if cols.size > neighbours:
            cols = cols[np.argpartition(-vals, neighbours)[:neighbours]]
        found.update((min(row, c), max(row, c)) for c in cols.tolist())
    ordered = sorted(found)
    return np.asarray([a for a, _ in ordered]), np.asarray([b for _, b in ordered])


@pytest.fixture
def small_blocks(monkeypatch):
    """Cut the catalogue into many row blocks, so that several workers share the work."""
    monkeypatch.setattr(doubles, "CHUNK", 37)
    monkeypatch.setattr(counting, "TEXTS_PER_BLOCK", 53)
    monkeypatch.setattr(doubles, "PAIRS_PER_BLOCK", 71)


def test_the_scan_on_two_workers_reports_the_same_pairs_scores_and_groups_as_on_one(
    small_blocks,
):
    offers = generated_catalogue(600)
    alone = find_double_offers(offers, workers=1)
    shared = find_double_offers(offers, workers=2)
    assert alone.pairs and alone.groups and alone.partial
    assert shared == alone


def test_candidates_are_the_nearest_neighbours_found_one_row_at_a_time_ties_included(
    small_blocks,
):
    offers = generated_catalogue(600)
    tfidf = build_matrices(offers, with_chars=False).tfidf
    left, right = candidates_one_row_at_a_time(tfidf, neighbours=3)
    for workers in (1, 2, 3):
        found = candidate_pairs(tfidf, neighbours=3, workers=workers)
        assert np.array_equal(found[0], left) and np.array_equal(found[1], right)


def test_pairs_judged_in_blocks_on_two_workers_get_the_verdicts_of_one_judgement(small_blocks):
    offers = [o for o in generated_catalogue(500) if o.status != "retired"]
    m = build_matrices(offers, with_chars=False)
    left, right = candidate_pairs(m.tfidf)
    whole = judge_many(
        offers,
        left,
        right,
        text_cosines(m.tfidf, left, right),
        None,
        programme_cosines(m, left, right),
    )
    found = judge_candidates(offers, m, left, right, None, workers=2)
    assert left.size > 500 and whole.double.any() and whole.partial.any()
    for name in ("score", "double", "partial", "joins"):
        assert np.array_equal(getattr(found, name), getattr(whole, name)), name


def same_sparse(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    return a.shape == b.shape and all(
        np.array_equal(getattr(a, part), getattr(b, part)) for part in ("indptr", "indices", "data")
    )


def test_words_split_on_two_workers_give_the_same_vocabulary_spellings_and_matrices(
    small_blocks,
):
    offers = generated_catalogue(400)
    alone = build_matrices(offers, with_chars=False, workers=1)
    shared = build_matrices(offers, with_chars=False, workers=2)
    assert list(shared.analyzer.surface.items()) == list(alone.analyzer.surface.items())
    assert list(shared.analyzer.display.items()) == list(alone.analyzer.display.items())
    assert shared.words == alone.words
    assert np.array_equal(shared.idf, alone.idf)
    for part in ("tfidf", "postings", "programme"):
        assert same_sparse(getattr(shared, part), getattr(alone, part)), part


@pytest.mark.parametrize("workers", [1, 2])
def test_words_counted_in_blocks_are_what_one_analyzer_count_pass_gives(small_blocks, workers):
    offers = generated_catalogue(300)
    fields = (
        [o.title for o in offers],
        ["", *(o.description for o in offers[1:])],  # an empty text among them
        [o.programme_text for o in offers],
    )
    one, blocked = Analyzer(), Analyzer()
    said_one: tuple[list[list[str]], ...] = ([], [], [])
    said_blocked: tuple[list[list[str]], ...] = ([], [], [])
    expected = [one.count(t, True, f) for t, f in zip(fields, said_one, strict=True)]
    found = counting.count_fields(blocked, fields, said_blocked, workers)
    assert list(blocked.surface.items()) == list(one.surface.items())
    assert list(blocked.display.items()) == list(one.display.items())
    assert said_blocked == said_one
    for matrix, wanted in zip(found, expected, strict=True):
        matrix.resize(wanted.shape)
        assert same_sparse(matrix, wanted)


def test_without_fork_the_scan_runs_in_this_process_and_finds_the_same(small_blocks, monkeypatch):
    offers = generated_catalogue(300)
    expected = find_double_offers(offers, workers=1)
    monkeypatch.setattr(blocks.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert blocks.usable_workers(4) == 1
    assert find_double_offers(offers, workers=4) == expected


def test_a_daemon_process_which_may_not_have_children_scans_in_itself(monkeypatch):
    daemon = type("Daemon", (), {"daemon": True})()
    monkeypatch.setattr(blocks.multiprocessing, "current_process", lambda: daemon)
    assert blocks.usable_workers(2) == 1
    assert blocks.run_blocks(_span, None, 10, 3, workers=2) == [(0, 3), (3, 6), (6, 9), (9, 10)]


def _span(_shared: object, start: int, stop: int) -> tuple[int, int]:
    return start, stop


def test_blocks_come_back_in_row_order_from_the_workers():
    spans = [(start, min(start + 7, 100)) for start in range(0, 100, 7)]
    assert blocks.run_blocks(_span, None, 100, 7, workers=3) == spans


def test_by_default_the_scan_uses_every_core(monkeypatch):
    monkeypatch.setattr(blocks.os, "cpu_count", lambda: 6)
    assert blocks.usable_workers() == (6 if blocks.can_fork() else 1)
    assert blocks.usable_workers(1) == 1


def _slow_rows(shared, start: int, stop: int) -> list:
    time.sleep(0.02)
    return [shared * row for row in range(start, stop)]


def test_two_threads_running_blocks_at_once_each_get_their_own_results():
    found: dict[int, list] = {}

    def scan(factor: int) -> None:
        parts = blocks.run_blocks(_slow_rows, factor, 40, 5, workers=2)
        found[factor] = [value for part in parts for value in part]

    threads = [threading.Thread(target=scan, args=(factor,)) for factor in (1, 1000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found[1] == list(range(40))
    assert found[1000] == [1000 * row for row in range(40)]
