"""Why an offer was found: the interchange `why` dict and short Danish sentences."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from bank.matching.frequency import everyday_weight
from bank.matching.records import OfferRecord
from bank.matching.tags import shared_tags, tag_key, tag_set
from bank.matching.text import fold
from bank.vocabulary import short_label

if TYPE_CHECKING:
    from bank.matching.scoring import Query
    from bank.matching.vectors import CatalogueMatrices, Rows

MAX_TERMS, MAX_CONCEPTS = 6, 3
COMMON_SHARE = 0.25
FUZZY_SHOWN = 0.75  # a title this close to a search text is worth saying
CHATTY = 0.5  # a need's words that count less than this are not named as shared words


def explain_match(
    query: Query,
    q: tuple[np.ndarray, np.ndarray],
    offer: OfferRecord,
    row: int,
    parts: dict[str, float],
    m: CatalogueMatrices,
    goals: tuple[str, ...] | None = None,
    terms_of: NamedTerms | None = None,
    shared: list[int] | None = None,
) -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Return the why dict and the Danish reasons for one offer found for a query.

    `terms_of` (see NamedTerms) may be given once for all of a query's matches, and
    `shared` (see shared_with_query), the features the offer shares with the query.
    """
    own = m.tags.tags[row]  # tag_set(offer.tags), worked out when the index was built
    tags, chapters = shared_tags(query.tags, offer.tags, own)
    offered = dict(zip(own, offer.tags, strict=False))
    why: dict[str, list[str]] = {"tags": [offered.get(t, t) for t in tags]}
    if shared is None:
        shared = shared_features(q, m.row(row), m)
    if terms_of is None:
        terms_of = NamedTerms(query, m)
    terms: dict[str, None] = {}
    for column in shared:
        if len(terms) == MAX_TERMS:
            break
        spelled = terms_of.of(column)
        if spelled is not None:
            terms[spelled] = None
    why["terms"] = list(terms)
    concepts = _concepts(shared, m)
    if chapters:
        why["icf"] = chapters
    if concepts:
        why["concepts"] = concepts
    if query.age is not None:
        why["age"] = [age_range(offer)]
    if offer.step is not None:
        why["step"] = [str(offer.step)]
    if parts.get("fuzzy", 0.0) >= FUZZY_SHOWN and len(query.words) <= 4:
        why["fuzzy"] = [offer.title]
    if goals:
        why["goals"] = list(goals)
    full = offer.capacity is not None and offer.capacity <= 0
    return why, reasons(why, full)


class NamedTerms:
    """The word a reason names each of a query's features by, worked out once per query.

    That is the first of the query's words that says the feature, as the user wrote it (or
    the catalogue's spelling of the word a typo stood for). A need's chatty words are left
    out: "mere", "hele", "siger" are true, but no reason a need fits an offer. Each feature
    is looked up when a match first shares it.
    """

    def __init__(self, query: Query, m: CatalogueMatrices) -> None:
        self.query, self.m = query, m
        self.first = first_words(query, m)
        self.names = m.analyzer.feature_names()
        self.known: dict[int, str | None] = {}

    def of(self, column: int) -> str | None:
        """Return the word a reason names a feature column by (None: it is not named)."""
        if column in self.known:
            return self.known[column]
        word = self.first.get(self.names[column])
        spelled = None
        if word is not None and not (self.query.texts and everyday_weight(word) < CHATTY):
            corrected = self.m.analyzer.corrections.get(word)
            own = self.query.shown.get(word, word)
            spelling = self.m.analyzer.display
            spelled = spelling.get(corrected or word, own) if corrected or own == word else own
        self.known[column] = spelled
        return spelled


def first_words(query: Query, m: CatalogueMatrices) -> dict[str, str]:
    """Map each feature of a query to the first of its words that says it."""
    read = m.analyzer.word_reader()  # query_word: each word's features, remembered
    said = list(dict.fromkeys(query.words))  # a word said again says no feature first
    # the words last to first: a feature's first word is the last to be put in the dict
    return {feature: word for word in reversed(said) for feature, _ in read(word)[0]}


def explain_pair(
    a: OfferRecord,
    b: OfferRecord,
    row_a: tuple[np.ndarray, np.ndarray],
    row_b: tuple[np.ndarray, np.ndarray],
    m: CatalogueMatrices,
) -> dict[str, list[str]]:
    """Return the why dict of two offers that look alike (shared tags, terms, concepts)."""
    tags, _ = shared_tags(a.tags, b.tags)
    shared = shared_features(row_a, row_b, m)
    spoken = [m.words[col] for col in shared if not m.words[col].startswith("~")][:MAX_TERMS]
    spelling = m.analyzer.display
    why = {"tags": tags, "terms": list(dict.fromkeys(spelling.get(w, w) for w in spoken))}
    concepts = _concepts(shared, m)
    if concepts:
        why["concepts"] = concepts
    return why


