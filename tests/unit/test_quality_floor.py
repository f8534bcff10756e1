"""The engine's quality may not drop: NDCG@5 and double-offer F1 on the labelled sets.

The floors are the levels the engine reached when they were set, minus a small margin
(see docs/quality.md). The engine must also beat the BM25 baseline on NDCG@5.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bank.matching import CatalogueIndex, find_double_offers, load_needs, load_offers
from bank.matching.baselines import BM25Baseline
from bank.matching.evaluate import (
    duplicate_metrics,
    load_duplicate_labels,
    load_judgments,
    ranking_metrics,
)

ROOT = Path(__file__).resolve().parents[2]
SETS = {  # folder: (NDCG@5 floor, double-offer F1 floor)
    "demo": (ROOT / "fixtures", 0.78, 0.90),
    "public": (ROOT.parent / "shared" / "eval" / "public", 0.92, 0.95),
    "heldout": (ROOT / "fixtures" / "heldout", 0.82, 0.70),  # written blind: a gate, not tuned on
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_ranking_and_double_offers_stay_above_their_floor(name):
    folder, ndcg_floor, f1_floor = SETS[name]
    if not (folder / "judgments.jsonl").exists():
        pytest.skip(f"the {name} evaluation set is not at {folder}")
    offers, needs = load_offers(folder / "offers.jsonl"), load_needs(folder / "needs.jsonl")
    grades = load_judgments(folder / "judgments.jsonl")
    index = CatalogueIndex.build(offers)
    engine = ranking_metrics(lambda need, k: [m.offer_id for m in index.rank(need, top=k)],
                             needs, grades)
    bm25 = ranking_metrics(BM25Baseline(offers).rank, needs, grades)
    doubles = [(p.a, p.b) for p in find_double_offers(offers).pairs]
    f1 = duplicate_metrics(doubles, load_duplicate_labels(folder / "duplicates.jsonl")).f1
    assert engine["ndcg@5"] >= ndcg_floor
    assert engine["ndcg@5"] > bm25["ndcg@5"]
    assert f1 >= f1_floor
