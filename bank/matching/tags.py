"""Tag similarity over the controlled vocabulary, with a shared ICF chapter as a weaker match."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from bank.matching.text import fold
from bank.vocabulary import BY_SLUG, chapter_set, chapters_meet

_SEPARATORS = re.compile(r"[\s_]+")
CHAPTER_WEIGHT = 0.35  # a need tag met only through a shared ICF chapter
COVERAGE_SHARE = 0.8  # how much of the tag score is about covering the need's tags
SMALL_BITS, WIDE_BITS = 4, 8  # TagCounts: how far an offer's carried count is shifted
CACHED_TAGS = 256  # per-tag offer vectors kept (the vocabulary and common free keywords)


@lru_cache(maxsize=65_536)
def tag_key(tag: str) -> str:
    """Return the comparable form of a tag (folded, so fravær, Fravaer and fravaer meet;
    spaces and underscores become hyphens, so "psykisk trivsel" meets psykisk-trivsel)."""
    return _SEPARATORS.sub("-", fold(tag).strip())


def tag_set(tags: Iterable[str]) -> tuple[str, ...]:
    """Return the distinct comparable tags of a list, in their first order."""
    if type(tags) is tuple:  # a record's tags: each offer's are explained again and again
        return _tag_tuple(tags)
    return _distinct(tags)


@lru_cache(maxsize=16_384)
def _tag_tuple(tags: tuple[str, ...]) -> tuple[str, ...]:
    return _distinct(tags)


def _distinct(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in map(tag_key, tags) if k))


def is_vocabulary_tag(tag: str) -> bool:
    """Tell whether a comparable tag is in the controlled vocabulary (not a free keyword)."""
    return tag in BY_SLUG


class TagSpace:
    """Offers' tags as sparse incidence matrices, scored against a need's tags at once."""

    def __init__(self, tag_lists: Sequence[Iterable[str]]) -> None:
        self.tags = [_distinct(tags) for tags in tag_lists]
        self.columns: dict[str, int] = {}
        self.chapters: dict[str, int] = {}
        tag_rows, tag_cols, ch_rows, ch_cols = [], [], [], []
        for row, tags in enumerate(self.tags):
            for tag in tags:
                tag_rows.append(row)
                tag_cols.append(self.columns.setdefault(tag, len(self.columns)))
                for chapter in chapter_set(tag):
                    ch_rows.append(row)
                    ch_cols.append(self.chapters.setdefault(chapter, len(self.chapters)))
        n = len(self.tags)
        self.incidence = _binary(tag_rows, tag_cols, (n, max(len(self.columns), 1)))
        self.chapter_incidence = _binary(ch_rows, ch_cols, (n, max(len(self.chapters), 1)))
        self.sizes = np.asarray([max(len(t), 1) for t in self.tags], dtype=np.float32)
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def scores(self, need_tags: Iterable[str]) -> np.ndarray:
        """Return every offer's tag similarity to the need's tags, in [0, 1]."""
        return self.counts(need_tags).scores()

    def counts(self, need_tags: Iterable[str]) -> TagCounts:
        """Count for every offer the need's tags it carries and those it meets in a chapter.

        Both counts of an offer are packed in one number (see TagCounts), one addition per
        tag: 16 for a tag it carries, 1 for one it meets in a chapter (256 and 1 for a need
        of more than 15 tags).
        """
        wanted = tag_set(need_tags)
        n, bits = len(self.tags), SMALL_BITS if len(wanted) < 2**SMALL_BITS else WIDE_BITS
        packed: np.ndarray = np.zeros(n, dtype=np.uint8 if bits == SMALL_BITS else np.uint16)
        if n:
            for tag in wanted:
                if bits == SMALL_BITS:
                    packed += self._step(tag)
                else:
                    has, only_near = self._vectors(tag)
                    packed += has.astype(np.uint16) << WIDE_BITS
                    packed += only_near
        return TagCounts(packed, len(wanted), self.sizes, bits)

    def _step(self, tag: str) -> np.ndarray:
        """Return what one tag adds to every offer's packed counts: 16 (carries it) or 1."""
        steps: dict[str, np.ndarray] = self.__dict__.setdefault("_steps", {})
        step = steps.get(tag)
        if step is None:
            has, only_near = self._vectors(tag)
            step = has.view(np.uint8) << SMALL_BITS
            step += only_near.view(np.uint8)  # a bool is one byte, 0 or 1
            if tag in self._cache:  # kept as long as the tag's offers are
                steps[tag] = step
        return step

    def carrying(self, tag: str) -> np.ndarray:
        """Return a mask of the offers that carry a tag (any spelling that folds the same)."""
        return self._vectors(tag_key(tag))[0].copy()

    def _vectors(self, tag: str) -> tuple[np.ndarray, np.ndarray]:
        """Return which offers carry a tag and which meet it only through an ICF chapter."""
        cached = self._cache.get(tag)
        if cached is None:
            n = len(self.tags)
            column = self.columns.get(tag)
            has = np.zeros(n, dtype=bool)
            if column is not None:
                has[self.incidence[:, column].nonzero()[0]] = True
            meets = [
                c
                for ch, c in self.chapters.items()
                if any(chapters_meet(ch, own) for own in chapter_set(tag))
            ]
            near = np.zeros(n, dtype=bool)
            if meets:
                near[self.chapter_incidence[:, meets].nonzero()[0]] = True
            cached = (has, near & ~has)
            if len(self._cache) < CACHED_TAGS:
                self._cache[tag] = cached
        return cached


