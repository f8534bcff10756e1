"""The blend of signals behind a score, and the queries the engine scores."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypedDict

import numpy as np
from rapidfuzz import fuzz, process

from bank.matching.audience import told_need
from bank.matching.concepts import concept_tag, concepts_of, phrase_concepts_in
from bank.matching.features import Analyzer, packed
from bank.matching.memo import memo_of, remembered, without_memos
from bank.matching.records import NeedRecord
from bank.matching.text import display_words, fold, is_content_word, words

NEED_TITLE, NEED_DESCRIPTION, NEED_GOALS = 2.0, 0.7, 1.5
NEED_TAG = 0.5  # a given tag read as words of the need: it names the main goal only
CANDIDATES = 200  # offers re-scored with character n-grams and fuzzy titles
INFERRED_TAG_SHARE = 0.6  # tags read from an untagged need's text count a little less
FUZZY_WORD = 80  # rapidfuzz ratio from which a title word is the query word misspelt
FUZZY_MAX_WORDS = 4  # longer texts are not compared with titles letter by letter
MIN_EVIDENCE = 2  # different words or phrases that must say a tag before it is read
HELD_BYTES = 16 * 2**20  # query words' verdicts on title words kept (one byte per pair)


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
    parts = [(need.title, NEED_TITLE), (told_need(need.description), NEED_DESCRIPTION)]
    parts += [(goal, NEED_GOALS) for goal in need.goals]
    parts += [(tag, NEED_TAG) for tag in need.tags]
    found: list[tuple[str, ...]] = []
    for text, weight in parts:
        features, spoken = analyzer.read_query(text, everyday=True)
        for feature, value in features.items():
            total[feature] += weight * value
        found.append(spoken)
    all_words = tuple(w for each in found for w in each)
    tags, share = tuple(need.tags), 1.0
    if not tags:
        said = [c for each in found for c in phrase_concepts_in(list(each))]
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


@dataclass(frozen=True)
class TitleWords:
    """Titles' content words, numbered in a vocabulary of their own: the fuzzy title signal.

    A title covers a query's short text by the share of the query's content words it holds:
    as a word, inside a compound (job in jobmentor), or misspelt (ratio 80 or more). Only a
    short text (a few words, as typed in a search box or a need's short title) is compared:
    a sentence-long title would share some word with almost any title.
    """

    vocabulary: list[str]
    ids: np.ndarray  # the numbers of every title's words, title after title
    starts: np.ndarray  # where each title's words start in `ids`, and where the last ends

    @classmethod
    def of(cls, contents: Sequence[str]) -> TitleWords:
        """Number the words of titles given as their content_text."""
        numbers: dict[str, int] = {}
        spoken = [own.split() for own in contents]
        ids = [numbers.setdefault(word, len(numbers)) for own in spoken for word in own]
        starts = np.zeros(len(spoken) + 1, dtype=np.int64)
        np.cumsum([len(own) for own in spoken], out=starts[1:])
        return cls(packed(list(numbers)), np.asarray(ids, dtype=np.int32), starts)

    def cover(self, short_text: str, rows: np.ndarray) -> np.ndarray:
        """Return how well each of some titles (rows) covers a short text, in [0, 1].

        Each query word is compared once with each title word (remembered per query word).
        """
        found = np.zeros(rows.size, dtype=np.float32)
        if not compares_titles(short_text):
            return found
        lengths = self.starts[rows + 1] - self.starts[rows]
        ends = np.cumsum(lengths)
        at = np.arange(int(ends[-1]) if ends.size else 0)
        at += np.repeat(self.starts[rows] - ends + lengths, lengths)
        if at.size == 0:
            return found
        ids = self.ids[at]
        held = np.stack([self._holds(word, ids) for word in content_text(short_text).split()])
        spoken_titles = np.flatnonzero(lengths)
        # each title's words are one run of columns: does the title hold each query word?
        holds = np.logical_or.reduceat(held, (ends - lengths)[spoken_titles], axis=1)
        found[spoken_titles] = holds.mean(axis=0)
        return found

    def compare_ahead(self, budget: int = HELD_BYTES // 2, common: Sequence[str] = ()) -> None:
        """Compare the commonest title words with every title word now, in one batch.

        A query word's first comparison costs 50-80 µs per word (2,300 title words); a
        need's short title mostly says words that titles or descriptions say. Then, while
        `budget` bytes allow, the `common` words (a catalogue's commonest first) as well.
        """
        size = len(self.vocabulary)
        if size == 0 or size > budget:
            return
        longest = max(map(len, self.vocabulary))
        lengths = memo_of(self, "lengths")
        for letters in range(1, 2 * longest + 1):  # longer words are alike none of them
            lengths[letters] = self._of_length(letters)
        counts = np.bincount(self.ids, minlength=size)
        first = np.argsort(-counts, kind="stable")[: min(size, budget // size)].tolist()
        said = [self.vocabulary[k] for k in first]
        if len(said) < budget // size:
            taken = set(self.vocabulary)
            more = (w for w in dict.fromkeys(common) if w not in taken)
            said += list(itertools.islice(more, budget // size - len(said)))
        memo = memo_of(self, "held")
        for word, alike in zip(said, self._alike(said), strict=True):
            memo[word] = self._inside(word, alike >= FUZZY_WORD)

    def _alike(self, said: list[str], among: list[str] | None = None) -> np.ndarray:
        """Return the ratio of each query word with each title word (words x vocabulary)."""
        spoken = self.vocabulary if among is None else among
        return process.cdist(said, spoken, scorer=fuzz.ratio, dtype=np.uint8)

    def _inside(self, said: str, held: np.ndarray) -> np.ndarray:
        """Mark besides the title words that hold a query word inside (three letters or more)."""
        if len(said) >= 3:
            joined, begins = remembered(self, "joined", "", 1, self._joined)
            at = [m.start() for m in re.finditer(re.escape(said), joined)]
            held[np.searchsorted(begins, at, side="right") - 1] = True
        return held

    def _holds(self, said: str, ids: np.ndarray) -> np.ndarray:
        """Tell for title words (numbers) whether each holds a query word, alike or inside."""
        limit = max(16, HELD_BYTES // max(len(self.vocabulary), 1))
        return remembered(self, "held", said, limit, self._holding)[ids]

    def _holding(self, said: str) -> np.ndarray:
        """Mark every title word that holds a query word: alike (ratio 80 or more) or inside."""
        held = np.zeros(len(self.vocabulary), dtype=bool)
        at, near = remembered(self, "lengths", len(said), 256, self._of_length)
        if near:
            held[at] = self._alike([said], near)[0] >= FUZZY_WORD
        return self._inside(said, held)

    def _of_length(self, size: int) -> tuple[np.ndarray, list[str]]:
        """Return the title words long or short enough to be alike a word of `size` letters.

        A ratio is at most 200 * min(m, n) / (m + n) for words of m and n letters: below
        79, neither rounding nor the cut-off of 80 can make two words alike.
        """
        lengths = np.fromiter(map(len, self.vocabulary), dtype=np.int64)
        at = np.flatnonzero(200 * np.minimum(lengths, size) >= 79 * (lengths + size))
        return at, packed([self.vocabulary[k] for k in at.tolist()])

    def _joined(self, _key: str) -> tuple[str, np.ndarray]:
        return _joined(self.vocabulary)

    def __getstate__(self) -> dict[str, object]:
        """Pickle the title words without the query words' verdicts remembered."""
        return without_memos(self)


def _joined(spoken: Sequence[str]) -> tuple[str, np.ndarray]:
    """Return words joined by spaces and where each of them begins in the joined text."""
    begins = np.zeros(len(spoken), dtype=np.int64)
    np.cumsum(
        np.fromiter(map(len, spoken), dtype=np.int64, count=len(spoken))[:-1] + 1, out=begins[1:]
    )
    return " ".join(spoken), begins


def compares_titles(short_text: str) -> bool:
    """Tell whether a text is compared with titles (TitleWords): a few words, some of content."""
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
