"""How alike two offers are: the confirmation score behind double offers and overlaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from bank.matching.records import OfferRecord
from bank.matching.tags import tag_set
from bank.matching.text import content_stems

DOUBLE_THRESHOLD = 0.40  # composite score from which two offers are the same offer twice
PARTIAL_SHARE = 0.75  # pairs from this share of the threshold up overlap, not being double
SAME_UNIT_THRESHOLD = 0.85  # a unit's own two offers must be near copies to count as double
MIN_AGE_OVERLAP = 0.5  # share of the narrower age range the two ranges must have in common
MAX_STEPS_APART, STEP_GAP = 1, 0.05  # the same service sits on (about) the same ladder step
TEXT, TAGS, TITLE = 0.7, 0.15, 0.15
NO_AGE_LIMIT = 120


@dataclass(frozen=True)
class PairVerdict:
    """The composite score of a pair and whether it is a double offer or an overlap."""

    score: float
    double: bool
    partial: bool


@dataclass(frozen=True)
class Verdicts:
    """The verdicts on many pairs at once, as arrays."""

    score: np.ndarray
    double: np.ndarray
    partial: np.ndarray


def judge(a: OfferRecord, b: OfferRecord, cosine: float, threshold: float | None = None
          ) -> PairVerdict:
    """Judge one pair of offers, given the TF-IDF cosine of their texts."""
    found = judge_many([a, b], np.asarray([0]), np.asarray([1]), np.asarray([cosine]), threshold)
    return PairVerdict(float(found.score[0]), bool(found.double[0]), bool(found.partial[0]))


def judge_many(offers: Sequence[OfferRecord], left: np.ndarray, right: np.ndarray,
               cosines: np.ndarray, threshold: float | None = None) -> Verdicts:
    """Blend text, tag and title likeness of row pairs; apply the target-group, unit, step rules.

    A double offer serves the same ages (mostly), comes from another unit (or is a near
    copy) and sits on the same step of the ladder: one step apart asks for a higher score,
    two or more steps apart is a different service however alike the words are.
    """
    limit = DOUBLE_THRESHOLD if threshold is None else threshold
    first = [offers[i] for i in left.tolist()]
    second = [offers[j] for j in right.tolist()]
    score = TEXT * np.asarray(cosines, dtype=np.float64)
    score += TAGS * np.asarray([tag_jaccard(a, b) for a, b in zip(first, second, strict=True)])
    score += TITLE * title_likeness([a.title for a in first], [b.title for b in second])
    score = np.round(np.clip(score, 0.0, 1.0), 4)
    ages = np.asarray([age_overlap(a, b) for a, b in zip(first, second, strict=True)])
    same_unit = np.asarray([bool(a.unit) and a.unit == b.unit for a, b in
                            zip(first, second, strict=True)])
    apart = np.asarray([abs(a.step - b.step) if a.step is not None and b.step is not None
                        else 0 for a, b in zip(first, second, strict=True)])
    needed = np.where(same_unit, max(limit, SAME_UNIT_THRESHOLD), limit) + STEP_GAP * apart
    fits = ages >= MIN_AGE_OVERLAP
    double = fits & (apart <= MAX_STEPS_APART) & (score >= needed)
    partial = fits & ~double & (score >= PARTIAL_SHARE * limit)
    return Verdicts(score, double, partial)


def text_cosines(tfidf: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Return the TF-IDF cosine of each (left[k], right[k]) row pair."""
    if left.size == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(tfidf[left].multiply(tfidf[right]).sum(axis=1)).ravel()


def age_overlap(a: OfferRecord, b: OfferRecord) -> float:
    """Return the share of the narrower age range that both offers cover (1.0 if open)."""
    low_a, high_a = _limits(a)
    low_b, high_b = _limits(b)
    common = min(high_a, high_b) - max(low_a, low_b) + 1
    narrower = min(high_a - low_a, high_b - low_b) + 1
    return max(0.0, common / narrower) if narrower > 0 else 0.0


def _limits(offer: OfferRecord) -> tuple[int, int]:
    low = offer.age_min if offer.age_min is not None else 0
    return low, offer.age_max if offer.age_max is not None else max(low, NO_AGE_LIMIT)


def tag_jaccard(a: OfferRecord, b: OfferRecord) -> float:
    """Return the Jaccard overlap of two offers' tags."""
    first, second = _tags(a.tags), _tags(b.tags)
    union = len(first | second)
    return len(first & second) / union if union else 0.0


@lru_cache(maxsize=65_536)
def _tags(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(tag_set(tags))


def title_likeness(first: Sequence[str], second: Sequence[str]) -> np.ndarray:
    """Return how alike paired titles are once reduced to stems, in [0, 1]."""
    if not first:
        return np.zeros(0)
    scores = process.cpdist([_title_stems(t) for t in first], [_title_stems(t) for t in second],
                            scorer=fuzz.token_set_ratio, workers=-1)
    return np.asarray(scores, dtype=np.float64) / 100.0


@lru_cache(maxsize=200_000)
def _title_stems(title: str) -> str:
    return " ".join(content_stems(title))
