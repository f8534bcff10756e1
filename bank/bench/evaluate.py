"""Ranking and double-offer metrics on a labelled set, for the engine and the baselines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bank.bench.baselines import BM25Baseline, PostgresBaseline
from bank.matching import (
    BadCatalogueLine,
    CatalogueIndex,
    NeedRecord,
    OfferRecord,
    find_double_offers,
)
from bank.matching.learned import FOLDS, Decision, fit, ndcg_at, need_text
from bank.matching.learned import dcg as dcg  # re-exported for the metric tests
from bank.matching.records import read_jsonl

Ranker = Callable[[NeedRecord, int], list[str]]
Grades = dict[str, dict[str, int]]  # need id -> offer id -> grade
LABELS = ("duplicate", "overlap", "distinct")


@dataclass(frozen=True)
class DuplicateScore:
    """Precision, recall and F1 of flagged double offers against labelled pairs."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


def load_judgments(path: str | Path) -> Grades:
    """Load graded (need, offer) pairs: {"need", "offer", "grade"} per line."""
    grades: Grades = {}
    for number, row in read_jsonl(path):
        need, offer, grade = row.get("need"), row.get("offer"), row.get("grade")
        if (
            not isinstance(need, str)
            or not isinstance(offer, str)
            or not isinstance(grade, int)
            or isinstance(grade, bool)
        ):
            raise BadCatalogueLine(path, number, "a judgment needs need, offer and an int grade")
        grades.setdefault(need, {})[offer] = grade
    return grades


def load_duplicate_labels(path: str | Path) -> dict[tuple[str, str], str]:
    """Load labelled offer pairs: {"a", "b", "label"} per line, keyed by the sorted pair."""
    labels: dict[tuple[str, str], str] = {}
    for number, row in read_jsonl(path):
        a, b, label = row.get("a"), row.get("b"), row.get("label")
        if not isinstance(a, str) or not isinstance(b, str) or label not in LABELS:
            raise BadCatalogueLine(path, number, "a pair needs a, b and a known label")
        labels[pair_key(a, b)] = str(label)
    return labels


def pair_key(a: str, b: str) -> tuple[str, str]:
    """Return a pair of ids in sorted order."""
    return (a, b) if a < b else (b, a)


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    """Return 1/rank of the first offer with a grade above zero, or 0."""
    for rank, offer in enumerate(ranked, start=1):
        if grades.get(offer, 0) > 0:
            return 1.0 / rank
    return 0.0


