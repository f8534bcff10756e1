"""Turn texts into weighted word-level features: stems, compound parts and concepts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from bank.matching.concept_table import CONCEPTS
from bank.matching.concepts import (
    concept_mask,
    concepts_not_said,
    concepts_of,
    phrase_concepts_in,
)
from bank.matching.frequency import everyday_weight, is_danish_word
from bank.matching.memo import forget, memo_of, remembered, without_memos
from bank.matching.text import is_content_word, split_compound, stem, words, written_words

PART_WEIGHT = 0.6  # a compound's parts count a little less than the word itself
CONCEPT_WEIGHT = 1.0
# Different weak words that together say a concept: an offer is written about its subject, so
# two suffice there; a need is long everyday text, where two often meet by chance.
WEAK_WORDS_OFFER, WEAK_WORDS_NEED = 2, 3
FUZZY_CUTOFF = 84.0  # rapidfuzz ratio for a query word to stand in for an unknown word
CACHE_SIZE = 100_000
KNOWN = "known"  # the memo of the catalogue's own words, filled by fit (see _know_words)
TEXTS_KEPT = 4096  # query texts (needs' titles, goals, tags; searches) whose features are kept
_CONCEPT_KEYS = tuple(CONCEPTS)
_CONCEPT_ROW = {concept: row for row, concept in enumerate(_CONCEPT_KEYS)}
MIN_START = 4  # the shortest known start an unknown word is credited with
_LETTERS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"))
# a query word's features (in order), weak concepts and everyday weight
QueryWord = tuple[tuple[tuple[str, float], ...], tuple[str, ...], float]


def written(word: str) -> str:
    """Return a folded word with æ, ø and å as one letter each again (for its length)."""
    for folded, letter in _LETTERS:
        word = word.replace(folded, letter)
    return word


class Analyzer:
    """A vocabulary of surface words, each mapped to weighted features, fitted on a corpus."""

    def __init__(self) -> None:
        self.surface: dict[str, int] = {}
        self.features: dict[str, int] = {}
        self.lexicon: set[str] = set()
        self.mapping: sparse.csr_matrix = sparse.csr_matrix((0, 0), dtype=np.float32)
        self._by_length: dict[int, list[str]] = {}
        self._pools: dict[int, list[str]] = {}
        self._cache: dict[str, dict[str, float]] = {}
        self._parts: dict[str, tuple[str, ...]] = {}
        self._names: list[str] = []
        self.corrections: dict[str, str] = {}
        self.display: dict[str, str] = {}

    def count(
        self, texts: Iterable[str], grow: bool = True, phrases: list[list[str]] | None = None
    ) -> sparse.csr_matrix:
        """Count surface words per text as a sparse matrix (rows = texts).

        When a `phrases` list is given, the concepts said by phrases in each text are
        appended to it, one list per text.
        """
        indptr, indices = [0], []
        vocab = self.surface
        get = vocab.get
        for text in texts:
            found = words(text)
            if phrases is not None:
                phrases.append(phrase_concepts_in(found))
            columns = [get(word) for word in found]
            if None in columns:
                if grow:
                    self._remember_spelling(text, found)
                    for word in found:
                        vocab.setdefault(word, len(vocab))
                    columns = [vocab[word] for word in found]
                else:
                    columns = [c for c in columns if c is not None]
            indices.extend(columns)
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        matrix = sparse.csr_matrix(
            (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
            shape=(len(indptr) - 1, max(len(vocab), 1)),
        )
        matrix.sum_duplicates()
        return matrix

    def _remember_spelling(self, text: str, found: list[str]) -> None:
        """Keep how new words were first written (æ/ø/å, accents), to show them in reasons."""
        written = written_words(text)
        if len(written) == len(found):
            for word, spelled in zip(found, written, strict=True):
                self.display.setdefault(word, spelled)

    def fit(self, extra_words: Iterable[str] = ()) -> None:
        """Fix the feature mapping for every surface word counted so far."""
        content = [w for w in self.surface if is_content_word(w)]
        self.lexicon = set(content) | {stem(w) for w in content} | set(extra_words)
        self._parts.clear()
        for concept in CONCEPTS:
            self._feature_id("~" + concept)
        rows, cols, vals = [], [], []
        read: list[tuple[str, dict[str, float], tuple[str, ...]]] = []
        for word, row in self.surface.items():
            found = self.word_features(word)
            if row < CACHE_SIZE // 2:
                read.append((word, found, ()))
            for feature, weight in found.items():
                rows.append(row)
                cols.append(self._feature_id(feature))
                vals.append(weight)
        self.mapping = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (rows, cols)),
            shape=(max(len(self.surface), 1), max(len(self.features), 1)),
        )
        weak_rows, weak_cols = [], []
        for word, row in self.surface.items():
            weak = self.weak_concepts(word)
            if row < len(read):
                read[row] = (word, read[row][1], weak)
            for concept in weak:
                weak_rows.append(row)
                weak_cols.append(_CONCEPT_ROW[concept])
        self.weak = sparse.csr_matrix(
            (np.ones(len(weak_rows), dtype=np.float32), (weak_rows, weak_cols)),
            shape=(max(len(self.surface), 1), len(_CONCEPT_KEYS)),
        )
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in content:
            if len(word) >= 4:
                by_length[len(word)].append(word)
        self._by_length = {size: packed(found) for size, found in by_length.items()}
        self._pools = {  # the words a typo of each length may stand for, in one list
            size: pool
            for size in range(min(by_length, default=0) - 2, max(by_length, default=0) + 2)
            if (pool := [w for n in range(size - 1, size + 3) for w in by_length.get(n, ())])
        }
        self._cache.clear()
        forget(self)
        self._know_words(read)

    def _know_words(self, read: list[tuple[str, dict[str, float], tuple[str, ...]]]) -> None:
        """Remember the catalogue's own words as a query reads them (see query_word).

        A catalogue word's features are its word_features (it is no typo), worked out by
        fit with its weak concepts; a query that says it first then only looks it up. Kept
        as a memo (not pickled) of its own, never added to afterwards: a dict the garbage
        collector stopped tracking is tracked again when a new tuple is put in it, and the
        next collections then trace all of its entries (0.7-1 ms for 24,000 words).
        """
        memo = memo_of(self, KNOWN)
        for word, found, weak in read:
            memo[word] = (tuple(found.items()), weak, everyday_weight(word))

    def __getstate__(self) -> dict[str, object]:
        """Pickle the analyzer without what it remembered while querying."""
        return without_memos(self)

    def parts_of(self, word: str) -> tuple[str, ...]:
        """Return a folded word's compound parts (remembered: splitting is costly)."""
        parts = self._parts.get(word)
        if parts is None:
            parts = split_compound(word, self.lexicon) if len(word) >= 6 else ()
            if len(self._parts) >= CACHE_SIZE * 4:
                self._parts.clear()
            self._parts[word] = parts
        return parts

    def word_features(self, word: str) -> dict[str, float]:
        """Return the weighted features of one folded word."""
        if not is_content_word(word):
            return {}
        found = {stem(word): 1.0}
        parts = self.parts_of(word)
        for part in parts:
            found.setdefault(stem(part), PART_WEIGHT)
        not_said = concepts_not_said(word)
        for piece in (word, *parts):
            for concept in concepts_of(piece):
                if concept not in not_said:
                    found["~" + concept] = CONCEPT_WEIGHT
        return found

    def weak_concepts(self, word: str) -> tuple[str, ...]:
        """Return the concepts a folded word (or one of its parts) may mean, but often does not."""
        if not is_content_word(word):
            return ()
        parts = self.parts_of(word)
        found = {c for piece in (word, *parts) for c in _weak_concepts_of(piece)}
        found -= concepts_not_said(word)
        if not found:
            return ()
        strong = {c for piece in (word, *parts) for c in concepts_of(piece)}
        return tuple(c for c in _CONCEPT_KEYS if c in found and c not in strong)

    def read_ahead(self, texts: Iterable[str]) -> None:
        """Read some need texts now (the vocabulary's tags), as a query would read them first.

        A word the catalogue never uses costs a typo lookup over thousands of words the
        first time a query says it (0.2-1.5 ms); every need that carries a tag says its name.
        """
        for text in texts:
            self.read_query(text, everyday=True)

    def query_word(self, word: str) -> QueryWord:
        """Return a query word's features, weak concepts and everyday weight, remembered."""
        known = memo_of(self, KNOWN).get(word)
        if known is not None:
            return known
        return remembered(self, "words", word, CACHE_SIZE, self._read_query_word)

    def word_reader(self) -> Callable[[str], QueryWord]:
        """Return query_word as a function for reading many words: its memos looked up first."""
        known, seen = memo_of(self, KNOWN).get, memo_of(self, "words").get
        query_word = self.query_word

        def read(word: str) -> QueryWord:
            found = known(word)
            if found is None:
                found = seen(word)
            return found if found is not None else query_word(word)

        return read

    def _read_query_word(self, word: str) -> QueryWord:
        found = tuple(self.features_of(word).items())
        return found, self.weak_concepts(word), everyday_weight(word)

    def confirm_weak(self, raw: sparse.csr_matrix, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Add the weak words' concepts to the texts where they are confirmed.

        A weak word (spiller, passer, savner) counts for its concept only in an offer that also
        says the concept another way, or that has two different weak words for it (needs: three).
        """
        if not self.weak.nnz or raw.shape[0] == 0:
            return raw
        weight = np.asarray((counts @ self.weak).todense())
        said = np.flatnonzero(weight.any(axis=0))  # the concepts some weak word says
        if said.size == 0:
            return raw
        present = counts.copy()
        present.data[:] = 1.0
        distinct = np.asarray((present @ self.weak[:, said]).todense())
        weight = weight[:, said]
        columns = np.asarray([self.features["~" + _CONCEPT_KEYS[c]] for c in said])
        strong = np.asarray(raw[:, columns].todense()) > 0
        add = np.where(strong | (distinct >= WEAK_WORDS_OFFER), weight * CONCEPT_WEIGHT, 0.0)
        place = sparse.csr_matrix(
            (np.ones(columns.size, dtype=np.float32), (np.arange(columns.size), columns)),
            shape=(columns.size, raw.shape[1]),
        )
        return sparse.csr_matrix(raw + sparse.csr_matrix(add, dtype=np.float32) @ place)

    def features_of(self, word: str) -> dict[str, float]:
        """Return a folded word's features, standing in the nearest known word for a typo."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self.word_features(word)
            if cached and not self._knows(cached):
                nearest = self._nearest(word)
                if nearest:
                    cached = self.word_features(nearest)
                    self.corrections[word] = nearest
                else:
                    cached = self._with_known_start(word, cached)
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[word] = cached
        return cached

    def query_features(self, text: str, everyday: bool = False) -> dict[str, float]:
        """Sum the features of a query text's words and phrases (remembered per text).

        With `everyday` (a need's own words), each word counts less the commoner it is in
        general Danish (bank.matching.frequency): "mere" or "siger" tell little of a need.
        """
        return dict(self.read_query(text, everyday)[0])

    def read_query(
        self, text: str, everyday: bool = False
    ) -> tuple[dict[str, float], tuple[str, ...]]:
        """Return query_features (kept: not to be changed) and the text's folded words."""
        return remembered(self, "texts", (text, everyday), TEXTS_KEPT, self._text_features)

    def _text_features(self, asked: tuple[str, bool]) -> tuple[dict[str, float], tuple[str, ...]]:
        text, everyday = asked
        total: dict[str, float] = defaultdict(float)
        weak: dict[str, list[str]] = defaultdict(list)
        said = words(text)
        read = self.word_reader()
        for word in said:
            found, concepts, common = read(word)
            share = common if everyday else 1.0
            for feature, weight in found:
                total[feature] += weight * share
            for concept in concepts:
                weak[concept].append(word)
        for concept in phrase_concepts_in(said):
            total["~" + concept] += CONCEPT_WEIGHT
        for concept, weak_words in weak.items():
            if "~" + concept in total or len(set(weak_words)) >= WEAK_WORDS_NEED:
                total["~" + concept] += CONCEPT_WEIGHT * len(weak_words)
        return dict(total), tuple(said)

    def concept_bits(self, found: sparse.csr_matrix) -> np.ndarray:
        """Return the concepts each row of a texts x features matrix says, one bit each.

        The bits follow the concept table's order (see concepts.concept_mask).
        """
        names = ["~" + concept for concept in _CONCEPT_KEYS]
        present = np.asarray(found[:, [self.features[name] for name in names]].todense()) > 0
        bits = np.asarray([concept_mask([name]) for name in names], dtype=np.int64)
        return present.astype(np.int64) @ bits

    def concept_bits_of(self, texts: Sequence[str]) -> np.ndarray:
        """Return the concepts each catalogue text says outright, one bit each."""
        said: list[list[str]] = []
        found = self.count(texts, grow=False, phrases=said) @ self.mapping
        return self.concept_bits(sparse.csr_matrix(found) + self.phrase_matrix(said))

    def phrase_matrix(self, said: Sequence[list[str]]) -> sparse.csr_matrix:
        """Turn the phrase concepts found per text (see count) into a texts x features matrix."""
        rows = [row for row, concepts in enumerate(said) for _ in concepts]
        cols = [self.features["~" + c] for concepts in said for c in concepts]
        data = np.full(len(rows), CONCEPT_WEIGHT, dtype=np.float32)
        return sparse.csr_matrix(
            (data, (rows, cols)), shape=(len(said), max(len(self.features), 1))
        )

    def vector(self, features: dict[str, float], width: int) -> sparse.csr_matrix:
        """Turn a feature dict into a 1 x width sparse row of known features."""
        columns, values = self.columns(features)
        indptr = np.asarray([0, columns.size], dtype=np.int32)
        return sparse.csr_matrix((values, columns, indptr), shape=(1, width))

    def columns(self, features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """Return the known features' columns (ascending, int32) and weights (float32)."""
        get = self.features.get
        known = sorted([(c, w) for f, w in features.items() if (c := get(f)) is not None])
        if not known:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        columns, values = zip(*known, strict=True)
        return np.array(columns, dtype=np.int32), np.array(values, dtype=np.float32)

    def feature_names(self) -> list[str]:
        """Return the feature names in column order."""
        if len(self._names) != len(self.features):
            self._names = sorted(self.features, key=self.features.__getitem__)
        return self._names

    def _knows(self, found: dict[str, float]) -> bool:
        return any(f in self.features for f in found if not f.startswith("~"))

    def _with_known_start(self, word: str, found: dict[str, float]) -> dict[str, float]:
        """Give an unknown word the longest known word it starts with (mentorordning: mentor)."""
        for cut in range(len(word) - 3, MIN_START - 1, -1):
            start = word[:cut]
            if is_content_word(start) and stem(start) in self.features:
                return {**found, stem(start): PART_WEIGHT}
        return found

    def _nearest(self, word: str) -> str:
        if len(written(word)) < 4:  # "søn" (folded "soen") is a word, not a typo of "søvn"
            return ""
        pool: Sequence[str] = self._pools.get(len(word), ())
        best = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return ""
        nearest = str(best[0])
        if is_danish_word(word) and not _inflected(word, nearest):
            return ""  # a real word, not a typo: "spoerger" is no "soerger", "alder" no "falder"
        return nearest

    def _feature_id(self, feature: str) -> int:
        column = self.features.get(feature)
        if column is None:
            column = self.features[feature] = len(self.features)
        return column


@lru_cache(maxsize=200_000)
def _weak_concepts_of(piece: str) -> tuple[str, ...]:
    """Return concepts_of(piece, weak=True), remembered under the word alone.

    concepts_of's own memo would key it by a tuple, which the garbage collector traces: each
    new word would have it trace that memo's whole dict (50,000 words, 1-2 ms) once more.
    """
    return concepts_of.__wrapped__(piece, True)


def packed(found: list[str]) -> list[str]:
    """Return copies of words (no line breaks) side by side in memory, for fast scans.

    Words gathered from a catalogue lie all over the heap; rapidfuzz reading thousands of
    them in a row then waits on the memory more than it compares.
    """
    return "\n".join(found).split("\n") if found else []


def _inflected(word: str, other: str) -> bool:
    """Tell whether two words look like forms of one word: "brugt" and "brug", "morgen" and
    "morgenen" (the shorter, less up to two final letters, starts the longer; four letters at
    least)."""
    short, long = sorted((word, other), key=len)
    return any(
        len(short) - cut >= 4 and long.startswith(short[: len(short) - cut]) for cut in range(3)
    )
