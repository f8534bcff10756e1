"""The catalogue as matrices: word-level TF-IDF, character n-gram profiles and tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from bank.matching.chargrams import CharGrams
from bank.matching.concepts import CONCEPTS
from bank.matching.counting import count_fields
from bank.matching.features import Analyzer
from bank.matching.records import OfferRecord
from bank.matching.tags import TagSpace, is_vocabulary_tag, tag_key
from bank.matching.text import words
from bank.vocabulary import VOCABULARY

try:  # the C++ loops behind matrix[rows] and matrix @ vector: a private scipy module
    from scipy.sparse import _sparsetools
except ImportError:  # a scipy without it: the public (slower) path below
    _sparsetools = None

TITLE, DESCRIPTION, PROGRAMME = 2.0, 1.0, 0.5  # how much each field's words count
COMMON_SHARE, COMMON_FLOOR = 0.1, 2000  # features in more offers only re-score candidates


Columns = tuple[np.ndarray, np.ndarray]  # a query row's feature columns and their weights


@dataclass(frozen=True)
class Rows:
    """Some rows of a CSR matrix, their stored entries in order, each with its row's number."""

    count: int
    owner: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    @classmethod
    def of(cls, matrix: sparse.csr_matrix | Gathered, rows: np.ndarray) -> Rows:
        """Take some rows of a CSR matrix (as matrix[rows] would) without a sparse matrix."""
        starts = matrix.indptr[rows]
        lengths = matrix.indptr[rows + 1] - starts
        owner = np.repeat(np.arange(rows.size), lengths)
        ends = np.cumsum(lengths)
        at = np.arange(int(ends[-1]) if ends.size else 0) + np.repeat(
            starts - ends + lengths, lengths
        )
        return cls(rows.size, owner, matrix.indices[at], matrix.data[at])


@dataclass(frozen=True)
class Gathered:
    """Some rows of a CSR matrix, copied in the order asked: matrix[rows] without the matrix.

    A query gathers 200 candidates' rows twice; scipy's indexing checks the row numbers and
    builds a new matrix each time, which costs as much as copying the rows.
    """

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    width: int

    @classmethod
    def of(cls, matrix: sparse.csr_matrix, rows: np.ndarray) -> Gathered:
        """Copy some rows (numbers within the matrix) as matrix[rows] does."""
        kind = matrix.indptr.dtype
        if _sparsetools is None or matrix.indices.dtype != kind:
            return cls.wrap(sparse.csr_matrix(matrix[rows]))
        picked = rows.astype(kind, copy=False)
        lengths = matrix.indptr[picked + 1] - matrix.indptr[picked]
        indptr = np.zeros(rows.size + 1, dtype=kind)
        np.cumsum(lengths, out=indptr[1:])
        indices = np.empty(int(indptr[-1]), dtype=kind)
        data = np.empty(int(indptr[-1]), dtype=matrix.data.dtype)
        _sparsetools.csr_row_index(
            rows.size, picked, matrix.indptr, matrix.indices, matrix.data, indices, data
        )
        return cls(indptr, indices, data, matrix.shape[1])

    @classmethod
    def wrap(cls, matrix: sparse.csr_matrix) -> Gathered:
        """Take a CSR matrix's rows as they are."""
        return cls(matrix.indptr, matrix.indices, matrix.data, matrix.shape[1])

    def __len__(self) -> int:
        return self.indptr.size - 1

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """Return the rows times a dense vector: the same sums, in the same order, as scipy's."""
        found = np.zeros(len(self), dtype=np.result_type(self.data, vector))
        if _sparsetools is None or self.indices.dtype != self.indptr.dtype:
            return np.asarray(
                sparse.csr_matrix(
                    (self.data, self.indices, self.indptr), shape=(len(self), self.width)
                )
                @ vector
            ).ravel()
        _sparsetools.csr_matvec(
            len(self), self.width, self.indptr, self.indices, self.data, vector, found
        )
        return found


