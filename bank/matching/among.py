"""Double offers among a handful of records (a plan's items), judged in a built index's space.

Uses the engine's own pair judgment (text likeness in the catalogue's TF-IDF space, tags
and titles, with its target-group and same-unit rules), so a plan warns exactly where the
double-offer scan would. A record the index does not hold (an accepted bid, a draft) is
weighed as a draft offer made of its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from scipy import sparse

from bank.matching.doubles import DoublePair
from bank.matching.index import CatalogueIndex
from bank.matching.pairs import judge
from bank.matching.records import OfferRecord
from bank.matching.vectors import draft_fields


def _vector(index: CatalogueIndex, record: OfferRecord) -> sparse.csr_matrix:
    row = index.rows.get(record.id)
    if row is not None:
        return index.m.tfidf[row]
    features: dict[str, float] = {}
    for text, weight in draft_fields(record):
        for feature, value in index.m.analyzer.query_features(text).items():
            features[feature] = features.get(feature, 0.0) + weight * value
    return index.m.weigh(features)


def double_pairs_among(index: CatalogueIndex, records: Sequence[OfferRecord]) -> list[DoublePair]:
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
    """Return the records that a candidate would double, were it added to the records."""
    return [p for p in double_pairs_among(index, [candidate, *records]) if p.a == candidate.id]
