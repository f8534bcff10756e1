"""Double offers inside one plan: two items that give the same kind of help twice.

Uses the engine's own pair judgment (text likeness in the catalogue's TF-IDF space, tags
and titles, with its target-group and same-unit rules), so the plan warns exactly where
the overlap report would. An accepted bid is judged as a draft offer made of its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scipy import sparse

from bank.matching import CatalogueIndex, OfferRecord
from bank.matching.pairs import judge
from bank.matching.vectors import draft_fields


@dataclass(frozen=True)
class DoublePair:
    """Two records (by id) that look like the same help, and how alike they are."""

    a: str
    b: str
    score: float


def _vector(index: CatalogueIndex, record: OfferRecord) -> sparse.csr_matrix:
    row = index.rows.get(record.id)
    if row is not None:
        return index.m.tfidf[row]
    features: dict[str, float] = {}
    for text, weight in draft_fields(record):
        for feature, value in index.m.analyzer.query_features(text).items():
            features[feature] = features.get(feature, 0.0) + weight * value
    return index.m.weigh(features)


def double_pairs(index: CatalogueIndex, records: Sequence[OfferRecord]) -> list[DoublePair]:
    """Return the pairs among the records that the engine judges to be double offers."""
    vectors = [_vector(index, r) for r in records]
    found = []
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            if records[i].id == records[j].id:
                found.append(DoublePair(records[i].id, records[j].id, 1.0))
                continue
            cosine = float(vectors[i].multiply(vectors[j]).sum())
            verdict = judge(records[i], records[j], cosine)
            if verdict.double:
                found.append(DoublePair(records[i].id, records[j].id, verdict.score))
    return sorted(found, key=lambda p: -p.score)


def doubles_of(
    index: CatalogueIndex, candidate: OfferRecord, records: Sequence[OfferRecord]
) -> list[DoublePair]:
    """Return the records that a candidate would double, were it added to the plan."""
    return [p for p in double_pairs(index, [candidate, *records]) if p.a == candidate.id]
