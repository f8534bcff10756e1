"""The catalogue index: rank offers for a need, search the catalogue, find similar offers."""

from __future__ import annotations

import ctypes
import gc
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

import numpy as np
from scipy import sparse

from bank.matching.audience import offer_audience
from bank.matching.explain import (
    FUZZY_SHOWN,
    NamedTerms,
    explain_match,
    explain_pair,
    reasons,
    shared_with_query,
)
from bank.matching.learned import LearnedModel, LearnedSignal, Ranker, Votes
from bank.matching.pairs import PairVerdict, judge_many
from bank.matching.recent import RecentSearches
from bank.matching.records import NeedRecord, OfferRecord
from bank.matching.rerank import NO_STEP, SECOND_STAGE, rerank
from bank.matching.results import Match
from bank.matching.scoring import (
    CANDIDATES,
    RANK_WEIGHTS,
    SEARCH_WEIGHTS,
    Query,
    Signals,
    TitleWords,
    Weights,
    need_query,
    plain_content_text,
    text_query,
    text_signal,
)
from bank.matching.tags import TagCounts, tag_set
from bank.matching.text import fold, is_content_word
from bank.matching.vectors import (
    CatalogueMatrices,
    Columns,
    Gathered,
    Rows,
    build_matrices,
    draft_fields,
)
from bank.vocabulary import BY_SLUG

HIT_SHARE = 0.5  # a match below this share of the best score is "Måske også", not a hit
SEARCHES_KEPT = 128  # recent searches kept per index: about 50 KiB each, so under 7 MiB
MASKS_KEPT = 256  # filter masks kept per index (each is one byte per offer)
MEANINGFUL, MIN_CATALOGUE = 0.5, 20  # a word in over half the offers says nothing of a fit
GOAL_EVIDENCE = 0.3  # an offer serves a goal only through a word found in under 30 % of offers
ADOPTED = "adopted"  # rank with the learned signal the index holds (`learned`), if any