@dataclass
class CatalogueMatrices:
    """Everything the engine computes once per catalogue."""

    analyzer: Analyzer
    idf: np.ndarray
    tfidf: sparse.csr_matrix  # offers x features, rows L2-normalised
    postings: sparse.csr_matrix  # features x offers, the inverted index for q @ X.T, minus
    common: np.ndarray  # the features found in too many offers to propose candidates
    title_grams: sparse.csr_matrix | None  # offers x character n-grams of the titles
    chars: CharGrams | None
    tags: TagSpace
    words: list[str]  # for each feature, the commonest (folded) word that says it
    programme: sparse.csr_matrix | None = None  # the programme theories alone, rows L2-normed
    topics: np.ndarray | None = None  # the concepts each title names, as bits (concept_mask)

    def row(self, offer_row: int) -> tuple[np.ndarray, np.ndarray]:
        """Return an offer's TF-IDF features and weights without building a sparse row."""
        start, end = self.tfidf.indptr[offer_row], self.tfidf.indptr[offer_row + 1]
        return self.tfidf.indices[start:end], self.tfidf.data[start:end]

    def weigh(self, features: dict[str, float]) -> sparse.csr_matrix:
        """Turn raw query features into an L2-normalised TF-IDF row (as the catalogue's are)."""
        return self.as_row(self.weigh_columns(features))

    def as_row(self, row: Columns) -> sparse.csr_matrix:
        """Return a query row's columns and weights as a 1 x features sparse matrix."""
        columns, data = row
        indptr = np.asarray([0, columns.size], dtype=np.int32)
        return sparse.csr_matrix((data, columns, indptr), shape=(1, self.idf.size))

    def weigh_columns(self, features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """Return weigh's row as its columns and weights, without building a sparse row."""
        columns, values = self.analyzer.columns(features)
        data = np.log1p(values) * self.idf[columns]
        norm = float(np.sqrt(np.dot(data, data)))
        if norm:
            data /= norm
        return columns, data

    def cosines(self, q: sparse.csr_matrix) -> np.ndarray:
        """Return the cosine of a query row with every offer, through the inverted index.

        Features that are too common are left out, unless the query has nothing else.
        """
        if q.nnz and self.common[q.indices].all():
            return np.asarray(self.tfidf @ q.T.toarray()).ravel()
        return _weighted_rows_sum(self.postings, q.indices, q.data)

    def row_cosines(self, row: Columns) -> np.ndarray:
        """Return `cosines` of a query row given as its columns and weights."""
        columns, data = row
        if columns.size and self.common[columns].all():
            return self.cosines(self.as_row(row))
        return _weighted_rows_sum(self.postings, columns, data)


def _weighted_rows_sum(
    matrix: sparse.csr_matrix, rows: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Return the sum of some rows of a CSR matrix, each times its weight, as a dense row.

    The same float32 sums, added in the same order, as the sparse product of a one-row
    matrix with `matrix` (scipy's csr_matmat), without building its sparse result.
    """
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    found = np.zeros(matrix.shape[1], dtype=np.result_type(data, weights))
    if _sparsetools is not None and indices.dtype == indptr.dtype and data.dtype == found.dtype:
        # the rows copied side by side, then read as the columns of a CSC matrix: its
        # product with the weights adds row after row, each row's entries in order
        taken = Gathered.of(matrix, rows)
        _sparsetools.csc_matvec(
            found.size,
            rows.size,
            taken.indptr,
            taken.indices,
            taken.data,
            weights.astype(found.dtype, copy=False),
            found,
        )
        return found
    spans = list(zip(indptr[rows].tolist(), indptr[rows + 1].tolist(), strict=True))
    if spans:
        columns = np.concatenate([indices[start:end] for start, end in spans])
        added = [data[start:end] * w for (start, end), w in zip(spans, weights, strict=True)]
        np.add.at(found, columns, np.concatenate(added))
    return found


def free_keywords(tags: Iterable[str]) -> str:
    """Return the tags outside the vocabulary as text (they are meaningful words too)."""
    return " ".join(dict.fromkeys(t for t in tags if not is_vocabulary_tag(tag_key(t))))


def draft_fields(offer: OfferRecord) -> list[tuple[str, float]]:
    """Return an offer's texts with the weight each field's words get."""
    return [
        (f"{offer.title} {free_keywords(offer.tags)}", TITLE),
        (offer.description, DESCRIPTION),
        (offer.programme_text, PROGRAMME),
    ]


def build_matrices(
    offers: Sequence[OfferRecord], with_chars: bool = True, workers: int | None = 1
) -> CatalogueMatrices:
    """Compute the matrices for a list of offers (n-gram profiles only when asked).

    The texts are split into words on `workers` processes (every core when None), with the
    same matrices for any number.
    """
    analyzer = Analyzer()
    said: tuple[list[list[str]], ...] = ([], [], [])
    fields = (
        [f"{o.title} {free_keywords(o.tags)}" for o in offers],
        [o.description for o in offers],
        [o.programme_text for o in offers],
    )
    titles, descriptions, programmes = count_fields(analyzer, fields, said, workers)
    width = max(len(analyzer.surface), 1)
    for matrix in (titles, descriptions, programmes):
        matrix.resize((len(offers), width))
    analyzer.fit(extra_words=_base_words())
    counts = TITLE * titles + DESCRIPTION * descriptions + PROGRAMME * programmes
    mapped = [
        sparse.csr_matrix(field @ analyzer.mapping, dtype=np.float32)
        + analyzer.phrase_matrix(found)
        for field, found in zip((titles, descriptions, programmes), said, strict=True)
    ]
    raw = TITLE * mapped[0] + DESCRIPTION * mapped[1] + PROGRAMME * mapped[2]
    raw = analyzer.confirm_weak(raw, counts)
    raw.data = np.log1p(raw.data)  # sublinear tf (weighted counts may be below one)
    tfidf, idf = _weigh_catalogue(raw)
    programme = _programme_rows(analyzer, mapped[2], programmes, idf)
    df = np.bincount(raw.indices, minlength=raw.shape[1])
    chars = CharGrams(analyzer.surface) if with_chars else None
    title_grams = chars.profiles(titles) if chars is not None else None
    common = df > max(COMMON_SHARE * len(offers), COMMON_FLOOR)
    postings = sparse.csr_matrix(sparse.diags((~common).astype(np.float32)) @ tfidf.T)
    postings.eliminate_zeros()
    return CatalogueMatrices(
        analyzer=analyzer,
        idf=idf,
        tfidf=tfidf,
        postings=postings,
        common=common,
        title_grams=title_grams,
        chars=chars,
        tags=TagSpace([o.tags for o in offers]),
        words=_spoken_words(analyzer, np.asarray(counts.sum(axis=0)).ravel()),
        programme=programme,
        topics=_title_topics(analyzer, offers, mapped[0]),
    )


def _title_topics(
    analyzer: Analyzer, offers: Sequence[OfferRecord], title_field: sparse.csr_matrix
) -> np.ndarray:
    """Return the concepts each offer's title names, as bits (see concepts.concept_mask).

    The title field also holds an offer's free keywords; the few offers that have some are
    read again from their title alone.
    """
    topics = analyzer.concept_bits(title_field)
    keyworded = [row for row, offer in enumerate(offers) if free_keywords(offer.tags)]
    if keyworded:
        topics[keyworded] = analyzer.concept_bits_of([offers[row].title for row in keyworded])
    return topics


def _programme_rows(
    analyzer: Analyzer, mapped: sparse.csr_matrix, counts: sparse.csr_matrix, idf: np.ndarray
) -> sparse.csr_matrix:
    """Return the programme theories alone as L2-normalised TF-IDF rows (catalogue idf).

    What an offer does and for whom is written there; double offers coincide in it more
    than in their titles or descriptions.
    """
    raw = analyzer.confirm_weak(mapped, counts)
    raw.data = np.log1p(raw.data) * idf[raw.indices]
    norms = np.sqrt(np.asarray(raw.multiply(raw).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ raw, dtype=np.float32)


def _spoken_words(analyzer: Analyzer, frequency: np.ndarray) -> list[str]:
    """Pick, for each feature, the most frequent surface word whose own stem it is."""
    words = analyzer.feature_names()[:]
    surface = sorted(analyzer.surface, key=analyzer.surface.__getitem__)
    mapping = analyzer.mapping.tocoo()
    own = mapping.data >= 1.0
    rows, cols = mapping.row[own], mapping.col[own]
    order = np.lexsort((-frequency[rows], cols))
    first = np.ones(order.size, dtype=bool)
    first[1:] = cols[order][1:] != cols[order][:-1]
    for row, col in zip(rows[order][first].tolist(), cols[order][first].tolist(), strict=True):
        if not words[col].startswith("~"):
            words[col] = surface[row]
    return words


def _base_words() -> set[str]:
    """Return whole words the splitter may know beyond the catalogue's own: the vocabulary's
    labels and the concept table's whole-word patterns (not its prefixes, which are stems)."""
    found = {
        p.lstrip("?=")
        for _, patterns in CONCEPTS.values()
        for p in patterns
        if not p.endswith("*") and not p.startswith("!")
    }
    for term in VOCABULARY:
        found.update(words(term.label))
    return {w for w in found if len(w) >= 4}


def _weigh_catalogue(raw: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Return the TF-IDF rows (smooth idf, L2 norm) and the idf of an offers x features matrix."""
    if raw.shape[0] == 0:
        return raw, np.ones(raw.shape[1], dtype=np.float32)
    weighting = TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False)
    tfidf = sparse.csr_matrix(weighting.fit_transform(raw), dtype=np.float32)
    return tfidf, weighting.idf_.astype(np.float32)