def explain_pairs(
    offers: Sequence[OfferRecord], m: CatalogueMatrices, left: np.ndarray, right: np.ndarray
) -> list[dict[str, list[str]]]:
    """Explain many row pairs at once (one sparse product gives every pair's shared words)."""
    if left.size == 0:
        return []
    product = sparse.csr_matrix(m.tfidf[left].multiply(m.tfidf[right]))
    product.data[m.idf[product.indices] < common_idf(m)] = 0.0
    names, spelling = m.analyzer.feature_names(), m.analyzer.display
    whys = []
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        cols = product.indices[product.indptr[k] : product.indptr[k + 1]]
        vals = product.data[product.indptr[k] : product.indptr[k + 1]]
        order = np.argsort(-vals, kind="stable")
        shared = [
            c for c, v in zip(cols[order].tolist(), vals[order].tolist(), strict=True) if v > 0
        ]
        spoken = [m.words[c] for c in shared if not names[c].startswith("~")][:MAX_TERMS]
        why = {
            "tags": _shared_tags(offers[i].tags, offers[j].tags),
            "terms": list(dict.fromkeys(spelling.get(w, w) for w in spoken)),
        }
        concepts = [names[c][1:] for c in shared if names[c].startswith("~")][:MAX_CONCEPTS]
        if concepts:
            why["concepts"] = concepts
        whys.append(why)
    return whys


def _shared_tags(first: tuple[str, ...], second: tuple[str, ...]) -> list[str]:
    theirs = set(tag_set(second))
    return [tag for tag in tag_set(first) if tag in theirs]


def reasons(why: dict[str, list[str]], full: bool = False) -> tuple[str, ...]:
    """Turn a why dict into short plain Danish sentences for the page."""
    said: list[str] = []
    if why.get("goals"):
        said.append("Passer til målet: " + "; ".join(g.rstrip(". ") for g in why["goals"]))
    if why.get("tags"):
        said.append("Fælles emner: " + ", ".join(short_label(tag_key(t)) for t in why["tags"]))
    if why.get("terms"):
        said.append("Fælles ord: " + ", ".join(why["terms"]))
    said_as_words = {_folded(term) for term in why.get("terms", [])}
    other_words = [c for c in why.get("concepts", []) if _folded(c) not in said_as_words]
    if other_words:  # "mentor" shared as a word is no topic shared "in other words"
        said.append("Samme emne med andre ord: " + ", ".join(other_words))
    if why.get("icf"):
        said.append("Beslægtet område (ICF " + ", ".join(why["icf"]) + ")")
    if why.get("fuzzy"):
        said.append("Titlen ligner søgningen")
    if why.get("age"):
        said.append(f"Alderen passer ({why['age'][0]})")
    if why.get("step"):
        said.append(f"Trin {why['step'][0]} på indsatstrappen")
    if full:
        said.append("Ingen ledige pladser lige nu")
    return tuple(said)


def age_range(offer: OfferRecord) -> str:
    """Describe an offer's age range in Danish, e.g. "15–25 år" or "fra 18 år"."""
    if offer.age_min is not None and offer.age_max is not None:
        return f"{offer.age_min}–{offer.age_max} år"
    if offer.age_min is not None:
        return f"fra {offer.age_min} år"
    if offer.age_max is not None:
        return f"op til {offer.age_max} år"
    return "alle aldre"


def shared_features(
    own: tuple[np.ndarray, np.ndarray], other: tuple[np.ndarray, np.ndarray], m: CatalogueMatrices
) -> list[int]:
    """Return the feature columns two rows share, weightiest first.

    Features found in many offers (see common_idf) are too common to be worth saying.
    """
    common = common_idf(m)
    both, own_at, other_at = np.intersect1d(
        own[0], other[0], assume_unique=True, return_indices=True
    )
    weight = own[1][own_at] * other[1][other_at]
    keep = m.idf[both] >= common
    order = np.argsort(-weight[keep], kind="stable")
    return both[keep][order].tolist()


def shared_with_query(
    said: np.ndarray, dense: np.ndarray, rows: Rows, m: CatalogueMatrices
) -> list[list[int]]:
    """Return shared_features of a query row with each of some rows, all in one pass.

    `said` marks the query's stored features and `dense` holds their weights (dense rows):
    looking the rows' features up in them is cheaper than intersecting sorted lists.
    """
    if rows.count == 0:
        return []
    hit = said[rows.indices]
    both, owner = rows.indices[hit], rows.owner[hit]
    weight = dense[both] * rows.data[hit]
    keep = m.idf[both] >= common_idf(m)
    both, owner, weight = both[keep], owner[keep], weight[keep]
    order = np.lexsort((both, -weight, owner))  # per row: weightiest first, then by column
    cuts = [0, *np.searchsorted(owner[order], np.arange(1, rows.count)).tolist(), owner.size]
    ranked = both[order].tolist()
    return [ranked[start:end] for start, end in itertools.pairwise(cuts)]


def common_idf(m: CatalogueMatrices) -> float:
    """Return the idf below which a feature is too common to name: in over a quarter of offers."""
    n = m.tfidf.shape[0]
    return math.log((1 + n) / (1 + max(COMMON_SHARE * n, 2))) + 1


def _concepts(shared: list[int], m: CatalogueMatrices) -> list[str]:
    names = m.analyzer.feature_names()
    found = []
    for column in shared:
        name = names[column]
        if name.startswith("~"):
            found.append(name[1:])
            if len(found) == MAX_CONCEPTS:
                break
    return found


@lru_cache(maxsize=65_536)
def _folded(term: str) -> str:
    """Return fold(term) for a word or concept named in reasons (remembered per word)."""
    return fold(term)
