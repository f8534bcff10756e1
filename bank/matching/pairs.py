"""How alike two offers are: the confirmation score behind double offers and overlaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from bank.matching.records import OfferRecord
from bank.matching.tags import tag_set
from bank.matching.text import content_stems

DOUBLE_THRESHOLD = 0.40  # composite score from which two offers are the same offer twice
PARTIAL_SHARE = 0.6  # pairs from this share of the threshold up overlap without being double
SAME_UNIT_THRESHOLD = 0.85  # a unit's own two offers must be near copies to count as double
MIN_AGE_OVERLAP = 0.5  # share of the narrower age range the two ranges must have in common
MAX_STEPS_APART, STEP_GAP = 1, 0.05  # the same service sits on (about) the same ladder step
TEXT, TAGS, TITLE = 0.7, 0.15, 0.15


@dataclass(frozen=True)
class PairVerdict:
    """The composite score of a pair and whether it is a double offer or an overlap."""

    score: float
    double: bool
    partial: bool


def text_cosines(tfidf: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Return the TF-IDF cosine of each (left[k], right[k]) row pair."""
    if left.size == 0:
        return np.zeros(0, dtype=np.float32)
    product = tfidf[left].multiply(tfidf[right])
    return np.asarray(product.sum(axis=1)).ravel()


def age_overlap(a: OfferRecord, b: OfferRecord) -> float:
    """Return the share of the narrower age range that both offers cover (1.0 if open)."""
    low_a, high_a = _limits(a)
    low_b, high_b = _limits(b)
    common = min(high_a, high_b) - max(low_a, low_b) + 1
    narrower = min(high_a - low_a, high_b - low_b) + 1
    return max(0.0, common / narrower) if narrower > 0 else 0.0


def _limits(offer: OfferRecord) -> tuple[int, int]:
    low = offer.age_min if offer.age_min is not None else 0
    return low, offer.age_max if offer.age_max is not None else max(low, 120)


def tag_jaccard(a: OfferRecord, b: OfferRecord) -> float:
    """Return the Jaccard overlap of two offers' tags."""
    first, second = set(tag_set(a.tags)), set(tag_set(b.tags))
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def title_likeness(a: str, b: str) -> float:
    """Return how alike two titles are once reduced to stems, in [0, 1]."""
    return fuzz.token_set_ratio(_title_stems(a), _title_stems(b)) / 100.0


@lru_cache(maxsize=200_000)
def _title_stems(title: str) -> str:
    return " ".join(content_stems(title))


def judge(a: OfferRecord, b: OfferRecord, cosine: float, threshold: float | None = None
          ) -> PairVerdict:
    """Blend text, tag and title likeness; apply the target-group, unit and step rules.

    A double offer serves the same ages (mostly), comes from another unit (or is a near
    copy) and sits on the same step of the ladder: one step apart asks for a higher score,
    two or more steps apart is a different service however alike the words are.
    """
    limit = DOUBLE_THRESHOLD if threshold is None else threshold
    score = TEXT * cosine + TAGS * tag_jaccard(a, b) + TITLE * title_likeness(a.title, b.title)
    score = round(min(max(score, 0.0), 1.0), 4)
    if age_overlap(a, b) < MIN_AGE_OVERLAP:
        return PairVerdict(score, double=False, partial=False)
    same_unit = bool(a.unit) and a.unit == b.unit
    steps_apart = abs(a.step - b.step) if a.step is not None and b.step is not None else 0
    needed = max(limit, SAME_UNIT_THRESHOLD if same_unit else limit) + STEP_GAP * steps_apart
    double = steps_apart <= MAX_STEPS_APART and score >= needed
    partial = not double and score >= PARTIAL_SHARE * limit
    return PairVerdict(score, double, partial)


def judge_many(offers: Sequence[OfferRecord], tfidf: sparse.csr_matrix, left: np.ndarray,
               right: np.ndarray, threshold: float | None = None) -> list[PairVerdict]:
    """Judge many row pairs at once (cosines computed in one sparse product)."""
    cosines = text_cosines(tfidf, left, right)
    return [judge(offers[i], offers[j], float(c), threshold)
            for i, j, c in zip(left.tolist(), right.tolist(), cosines.tolist(), strict=True)]
