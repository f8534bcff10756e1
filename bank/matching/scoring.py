"""The blend of signals behind a score, and the queries the engine scores."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypedDict

import numpy as np
from rapidfuzz import fuzz, process

from bank.matching.audience import without_tried
from bank.matching.concepts import concept_tag, concepts_of, phrase_concepts_in
from bank.matching.features import Analyzer
from bank.matching.records import NeedRecord
from bank.matching.text import display_words, fold, is_content_word, words

NEED_TITLE, NEED_DESCRIPTION, NEED_GOALS = 2.0, 0.7, 1.5
NEED_TAG = 0.5  # a given tag read as words of the need: it names the main goal only
CANDIDATES = 200  # offers re-scored with character n-grams and fuzzy titles
INFERRED_TAG_SHARE = 0.6  # tags read from an untagged need's text count a little less
FUZZY_WORD = 80  # rapidfuzz ratio from which a title word is the query word misspelt
FUZZY_MAX_WORDS = 4  # longer texts are not compared with titles letter by letter
MIN_EVIDENCE = 2  # different words or phrases that must say a tag before it is read


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; they are rescaled to sum to one over those in play."""

    text: float
    tags: float
    chars: float
    fuzzy: float

    def blend(
        self, text: np.ndarray, tags: np.ndarray | None, chars: np.ndarray, fuzzy: np.ndarray
    ) -> np.ndarray:
        """Return the weighted mean of the signals (tags left out when the query has none)."""
        tag_weight = self.tags if tags is not None else 0.0
        total = self.text + tag_weight + self.chars + self.fuzzy
        mixed = self.text * text + self.chars * chars + self.fuzzy * fuzzy
        if tags is not None:
            mixed = mixed + tag_weight * tags
        return np.clip(mixed / total, 0.0, 1.0)


class Signals(TypedDict):
    """Each signal for some offers, in [0, 1] (tags None when the query has none)."""

    text: np.ndarray
    tags: np.ndarray | None
    chars: np.ndarray
    fuzzy: np.ndarray


RANK_WEIGHTS = Weights(text=0.55, tags=0.1, chars=0.12, fuzzy=0.08)
SEARCH_WEIGHTS = Weights(text=0.45, tags=0.15, chars=0.2, fuzzy=0.2)


@dataclass(frozen=True)
class Query:
    """A need or a search text, prepared for scoring."""

    features: dict[str, float]
    words: tuple[str, ...]
    short_text: str
    tags: tuple[str, ...]
    tag_share: float
    age: int | None = None
    shown: dict[str, str] = field(default_factory=dict)
    goals: tuple[str, ...] = ()  # a need's goals, main goal first (none for a search)
    texts: tuple[str, ...] = ()  # a need's own texts: title, description and goals


def need_query(need: NeedRecord, analyzer: Analyzer) -> Query:
    """Prepare a need: weighted text features, words, and its tags (or tags read from text)."""
    total: dict[str, float] = defaultdict(float)
    parts = [(need.title, NEED_TITLE), (without_tried(need.description), NEED_DESCRIPTION)]
    parts += [(goal, NEED_GOALS) for goal in need.goals]
    parts += [(tag, NEED_TAG) for tag in need.tags]
    for text, weight in parts:
        for feature, value in analyzer.query_features(text, everyday=True).items():
            total[feature] += weight * value
    found = [words(text) for text, _ in parts]
    all_words = tuple(w for each in found for w in each)
    tags, share = tuple(need.tags), 1.0
    if not tags:
        said = [c for each in found for c in phrase_concepts_in(each)]
        tags, share = inferred_tags(all_words, said), INFERRED_TAG_SHARE
    shown = display_words(" ".join(text for text, _ in parts))
    texts = (need.title, need.description, *need.goals)
    return Query(
        dict(total),
        all_words,
        fold(need.title),
        tags,
        share,
        need.age,
        shown,
        tuple(need.goals),
        texts,
    )