def recall_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Return the share of graded offers found in the top k (1.0 when none are graded)."""
    relevant = {offer for offer, grade in grades.items() if grade > 0}
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def ranking_metrics(
    ranker: Ranker, needs: Sequence[NeedRecord], grades: Grades
) -> dict[str, float]:
    """Return mean NDCG@5, NDCG@10, MRR and recall@10 of a ranker over the judged needs."""
    judged = [need for need in needs if need.id in grades]
    totals = {"ndcg@5": 0.0, "ndcg@10": 0.0, "mrr": 0.0, "recall@10": 0.0}
    for need in judged:
        ranked, own = ranker(need, 10), grades[need.id]
        totals["ndcg@5"] += ndcg_at(ranked, own, 5)
        totals["ndcg@10"] += ndcg_at(ranked, own, 10)
        totals["mrr"] += reciprocal_rank(ranked, own)
        totals["recall@10"] += recall_at(ranked, own, 10)
    return {name: value / max(len(judged), 1) for name, value in totals.items()}


def duplicate_metrics(
    flagged: Iterable[tuple[str, str]], labels: Mapping[tuple[str, str], str]
) -> DuplicateScore:
    """Score flagged pairs: labelled duplicates are positives, overlaps count neither way."""
    seen = {pair_key(a, b) for a, b in flagged}
    positives = {pair for pair, label in labels.items() if label == "duplicate"}
    tp = len(seen & positives)
    fp = sum(1 for pair in seen if labels.get(pair) not in ("duplicate", "overlap"))
    fn = len(positives - seen)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return DuplicateScore(precision, recall, f1, tp, fp, fn)


def compare_systems(
    offers: Sequence[OfferRecord],
    needs: Sequence[NeedRecord],
    grades: Grades,
    labels: Mapping[tuple[str, str], str] | None = None,
    pg_url: str | None = None,
) -> dict[str, dict[str, float]]:
    """Return every metric for the engine, BM25 and (with a URL) PostgreSQL, by system."""
    index = CatalogueIndex.build(offers)
    bm25 = BM25Baseline(offers)
    systems: dict[str, tuple[Ranker, Callable[[], list[tuple[str, str]]]]] = {
        "engine": (
            lambda need, k: [m.offer_id for m in index.rank(need, top=k)],
            lambda: [(p.a, p.b) for p in find_double_offers(offers).pairs],
        ),
        "bm25": (bm25.rank, bm25.doubles),
    }
    postgres = PostgresBaseline(offers, pg_url) if pg_url else None
    if postgres is not None:
        systems["postgres"] = (postgres.rank, postgres.doubles)
    results: dict[str, dict[str, float]] = {}
    try:
        for name, (ranker, doubles) in systems.items():
            results[name] = ranking_metrics(ranker, needs, grades)
            if labels is not None:
                score = duplicate_metrics(doubles(), labels)
                results[name].update(
                    {
                        "dup precision": score.precision,
                        "dup recall": score.recall,
                        "dup F1": score.f1,
                    }
                )
    finally:
        if postgres is not None:
            postgres.close()
    return results


def format_table(results: Mapping[str, Mapping[str, float]]) -> str:
    """Format metrics by system as a Markdown table, one metric per row."""
    systems = list(results)
    metrics = list(dict.fromkeys(m for values in results.values() for m in values))
    lines = ["| metric | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for metric in metrics:
        cells = [f"{results[s][metric]:.3f}" if metric in results[s] else "–" for s in systems]
        lines.append(f"| {NAMES.get(metric, metric)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


NAMES = {"ndcg@5": "NDCG@5", "ndcg@10": "NDCG@10", "mrr": "MRR", "recall@10": "recall@10"}


def learned_metrics(
    offers: Sequence[OfferRecord],
    needs: Sequence[NeedRecord],
    grades: Grades,
    folds: int = FOLDS,
) -> dict[str, float]:
    """Return NDCG@5 before and after the learned signal, k-fold over the judged needs.

    The judgments of the training folds are the decisions (grade 2-3: chosen, 0: turned
    down, 1: no decision); the signal is fitted and guarded on them as the worker does, and
    the held-out needs are ranked with it if it was adopted.
    """
    index = CatalogueIndex.build(offers)
    judged = [need for need in needs if need.id in grades]
    before = after = 0.0
    adopted = 0
    for fold in range(folds):
        held_out = [need for n, need in enumerate(judged) if n % folds == fold]
        decisions = [
            Decision(need.id, need_text(need), offer, grade >= 2)
            for n, need in enumerate(judged)
            if n % folds != fold
            for offer, grade in grades[need.id].items()
            if grade != 1
        ]
        result = fit(decisions, index.fit_ranker())
        model = result.model(decisions)
        signal = index.learn(model) if model is not None else None
        adopted += model is not None
        for need in held_out:
            own = grades[need.id]
            before += ndcg_at([m.offer_id for m in index.rank(need, learned=None)], own, 5)
            after += ndcg_at([m.offer_id for m in index.rank(need, learned=signal)], own, 5)
    count = max(len(judged), 1)
    return {
        "ndcg@5 before": before / count,
        "ndcg@5 after": after / count,
        "folds adopted": adopted,
        "folds": folds,
    }


def format_learned(found: Mapping[str, float]) -> str:
    """Return the k-fold before/after numbers of the learned signal as lines of text."""
    gain = found["ndcg@5 after"] - found["ndcg@5 before"]
    return (
        f"NDCG@5 untrained  {found['ndcg@5 before']:.3f}\n"
        f"NDCG@5 learned    {found['ndcg@5 after']:.3f}  ({gain:+.3f})\n"
        f"adopted in {int(found['folds adopted'])} of {int(found['folds'])} folds"
    )