@dataclass(frozen=True)
class TagCounts:
    """How many of a need's tags each offer carries, and how many it meets only in a chapter.

    Both in one number per offer: carried << bits | met in a chapter only.
    """

    packed: np.ndarray  # uint8 per offer (uint16 when bits is WIDE_BITS)
    wanted: int  # the need's distinct tags
    sizes: np.ndarray  # each offer's number of tags (at least 1)
    bits: int = SMALL_BITS

    @property
    def exact(self) -> np.ndarray:
        """Return how many of the need's tags each offer carries."""
        return self._split(self.packed)[0]

    @property
    def near(self) -> np.ndarray:
        """Return how many of the need's tags each offer meets only through an ICF chapter."""
        return self._split(self.packed)[1]

    def _split(self, packed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return the carried and the chapter-only counts packed in some offers' numbers."""
        return packed >> self.bits, packed & ((1 << self.bits) - 1)

    def touching(self) -> np.ndarray:
        """Return a mask of the offers whose tag score is above 0."""
        return self.packed != 0

    def scores(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Return the offers' tag similarity to the need, in [0, 1] (rows: only those offers)."""
        packed = self.packed if rows is None else self.packed[rows]
        if not self.wanted:
            return np.zeros(packed.size, dtype=np.float32)
        exact_count, near_count = self._split(packed)
        # the float32 steps in place: one pass each
        exact = exact_count.astype(np.float32)
        coverage = near_count.astype(np.float32)
        coverage *= CHAPTER_WEIGHT
        coverage += exact
        coverage /= float(self.wanted)
        coverage *= COVERAGE_SHARE
        sizes = self.sizes if rows is None else self.sizes[rows]
        precision = np.divide(exact, sizes, out=exact)
        precision *= 1 - COVERAGE_SHARE
        coverage += precision
        return coverage


def shared_tags(
    need_tags: Iterable[str], offer_tags: Iterable[str], offered: tuple[str, ...] | None = None
) -> tuple[list[str], list[str]]:
    """Return the tags two lists share and the ICF chapters they share besides those tags.

    `offered` may give tag_set(offer_tags), known already (TagSpace.tags of an offer's row).
    """
    wanted = tag_set(need_tags)
    if offered is None:
        offered = tag_set(offer_tags)
    shared = [t for t in wanted if t in offered]
    rest_own = {c for t in wanted if t not in offered for c in chapter_set(t)}
    rest_theirs = {c for t in offered if t not in wanted for c in chapter_set(t)}
    chapters = sorted(
        {a if len(a) >= len(b) else b for a in rest_own for b in rest_theirs if chapters_meet(a, b)}
    )
    return shared, chapters


def _binary(rows: list[int], cols: list[int], shape: tuple[int, int]) -> sparse.csc_matrix:
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.csc_matrix((data, (rows, cols)), shape=shape)
    matrix.data[:] = 1.0
    return matrix
