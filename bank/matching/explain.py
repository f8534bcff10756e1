"""Why an offer was found: the interchange `why` dict and short Danish sentences."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from scipy import sparse

from bank.matching.records import OfferRecord
from bank.matching.tags import shared_tags, tag_key, tag_set
from bank.matching.text import display_words
from bank.vocabulary import short_label

if TYPE_CHECKING:
    from bank.matching.scoring import Query
    from bank.matching.vectors import CatalogueMatrices

MAX_TERMS, MAX_CONCEPTS = 6, 3
FUZZY_SHOWN = 0.75  # a title this close to a search text is worth saying


def explain_match(query: Query, q: sparse.csr_matrix, offer: OfferRecord, row: int,
                  parts: dict[str, float], m: CatalogueMatrices
                  ) -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Return the why dict and the Danish reasons for one offer found for a query."""
    tags, chapters = shared_tags(query.tags, offer.tags)
    offered = dict(zip(tag_set(offer.tags), offer.tags, strict=False))
    why: dict[str, list[str]] = {"tags": [offered.get(t, t) for t in tags]}
    offer_shown = _LazyDisplay(f"{offer.title} {offer.description} {offer.programme_text}")
    why["terms"], concepts = shared_terms(query.words, q, m.tfidf[row], m,
                                          (query.shown, offer_shown))
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
    full = offer.capacity is not None and offer.capacity <= 0
    return why, reasons(why, full)


def explain_pair(a: OfferRecord, b: OfferRecord, row_a: sparse.csr_matrix,
                 row_b: sparse.csr_matrix, m: CatalogueMatrices) -> dict[str, list[str]]:
    """Return the why dict of two offers that look alike (shared tags, terms, concepts)."""
    tags, _ = shared_tags(a.tags, b.tags)
    text = f"{a.title} {a.description} {a.programme_text}"
    shown = display_words(text)
    terms, concepts = shared_terms(list(shown), row_a, row_b, m, (shown, shown))
    why = {"tags": tags, "terms": terms}
    if concepts:
        why["concepts"] = concepts
    return why


def reasons(why: dict[str, list[str]], full: bool = False) -> tuple[str, ...]:
    """Turn a why dict into short plain Danish sentences for the page."""
    said: list[str] = []
    if why.get("tags"):
        said.append("Fælles emner: " + ", ".join(short_label(tag_key(t)) for t in why["tags"]))
    if why.get("terms"):
        said.append("Fælles ord: " + ", ".join(why["terms"]))
    if why.get("concepts"):
        said.append("Samme emne med andre ord: " + ", ".join(why["concepts"]))
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


def shared_terms(own_words: Sequence[str], own: sparse.csr_matrix, other: sparse.csr_matrix,
                 m: CatalogueMatrices, shown: tuple[Mapping[str, str], Mapping[str, str]]
                 ) -> tuple[list[str], list[str]]:
    """Return the words behind the features two rows share, weightiest first, and concepts.

    Words are given as written (`shown` maps folded words to their spelling on each side; a
    misspelt query word is given as the catalogue's word it stood for). Features found in
    most of the catalogue (low idf) are too common to be worth saying.
    """
    mine = dict(zip(own.indices.tolist(), own.data.tolist(), strict=True))
    n = m.tfidf.shape[0]
    common = math.log((1 + n) / (1 + n / 2)) + 1  # the idf of a feature in half the offers
    shared = [(value * mine[col], col) for col, value in
              zip(other.indices.tolist(), other.data.tolist(), strict=True)
              if col in mine and m.idf[col] >= common]
    names = m.analyzer.feature_names()
    first_word: dict[str, str] = {}
    for word in own_words:
        for feature in m.analyzer.features_of(word):
            first_word.setdefault(feature, word)
    terms: dict[str, None] = {}
    concepts: dict[str, None] = {}
    for _, col in sorted(shared, reverse=True):
        name = names[col]
        if name.startswith("~"):
            if len(concepts) < MAX_CONCEPTS:
                concepts[name[1:]] = None
        elif name in first_word and len(terms) < MAX_TERMS:
            word = first_word[name]
            corrected = m.analyzer.corrections.get(word)
            spelled = shown[1].get(corrected, corrected) if corrected else shown[0].get(word, word)
            terms[spelled] = None
    return list(terms), list(concepts)


class _LazyDisplay(Mapping[str, str]):
    """display_words of a text, worked out only if a misspelt word needs its spelling."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._shown: dict[str, str] | None = None

    def _words(self) -> dict[str, str]:
        if self._shown is None:
            self._shown = display_words(self.text)
        return self._shown

    def __getitem__(self, key: str) -> str:
        return self._words()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())
