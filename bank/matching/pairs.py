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
from bank.matching.vectors import CatalogueMatrices

DOUBLE_THRESHOLD = 0.34  # composite score from which two offers are the same offer twice
PARTIAL_SHARE = 0.75  # pairs from this share of the threshold up overlap, not being double
SAME_UNIT_THRESHOLD = 0.85  # a unit's own two offers must be near copies to count as double
MIN_AGE_OVERLAP = 0.8  # shared years of the two age ranges, as a share of all their years
MAX_STEPS_APART, STEP_GAP = 1, 0.05  # the same service sits on (about) the same ladder step
TEXT, PROGRAMME, TAGS, TITLE = 0.25, 0.5, 0.125, 0.125
NO_AGE_LIMIT = 120  # the upper limit of two offers that both leave it open
COSINE_CHUNK = 50_000  # pairs multiplied at a time, to bound memory


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
    joins: np.ndarray | None = None  # one step apart, double but for the step: may join a group

    FIELDS = ("score", "double", "partial", "joins")


def judge(
    a: OfferRecord, b: OfferRecord, cosine: float, threshold: float | None = None
) -> PairVerdict:
    """Judge one pair of offers, given the TF-IDF cosine of their texts."""
    found = judge_many([a, b], np.asarray([0]), np.asarray([1]), np.asarray([cosine]), threshold)
    return PairVerdict(float(found.score[0]), bool(found.double[0]), bool(found.partial[0]))


def judge_many(
    offers: Sequence[OfferRecord],
    left: np.ndarray,
    right: np.ndarray,
    cosines: np.ndarray,
    threshold: float | None = None,
    programme: np.ndarray | None = None,
) -> Verdicts:
    """Blend text, programme theory, tag and title likeness of row pairs; apply the age, unit
    and step rules (see judge_pairs)."""
    return judge_pairs(OfferTraits.of(offers), left, right, cosines, threshold, programme)


@dataclass(frozen=True)
class OfferTraits:
    """What the pair rules read of each offer, as arrays by row (computed once per scan)."""

    title_stems: list[str]
    tags: sparse.csr_matrix  # offers x tags, one where an offer has the tag
    tag_counts: np.ndarray
    age_min: np.ndarray  # NaN where open
    age_max: np.ndarray
    unit: np.ndarray  # a code per unit; offers without a unit get codes of their own
    step: np.ndarray  # -1 where unknown

    @classmethod
    def of(cls, offers: Sequence[OfferRecord]) -> OfferTraits:
        """Read the traits of a list of offers."""
        nan = float("nan")
        units = {unit: code for code, unit in enumerate(dict.fromkeys(o.unit for o in offers))}
        incidence = _tag_incidence(offers)
        return cls(
            title_stems=[_title_stems(o.title) for o in offers],
            tags=incidence,
            tag_counts=np.asarray(incidence.sum(axis=1)).ravel(),
            age_min=np.asarray([o.age_min if o.age_min is not None else nan for o in offers]),
            age_max=np.asarray([o.age_max if o.age_max is not None else nan for o in offers]),
            unit=np.asarray([units[o.unit] if o.unit else -1 - k for k, o in enumerate(offers)]),
            step=np.asarray([o.step if o.step is not None else -1 for o in offers]),
        )


def judge_pairs(
    traits: OfferTraits,
    left: np.ndarray,
    right: np.ndarray,
    cosines: np.ndarray,
    threshold: float | None = None,
    programme: np.ndarray | None = None,
) -> Verdicts:
    """Blend text, programme theory, tag and title likeness of row pairs; apply the age, unit
    and step rules.

    A double offer does the same for the same people: its programme theory (target group,
    activities) coincides more than its title. It serves (nearly) the same ages, comes from
    another unit (or is a near copy) and sits on the same step of the ladder: one step apart
    asks for a higher score, two or more steps apart is a different service however alike
    the words are. `programme` holds the cosines of the programme theories alone (NaN where
    an offer has none; the whole text stands in). Each pair's verdict depends on that pair
    alone, so pairs may be judged in any blocks.
    """
    limit = DOUBLE_THRESHOLD if threshold is None else threshold
    i, j = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    text = np.asarray(cosines, dtype=np.float64)
    theory = text if programme is None else np.where(np.isnan(programme), text, programme)
    score: np.ndarray = TEXT * text + PROGRAMME * theory
    score += TAGS * _jaccard(traits, i, j)
    stems = traits.title_stems
    likeness = title_likeness([stems[k] for k in i.tolist()], [stems[k] for k in j.tolist()])
    score += TITLE * likeness
    score = np.round(np.clip(score, 0.0, 1.0), 4)
    ages = _age_likeness(traits.age_min, traits.age_max, i, j)
    step, unit = traits.step, traits.unit
    known = (step[i] >= 0) & (step[j] >= 0)
    apart = np.where(known, np.abs(step[i] - step[j]), 0)
    same_unit = unit[i] == unit[j]
    needed = np.where(same_unit, max(limit, SAME_UNIT_THRESHOLD), limit) + STEP_GAP * apart
    fits = ages >= MIN_AGE_OVERLAP
    double = fits & (apart <= MAX_STEPS_APART) & (score >= needed)
    joins = fits & ~double & (apart == 1) & (score >= needed - STEP_GAP)
    partial = fits & ~double & (score >= PARTIAL_SHARE * limit)
    return Verdicts(score, double, partial, joins)