class CatalogueIndex:
    """An in-memory index of a catalogue of offers; build once, query many times."""

    def __init__(self, offers: Sequence[OfferRecord], matrices: CatalogueMatrices) -> None:
        self.offers = list(offers)
        self.rows = {offer.id: row for row, offer in enumerate(self.offers)}
        self.m = matrices
        if matrices.chars is None or matrices.title_grams is None:
            raise ValueError("a catalogue index needs the character n-gram profiles")
        self.chars, self.title_grams = matrices.chars, matrices.title_grams
        self.titles = [fold(o.title) for o in self.offers]
        self._title_words = TitleWords.of([plain_content_text(t) for t in self.titles])
        big = np.iinfo(np.int32).max
        self._low = np.asarray([o.age_min if o.age_min is not None else -1 for o in offers])
        self._high = np.asarray([o.age_max if o.age_max is not None else big for o in offers])
        self._step = np.asarray([o.step if o.step is not None else NO_STEP for o in offers])
        self._id_order = np.argsort(np.argsort([o.id for o in self.offers], kind="stable"))
        self._codes = {
            field: _codes([getattr(o, field) for o in self.offers])
            for field in ("status", "centre", "unit")
        }
        self._audience = np.asarray(
            [int(offer_audience(o.title, o.target_group)) for o in self.offers], dtype=np.int8
        )
        self._topics = (  # what each offer is about: the concepts its title names
            matrices.topics if matrices.topics is not None else np.zeros(len(offers), np.int64)
        )
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        self._searches = RecentSearches(SEARCHES_KEPT)
        self.learned: LearnedSignal | None = None  # the adopted model's signal (bank.ranking)
        self._prepare_filters()
        self._read_ahead()

    def _read_ahead(self) -> None:
        """Do now the first-query work on words most needs say: the tags, the title words.

        The answers are those a query would work out and remember (bank.matching.memo).
        """
        self.m.analyzer.read_ahead(BY_SLUG)
        self._title_words.compare_ahead(common=self._common_words())

    def _common_words(self) -> list[str]:
        """Return the catalogue's content words, one per feature, in the most offers first."""
        spoken = self.m.words
        return [
            word
            for column in np.argsort(self.m.idf, kind="stable").tolist()
            if is_content_word(word := spoken[column])
        ]

    def _prepare_filters(self) -> None:
        """Work out the filters most queries use once, at build: 0.1-0.5 ms each when asked.

        Those are who carries each vocabulary tag and who is open to each age the catalogue
        names (from its lowest lower bound to its highest upper bound).
        """
        for slug in BY_SLUG:
            self.m.tags.counts((slug,))  # who carries it, meets it, and the sum's step
        lows, highs = self._low[self._low >= 0], self._high[self._high < np.iinfo(np.int32).max]
        if lows.size and highs.size:
            first = int(lows.min())
            for age in range(first, min(int(highs.max()), first + MASKS_KEPT // 2) + 1):
                self._of_age(age)

    def __getstate__(self) -> dict[str, object]:
        """Pickle the index without its recent searches (a lock cannot be saved) or model."""
        state = dict(self.__dict__)
        state.pop("_searches", None)
        state.pop("learned", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore a saved index with an empty memory of searches and no learned model."""
        self.__dict__.update(state)
        if "_title_words" not in state:  # saved before titles' content words were kept
            self._title_words = TitleWords.of([plain_content_text(t) for t in self.titles])
            self.__dict__.pop("_title_contents", None)
        self._searches = RecentSearches(SEARCHES_KEPT)
        self.learned = None

    def learn(self, model: LearnedModel) -> LearnedSignal:
        """Place a learned model's decisions in this catalogue's feature space."""
        return LearnedSignal(model, self.rows, len(self.offers), self._text_row)

    def _text_row(self, text: str) -> sparse.csr_matrix:
        return self.m.weigh(self.m.analyzer.query_features(text))

    @classmethod
    def build(cls, offers: Iterable[OfferRecord], workers: int | None = None) -> CatalogueIndex:
        """Build the index for a catalogue (every status; filters apply when querying).

        The texts are split into words on `workers` processes (every core when None, as the
        double-offer scan does); the index is the same for any number.
        """
        listed = list(offers)
        index = cls(listed, build_matrices(listed, workers=workers))
        # the build leaves about 230,000 objects for the collector's first full pass (0.2 s
        # at 100,000 offers): made now, it does not stop one of the first queries
        gc.collect()
        give_back_freed_memory()  # the build's temporaries: about 300 MiB at 100,000 offers
        return index

    def __len__(self) -> int:
        return len(self.offers)

    def offer(self, offer_id: str) -> OfferRecord:
        """Return the indexed offer with this id (KeyError if unknown)."""
        return self._record(self.rows[offer_id])

    def _record(self, row: int) -> OfferRecord:
        """Return one row's offer record, decoded at once from a mapped index's file.

        A mapped index's rows are otherwise lazy proxies, each field read through a
        __getattr__: explaining and showing twenty offers read about 400 fields that way.
        """
        decode = getattr(self.offers, "record", None)
        return decode(row) if decode is not None else self.offers[row]

    def rank(
        self,
        need: NeedRecord,
        top: int = 10,
        step_max: int | None = None,
        centre: str | None = None,
        tags: Sequence[str] = (),
        learned: LearnedSignal | str | None = ADOPTED,
    ) -> list[Match]:
        """Rank the published offers that fit a need, best first, with reasons.

        `learned`: the signal learned from decisions; by default the one the index holds.
        """
        query = need_query(need, self.m.analyzer)
        mask = self.eligible(need.age, step_max=step_max, centre=centre, tags=tags)
        signal = self.learned if learned == ADOPTED else learned
        return self._ranked(query, mask, top, RANK_WEIGHTS, learned=_signal(signal), own=need.id)

    def candidates(self, need: NeedRecord) -> list[str]:
        """Return the offers the first stage finds for a need (unordered), as `rank` does.

        This is the engine's retrieval alone, what a library such as bm25s does: `rank`
        then re-scores these, re-orders the first of them and explains the top.
        """
        query = need_query(need, self.m.analyzer)
        _, _, rows = self._first_stage(query, self.eligible(need.age), RANK_WEIGHTS)
        return [self._offer_id(int(row)) for row in rows]

    def rank_within(self, need: NeedRecord, within: np.ndarray, top: int = 10) -> list[Match]:
        """Rank for a need only the offers marked in a mask (e.g. one unit's offers)."""
        query = need_query(need, self.m.analyzer)
        mask = within & self.eligible(need.age)
        return self._ranked(query, mask, top, RANK_WEIGHTS, learned=self.learned, own=need.id)

    def fit_ranker(self, top: int = 10) -> Ranker:
        """Return a ranker for `learned.fit`: offer ids for a need with a model (or none)."""
        signals: dict[int, tuple[LearnedModel, LearnedSignal]] = {}

        def ranked(need: NeedRecord, model: LearnedModel | None) -> list[str]:
            signal = None
            if model is not None:
                kept = signals.get(id(model))
                if kept is None or kept[0] is not model:
                    kept = signals[id(model)] = (model, self.learn(model))
                signal = kept[1]
            return [m.offer_id for m in self.rank(need, top=top, learned=signal)]

        return ranked

    def search(
        self,
        text: str,
        age: int | None = None,
        top: int = 20,
        tags: Sequence[str] = (),
        centre: str | None = None,
        unit: str | None = None,
        step_max: int | None = None,
        explain_rows: range | None = None,
    ) -> list[Match]:
        """Search the published offers with a short, maybe misspelled text and filters.

        With `explain_rows` (positions in the result), only those matches carry reasons;
        the others come with their id and score, so a page explains only what it shows.
        The last searches are kept with the index: the same search on the same catalogue
        (several people looking for "mentor", a page reloaded) is answered from memory.
        """
        rows_key = (explain_rows.start, explain_rows.stop) if explain_rows is not None else None
        key = (text, age, top, tuple(tags), centre, unit, step_max, rows_key)
        found = self._searches.get(key)
        if found is None:
            found = self._search(text, age, top, tags, centre, unit, step_max, explain_rows)
            self._searches.put(key, found)
        return list(found)

    def _search(
        self,
        text: str,
        age: int | None,
        top: int,
        tags: Sequence[str],
        centre: str | None,
        unit: str | None,
        step_max: int | None,
        explain_rows: range | None,
    ) -> tuple[Match, ...]:
        query = text_query(text, self.m.analyzer, tags=tags, age=age)
        mask = self.eligible(age, step_max=step_max, centre=centre, unit=unit, tags=tags)
        if not query.features:
            rows = sorted(np.flatnonzero(mask), key=lambda r: (self._step[r], self.offers[r].id))
            empty = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
            return tuple(self._match(query, empty, int(r), 0.0, {}) for r in rows[:top])
        return tuple(self._ranked(query, mask, top, SEARCH_WEIGHTS, explain_rows))

    def eligible(
        self,
        age: int | None = None,
        step_max: int | None = None,
        centre: str | None = None,
        unit: str | None = None,
        tags: Sequence[str] = (),
        statuses: Sequence[str] = ("published",),
    ) -> np.ndarray:
        """Return a mask of the offers that pass the hard filters."""
        mask = self._having("status", *statuses)
        if age is not None:
            mask &= self._of_age(age)
        if step_max is not None:
            mask &= self._step <= step_max
        if centre is not None:
            mask &= self._having("centre", centre)
        if unit is not None:
            mask &= self._having("unit", unit)
        for wanted in tag_set(tags):
            mask &= self.m.tags.carrying(wanted)
        return mask

    def _of_age(self, age: int) -> np.ndarray:
        """Return the (kept, not to be changed) mask of the offers open to an age."""
        key = ("age", str(age))
        mask = self._masks.get(key)
        if mask is None:
            mask = (self._low <= age) & (age <= self._high)
            if len(self._masks) < MASKS_KEPT:  # ages: a few dozen
                self._masks[key] = mask
        return mask

    def _having(self, field: str, *values: str) -> np.ndarray:
        """Return a fresh mask of the offers whose field holds one of the values."""
        key = (field, *values)
        mask = self._masks.get(key)
        if mask is None:
            names, codes = self._codes[field]
            mask = np.isin(codes, [names[v] for v in values if v in names])
            if len(self._masks) < MASKS_KEPT:  # statuses, centres and units: few
                self._masks[key] = mask
        return mask.copy()

    def similar(self, offer_id: str, top: int = 5) -> list[Match]:
        """Return the offers most like one indexed offer: possible double offers."""
        row = self.rows[offer_id]
        theory = self.m.programme[row] if self.m.programme is not None else None
        return self._alike(self.offers[row], self.m.tfidf[row], top, skip=row, theory=theory)

    def similar_to_draft(self, offer: OfferRecord, top: int = 5) -> list[Match]:
        """Return the indexed offers most like a draft, to warn an editor before saving."""
        features: dict[str, float] = {}
        for text, weight in draft_fields(offer):
            for feature, value in self.m.analyzer.query_features(text).items():
                features[feature] = features.get(feature, 0.0) + weight * value
        skip = self.rows.get(offer.id)
        theory = self.m.weigh(self.m.analyzer.query_features(offer.programme_text))
        return self._alike(offer, self.m.weigh(features), top, skip=skip, theory=theory)

    def tag_scores(self, query: Query) -> np.ndarray | None:
        """Return every offer's tag similarity to the query (None when it has no tags)."""
        if not query.tags:
            return None
        return _tag_scores(query, self.m.tags.counts(query.tags))

    def signals(
        self,
        query: Query,
        q: sparse.csr_matrix,
        rows: np.ndarray,
        tag_scores: np.ndarray | None,
        sub: sparse.csr_matrix | None = None,
    ) -> Signals:
        """Return each signal (text, tags, chars, fuzzy) for some offers, in [0, 1].

        `sub` may hold those offers' TF-IDF rows already (self.m.tfidf[rows]).
        """
        taken = Gathered.of(self.m.tfidf, rows) if sub is None else Gathered.wrap(sub)
        tags = tag_scores[rows] if tag_scores is not None else None
        return self._signals(query, self._dense((q.indices, q.data)), rows, tags, taken)

    def _signals(
        self,
        query: Query,
        dense: np.ndarray,
        rows: np.ndarray,
        tags: np.ndarray | None,
        sub: Gathered,
    ) -> Signals:
        """Return `signals` for a query row given as a dense vector (see _dense).

        `tags` holds those offers' tag scores (None when the query has no tags).
        """
        text = text_signal(sub.dot(dense))
        chars = Gathered.of(self.title_grams, rows).dot(self.chars.text_profile(query.words))
        fuzzy = self._title_words.cover(query.short_text, rows)
        return {"text": text, "tags": tags, "chars": chars, "fuzzy": fuzzy}

    def _ranked(
        self,
        query: Query,
        mask: np.ndarray,
        top: int,
        weights: Weights,
        explain_rows: range | None = None,
        learned: LearnedSignal | None = None,
        own: str = "",
    ) -> list[Match]:
        q, counts, rows = self._first_stage(query, mask, weights)
        votes = learned.votes(self.m.as_row(q), own) if learned is not None else None
        if votes is not None and learned is not None:  # chosen for needs like this: a candidate
            rows = np.union1d(rows, learned.candidates(votes, mask))
        if rows.size == 0 or top <= 0:
            return []
        sub = Gathered.of(self.m.tfidf, rows)
        dense = self._dense(q)
        tags = _tag_scores(query, counts, rows) if counts is not None else None
        parts = self._signals(query, dense, rows, tags, sub)
        scores = weights.blend(**parts)
        meaningful = self._meaningful(q, sub, parts)
        if votes is not None and learned is not None:
            best = float(scores.max()) or 1.0
            scores = np.clip(scores + learned.weight * best * votes.share[rows], 0.0, None)
            meaningful |= votes.share[rows] > 0
        scores = np.round(scores, 4)
        scores[~meaningful] = 0.0
        order = np.lexsort((self._id_order[rows], self._step[rows], -scores))
        chosen = order[scores[order] > 0].tolist()
        served: dict[int, tuple[str, ...]] = {}
        if query.texts:
            chosen, served = self._second_stage(query, rows, scores, chosen, sub)
        floor = HIT_SHARE * float(scores[chosen[0]]) if chosen else 0.0
        first = NamedTerms(query, self.m)
        shown = [i for n, i in enumerate(chosen[:top]) if explain_rows is None or n in explain_rows]
        shared = dict(zip(shown, self._shared(q, dense, sub, shown), strict=True))
        arrays = {k: v for k, v in parts.items() if isinstance(v, np.ndarray)}
        found = []
        for i in chosen[:top]:
            row, score = int(rows[i]), float(scores[i])
            if i in shared:
                signals = {k: float(v[i]) for k, v in arrays.items()}
                match = self._match(
                    query, q, row, score, signals, served.get(i), first, score >= floor, shared[i]
                )
                found.append(_chosen(match, votes, row))
            else:  # only an id and a score: most of a page's hits are counted, not shown
                found.append(Match(self._offer_id(row), score, hit=score >= floor))
        return found

    def _shared(
        self, q: Columns, dense: np.ndarray, sub: Gathered, shown: list[int]
    ) -> list[list[int]]:
        """Return the features each shown candidate (a row of `sub`) shares with the query."""
        said = np.zeros(dense.size, dtype=bool)  # the query's stored features, zeros too
        said[q[0]] = True
        return shared_with_query(
            said, dense, Rows.of(sub, np.asarray(shown, dtype=np.int64)), self.m
        )

    def _offer_id(self, row: int) -> str:
        """Return one offer's id without decoding a mapped index's record."""
        mapped = getattr(self.offers, "ids", None)
        return str(mapped[row]) if mapped is not None else self.offers[row].id

    def _meaningful(self, q: Columns, sub: Gathered, parts: Signals) -> np.ndarray:
        """Tell which candidates share something worth saying with the query.

        That is a word or concept found in under half of the catalogue, a tag, or a title
        that holds the search text; sharing only words that most offers use ("unge",
        "hjælp") is no fit. A query made only of such words keeps every candidate, and so
        does a catalogue too small to tell common words.
        """
        n = len(self.offers)
        rare = self._rare_features(*q, MEANINGFUL)
        if not rare.any() or n < MIN_CATALOGUE:
            return np.ones(len(sub), dtype=bool)
        if rare.all():  # the text signal is above 0 just where the cosine is
            found = parts["text"] > 0
        else:
            found = sub.dot(self._dense(q, rare)) > 0
        if parts.get("tags") is not None:
            found |= np.asarray(parts["tags"]) > 0
        return found | (np.asarray(parts["fuzzy"]) >= FUZZY_SHOWN)

    def _rare(self, row: Columns, share: float) -> Columns:
        """Keep only a query row's features found in at most `share` of the catalogue's offers."""
        kept = self._rare_features(*row, share)
        return row[0][kept], row[1][kept]

    def _rare_features(self, columns: np.ndarray, data: np.ndarray, share: float) -> np.ndarray:
        """Mark which of a query's stored features are in at most `share` of the offers."""
        n = len(self.offers)
        return (self.m.idf[columns] >= math.log((1 + n) / (1 + share * n)) + 1) & (data != 0)

    def _dense(self, q: Columns, keep: np.ndarray | None = None) -> np.ndarray:
        """Return a query row as a dense vector (only the `keep` features, when given).

        A sparse matrix times a dense vector sums each row in the same order as the sparse
        product, so the values are the same, without building sparse matrices per query.
        """
        columns, data = q
        dense = np.zeros(self.m.idf.size, dtype=data.dtype)
        if keep is None:
            dense[columns] = data
        else:
            dense[columns[keep]] = data[keep]
        return dense

    def _second_stage(
        self,
        query: Query,
        rows: np.ndarray,
        scores: np.ndarray,
        chosen: list[int],
        sub: Gathered,
    ) -> tuple[list[int], dict[int, tuple[str, ...]]]:
        """Re-order a need's first candidates (see rerank); scores are updated in place."""
        head = np.asarray(chosen[:SECOND_STAGE], dtype=np.int64)
        goal_rows = [
            self.m.weigh_columns(self.m.analyzer.read_query(goal, everyday=True)[0])
            for goal in query.goals
        ]
        done = rerank(
            query,
            rows[head],
            scores[head],
            self._step,
            self._audience,
            self._topics,
            self.titles,
            Rows.of(sub, head),
            goal_rows,
            [self._rare(goal, GOAL_EVIDENCE) for goal in goal_rows]
            if len(self.offers) >= MIN_CATALOGUE
            else (),
        )
        new_head = [int(head[k]) for k in done.order]
        scores[new_head] = done.scores
        served = {i: goals for i, goals in zip(new_head, done.goals, strict=True) if query.goals}
        return new_head + chosen[SECOND_STAGE:], served

    def _first_stage(
        self, query: Query, mask: np.ndarray, weights: Weights
    ) -> tuple[Columns, TagCounts | None, np.ndarray]:
        """Return a query's TF-IDF row, its tag counts (None: no tags) and the candidate rows."""
        q = self.m.weigh_columns(query.features)
        counts = self.m.tags.counts(query.tags) if query.tags else None
        return q, counts, self._candidates(q, query, counts, mask, weights)

    def _candidates(
        self,
        q: Columns,
        query: Query,
        counts: TagCounts | None,
        mask: np.ndarray,
        weights: Weights,
    ) -> np.ndarray:
        cosines = self.m.row_cosines(q)
        if counts is None:  # most offers share no word: score only the others
            said = np.flatnonzero((cosines != 0) & mask)
            pre = weights.text * text_signal(cosines[said])
            kept = pre > 0
            hits, pre = said[kept], pre[kept]
        else:  # both signals are >= 0: an offer scores above 0 if it shares a word or a tag
            found = counts.touching()
            found |= cosines > 0
            found &= mask
            hits = np.flatnonzero(found)
            pre = _tag_scores(query, counts, hits)
            pre *= weights.tags
            text = cosines[hits]  # a copy: spread and weighed in place
            text_signal(text, out=text)
            text *= weights.text
            pre += text
        if hits.size > CANDIDATES:
            hits = hits[np.argpartition(-pre, CANDIDATES)[:CANDIDATES]]
        return np.sort(hits)

    def _alike(
        self,
        offer: OfferRecord,
        q: sparse.csr_matrix,
        top: int,
        skip: int | None,
        theory: sparse.csr_matrix | None = None,
    ) -> list[Match]:
        cosines = self.m.cosines(q)
        mask = self.eligible(statuses=("published", "draft")) & (cosines > 0)
        if skip is not None:
            mask[skip] = False
        rows = np.flatnonzero(mask)
        if rows.size > CANDIDATES:
            rows = rows[np.argpartition(-cosines[rows], CANDIDATES)[:CANDIDATES]]
        if rows.size == 0:
            return []
        exact = (self.m.tfidf[rows] @ q.T).toarray().ravel()
        pairs = [offer, *(self.offers[row] for row in rows.tolist())]
        found = judge_many(
            pairs,
            np.zeros(rows.size, dtype=np.int64),
            np.arange(1, rows.size + 1),
            exact,
            programme=self._theory_cosines(theory, rows),
        )
        order = sorted(range(rows.size), key=lambda k: (-found.score[k], pairs[k + 1].id))
        return [
            self._alike_match(
                offer,
                q,
                int(rows[k]),
                PairVerdict(float(found.score[k]), bool(found.double[k]), bool(found.partial[k])),
            )
            for k in order[:top]
            if found.score[k] > 0
        ]

    def _theory_cosines(
        self, theory: sparse.csr_matrix | None, rows: np.ndarray
    ) -> np.ndarray | None:
        """Return the programme-theory cosines of one offer with some rows (NaN: none)."""
        if theory is None or self.m.programme is None:
            return None
        found = np.asarray((self.m.programme[rows] @ theory.T).todense()).ravel()
        empty = np.diff(self.m.programme.indptr)[rows] == 0
        found[empty | (theory.nnz == 0)] = np.nan
        return found

    def _alike_match(
        self, offer: OfferRecord, q: sparse.csr_matrix, row: int, verdict: PairVerdict
    ) -> Match:
        other = self.offers[row]
        why = explain_pair(offer, other, (q.indices, q.data), self.m.row(row), self.m)
        said = reasons(why, full=other.capacity is not None and other.capacity <= 0)
        if verdict.double:
            said = ("Ligner det samme tilbud (muligt dobbelttilbud)", *said)
        elif verdict.partial:
            said = ("Overlapper delvist", *said)
        likeness = "double" if verdict.double else "partial" if verdict.partial else ""
        return Match(other.id, verdict.score, why, said, bool(other.capacity == 0), likeness)

    def _match(
        self,
        query: Query,
        q: Columns,
        row: int,
        score: float,
        parts: dict[str, float],
        goals: tuple[str, ...] | None = None,
        first: NamedTerms | None = None,
        hit: bool = True,
        shared: list[int] | None = None,
    ) -> Match:
        offer = self._record(row)
        why, said = explain_match(query, q, offer, row, parts, self.m, goals, first, shared)
        full = offer.capacity is not None and offer.capacity <= 0
        return Match(offer.id, score, why, said, full, hit=hit)


def give_back_freed_memory() -> None:
    """Return the heap pages freed objects left to the system (glibc's malloc_trim).

    Building frees millions of small temporaries (word lists, counts, partial matrices)
    that glibc otherwise keeps mapped for reuse, so the process stays as large as at its
    peak. Elsewhere (no glibc) this does nothing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _signal(learned: LearnedSignal | str | None) -> LearnedSignal | None:
    return learned if isinstance(learned, LearnedSignal) else None


def _tag_scores(query: Query, counts: TagCounts, rows: np.ndarray | None = None) -> np.ndarray:
    """Return the offers' tag scores for a query from its tag counts (rows: only those)."""
    found = counts.scores(rows)
    found *= query.tag_share
    return found


def _chosen(match: Match, votes: Votes | None, row: int) -> Match:
    """Add the reason (and interchange key) of an offer chosen for similar needs."""
    if votes is None or votes.chosen[row] <= 0 or votes.share[row] <= 0:
        return match
    times = int(votes.chosen[row])
    said = f"Valgt til lignende behov {times} {'gang' if times == 1 else 'gange'}"
    why = {**match.why, "learned": [str(times)]}
    return replace(match, reasons=(*match.reasons, said), why=why)


def _codes(values: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
    """Number the distinct values, so filters compare small integers."""
    names: dict[str, int] = {}
    codes = np.asarray([names.setdefault(v, len(names)) for v in values], dtype=np.int32)
    return names, codes
