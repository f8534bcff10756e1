"""The evaluation metrics on tiny examples worked out by hand."""

from __future__ import annotations

import math

import pytest

from bank.bench.evaluate import (
    dcg,
    duplicate_metrics,
    format_table,
    ndcg_at,
    ranking_metrics,
    recall_at,
    reciprocal_rank,
)
from bank.matching import NeedRecord

GRADES = {"a": 3, "b": 1, "c": 2}


def test_dcg_discounts_by_the_log_of_the_rank():
    assert dcg([7, 1]) == pytest.approx(7 + 1 / math.log2(3))


def test_ndcg_is_one_for_the_ideal_order_and_uses_gain_two_to_the_grade_minus_one():
    assert ndcg_at(["a", "c", "b"], GRADES, 5) == pytest.approx(1.0)
    # shown: c (gain 3), a (gain 7); ideal: a, c, b (gains 7, 3, 1)
    shown = 3 + 7 / math.log2(3)
    ideal = 7 + 3 / math.log2(3) + 1 / 2
    assert ndcg_at(["c", "a"], GRADES, 5) == pytest.approx(shown / ideal)


def test_ndcg_cuts_at_k_and_unjudged_offers_gain_nothing():
    assert ndcg_at(["x", "a"], GRADES, 1) == 0.0
    second = 7 / math.log2(3)
    assert ndcg_at(["x", "a"], GRADES, 2) == pytest.approx(second / (7 + 3 / math.log2(3)))


def test_mrr_and_recall_count_any_graded_offer_as_relevant():
    assert reciprocal_rank(["x", "y", "b"], GRADES) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], GRADES) == 0.0
    assert recall_at(["b", "x", "a"], GRADES, 2) == pytest.approx(1 / 3)
    assert recall_at(["b", "x", "a"], GRADES, 10) == pytest.approx(2 / 3)


def test_ranking_metrics_average_over_the_judged_needs_only():
    needs = [NeedRecord("n1", "t", "d"), NeedRecord("n2", "t", "d"), NeedRecord("n3", "t", "d")]
    answers = {"n1": ["a", "c", "b"], "n2": ["x"], "n3": ["a"]}
    grades = {"n1": GRADES, "n2": {"y": 2}}
    result = ranking_metrics(lambda need, k: answers[need.id][:k], needs, grades)
    assert result["ndcg@5"] == pytest.approx(0.5)
    assert result["mrr"] == pytest.approx(0.5)
    assert result["recall@10"] == pytest.approx(0.5)


def test_duplicate_metrics_count_overlaps_neither_way_and_unlabelled_flags_as_wrong():
    labels = {
        ("a", "b"): "duplicate",
        ("c", "d"): "duplicate",
        ("e", "f"): "overlap",
        ("g", "h"): "distinct",
    }
    flagged = [("b", "a"), ("e", "f"), ("g", "h"), ("x", "y")]
    score = duplicate_metrics(flagged, labels)
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 2, 1)
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_flagging_nothing_has_no_recall_and_no_f1():
    score = duplicate_metrics([], {("a", "b"): "duplicate"})
    assert score.recall == 0.0 and score.f1 == 0.0


def test_the_table_puts_systems_side_by_side():
    table = format_table({"engine": {"ndcg@5": 0.9}, "bm25": {"ndcg@5": 0.75}})
    assert table.splitlines()[0] == "| metric | engine | bm25 |"
    assert "| NDCG@5 | 0.900 | 0.750 |" in table