def _tag_incidence(offers: Sequence[OfferRecord]) -> sparse.csr_matrix:
    """Return the offers x tags incidence matrix (one where an offer has the tag)."""
    columns: dict[str, int] = {}
    rows, cols = [], []
    for row, offer in enumerate(offers):
        for tag in _tags(offer.tags):
            rows.append(row)
            cols.append(columns.setdefault(tag, len(columns)))
    return sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(offers), max(len(columns), 1))
    )


def _jaccard(traits: OfferTraits, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Return the Jaccard overlap of the tags of each (i[k], j[k]) pair, in one sparse product."""
    incidence, sizes = traits.tags, traits.tag_counts
    both = np.asarray(incidence[i].multiply(incidence[j]).sum(axis=1)).ravel()
    union = sizes[i] + sizes[j] - both
    return np.divide(both, union, out=np.zeros_like(both), where=union > 0)


def text_cosines(tfidf: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Return the TF-IDF cosine of each (left[k], right[k]) row pair."""
    found = np.zeros(left.size, dtype=np.float64)
    for start in range(0, left.size, COSINE_CHUNK):
        a, b = left[start : start + COSINE_CHUNK], right[start : start + COSINE_CHUNK]
        found[start : start + a.size] = np.asarray(tfidf[a].multiply(tfidf[b]).sum(axis=1)).ravel()
    return found


def age_likeness(offers: Sequence[OfferRecord], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Return how alike the age ranges of row pairs are: shared years / all years, in [0, 1].

    An open end is open: it takes the other offer's limit, so "from 18" and "18–24" coincide
    (an open end is not an age of 120).
    """
    traits = OfferTraits.of(offers)
    return _age_likeness(traits.age_min, traits.age_max, i, j)


def _age_likeness(low: np.ndarray, high: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    low_i, low_j = _either(low[i], low[j], 0.0)
    high_i, high_j = _either(high[i], high[j], float(NO_AGE_LIMIT))
    common = np.minimum(high_i, high_j) - np.maximum(low_i, low_j) + 1
    span = np.maximum(high_i, high_j) - np.minimum(low_i, low_j) + 1
    return np.clip(common / np.maximum(span, 1), 0.0, 1.0)


def _either(a: np.ndarray, b: np.ndarray, neither: float) -> tuple[np.ndarray, np.ndarray]:
    """Fill each open limit with the other offer's (or with `neither` when both are open)."""
    a_filled = np.where(np.isnan(a), np.where(np.isnan(b), neither, b), a)
    b_filled = np.where(np.isnan(b), a_filled, b)
    return a_filled, b_filled


def programme_cosines(m: CatalogueMatrices, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Return the cosine of the programme theories of row pairs (NaN where one has none)."""
    if m.programme is None:
        return np.full(left.size, np.nan)
    found = text_cosines(m.programme, left, right)
    empty = np.diff(m.programme.indptr) == 0
    found[empty[left] | empty[right]] = np.nan
    return found


@lru_cache(maxsize=65_536)
def _tags(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(tag_set(tags))


def title_likeness(first: Sequence[str], second: Sequence[str]) -> np.ndarray:
    """Return how alike paired titles (already reduced to stems) are, in [0, 1]."""
    if not first:
        return np.zeros(0)
    scores = process.cpdist(first, second, scorer=fuzz.token_set_ratio, workers=-1)
    return np.asarray(scores, dtype=np.float64) / 100.0


@lru_cache(maxsize=200_000)
def _title_stems(title: str) -> str:
    return " ".join(content_stems(title))