def text_query(
    text: str, analyzer: Analyzer, tags: Sequence[str] = (), age: int | None = None
) -> Query:
    """Prepare a free-text search (short, maybe misspelled) with optional wanted tags."""
    found = tuple(words(text))
    return Query(
        analyzer.query_features(text), found, fold(text), tuple(tags), 1.0, age, display_words(text)
    )


def inferred_tags(
    found: Iterable[str], phrases: Iterable[str] = (), most: int = 3, evidence: int = MIN_EVIDENCE
) -> tuple[str, ...]:
    """Read up to `most` vocabulary tags from a text's words and phrase concepts.

    A tag is read only on strong evidence: at least `evidence` different words or phrases
    that say one of its concepts (one incidental word is not enough; weak words never count).
    A need usually carries one to three tags; reading more than that from its text adds noise.
    """
    said: dict[str, set[str]] = defaultdict(set)
    for word in dict.fromkeys(found):  # a word said twice is one piece of evidence
        if is_content_word(word):
            for concept in concepts_of(word):
                tag = concept_tag(concept)
                if tag:
                    said[tag].add(word)
    for number, concept in enumerate(phrases):
        tag = concept_tag(concept)
        if tag:
            said[tag].add(f"phrase {number}")
    ranked = sorted(
        ((tag, len(words)) for tag, words in said.items() if len(words) >= evidence),
        key=lambda item: (-item[1], item[0]),
    )
    return tuple(tag for tag, _ in ranked[:most])


def fuzzy_titles(
    short_text: str, titles: Sequence[str], contents: Sequence[str] | None = None
) -> np.ndarray:
    """Return how well each title covers the query's short text, in [0, 1].

    The share of the query's content words that a title holds: as a word, inside a compound
    (job in jobmentor), or misspelt (ratio 80 or more). Only a short text (a few words, as
    typed in a search box or a need's short title) is compared: a sentence-long title would
    share some word with almost any title. `contents` may hold each title's content_text,
    worked out once for a catalogue.
    """
    if not compares_titles(short_text):
        return np.zeros(len(titles), dtype=np.float32)
    said = content_text(short_text).split()
    if contents is None:
        contents = [content_text(title) for title in titles]
    spoken = [own.split() for own in contents]
    flat = [word for own in spoken for word in own]
    if not flat:
        return np.zeros(len(titles), dtype=np.float32)
    alike = process.cdist(said, flat, scorer=fuzz.ratio, dtype=np.uint8) >= FUZZY_WORD
    inside = np.asarray(
        [[len(q) >= 3 and q in word for word in flat] for q in said], dtype=bool
    ).reshape(alike.shape)
    held = alike | inside
    lengths = np.asarray([len(own) for own in spoken])
    found = np.zeros(len(titles), dtype=np.float32)
    spoken_titles = np.flatnonzero(lengths)
    starts = (np.cumsum(lengths) - lengths)[spoken_titles]
    # each title's words are one run of columns: does the title hold each query word?
    holds = np.logical_or.reduceat(held, starts, axis=1)
    found[spoken_titles] = holds.mean(axis=0)
    return found


def compares_titles(short_text: str) -> bool:
    """Tell whether fuzzy_titles compares a text with titles: a few words, some of content."""
    return len(short_text.split()) <= FUZZY_MAX_WORDS and bool(content_text(short_text))


@lru_cache(maxsize=200_000)
def content_text(text: str) -> str:
    """Return a text's content words only, folded: "mentor til job" -> "mentor job".

    Letter-by-letter likeness on whole titles lets small words ("til", "for") make two
    unrelated titles look alike.
    """
    return plain_content_text(text)


def plain_content_text(text: str) -> str:
    """Return content_text without remembering it (for a catalogue's titles, once each)."""
    return " ".join(w for w in words(text) if is_content_word(w))


def text_signal(cosine: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Spread a TF-IDF cosine over [0, 1]; long texts rarely share more than half their weight.

    With `out` (which may be `cosine` itself), the result is written there.
    """
    clipped = np.clip(cosine, 0.0, 1.0, out=out)
    return np.sqrt(clipped, out=clipped)
