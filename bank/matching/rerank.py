"""The second stage: re-order a need's first candidates as a caseworker would.

Over the first `SECOND_STAGE` candidates of the blend it weighs who the offer is for against
who the need asks help for, prefers the least intrusive step that fits (unless the need asks
for more), lowers offers that are what the need says was tried without help and offers whose
title names only topics the need never touches, and composes a top that covers the need's
goals, main goal first. It also says which goal each offer serves.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bank.matching.audience import Audience, need_asks_for, step_wish, tried_sentences
from bank.matching.concepts import concept_mask
from bank.matching.scoring import Query, text_signal
from bank.matching.text import content_stems
from bank.matching.vectors import Columns, Rows

SECOND_STAGE = 30  # candidates the second stage re-orders
NO_STEP = 7  # offers without a step sort after every real step at equal fit
WRONG_AUDIENCE = 0.6  # an offer for the parents (or professionals) when the need asks not
STEP_COST = 0.06  # per ladder step above the lowest step among the candidates
SMALL_STEP_COST = 0.12  # the same when the need asks for something small
TRIED_AGAIN = 0.75  # an offer that is what the need says did not help
OFF_TOPIC = 0.85  # an offer whose title names topics, none of which the need touches
GOAL_SHARE = 0.35  # how much of the final order is about covering the need's goals
MAIN_GOAL, OTHER_GOAL = 1.0, 0.7  # how much covering each goal is worth
SERVES = 0.55  # share of an offer's best goal fit from which it serves a goal too
GREEDY_PLACES = 10  # places composed for goal cover; the rest follow by score
MIN_GOAL_FIT = 0.12  # a goal fit below this serves nothing
MAIN_FIRST = False  # force the first place to the main goal (measured: it costs NDCG)


@dataclass(frozen=True)
class Reordered:
    """The new order (positions in the candidates given), scores and goals served, in order."""

    order: list[int]
    scores: np.ndarray
    goals: list[tuple[str, ...]]


def rerank(
    query: Query,
    rows: np.ndarray,
    scores: np.ndarray,
    steps: np.ndarray,
    audience: np.ndarray,
    topics: np.ndarray,
    titles: Sequence[str],
    tfidf: Rows,
    goal_rows: Sequence[Columns],
    goal_evidence: Sequence[Columns] = (),
) -> Reordered:
    """Re-order a need's candidate rows (best first by the blend); see the module text.

    `steps`, `audience`, `topics` (the concepts each title names, as bits) and `titles` are
    per catalogue row, `tfidf` holds the candidates' own TF-IDF rows (in the order of
    `rows`); the result's order holds positions in `rows`, and its scores never rise down
    the list. With `goal_evidence` (each goal's rarer words
    and concepts), an offer is said to serve a goal only if it shares one of them: sharing
    "fast" or "hjælp" with "Et fast sted at sove" says nothing about a place to sleep.
    """
    if rows.size == 0:
        return Reordered([], np.zeros(0), [])
    adjusted = scores.astype(np.float64) * _audience_fit(query, audience[rows])
    adjusted *= _step_fit(query, steps[rows])
    adjusted *= _tried_fit(query, titles, rows)
    adjusted *= _topic_fit(query, topics[rows])
    every = _goal_fits(tfidf, [*goal_rows, *goal_evidence])
    fits, evidence = every[:, : len(goal_rows)], every[:, len(goal_rows) :]
    order = _cover_goals(adjusted, fits)
    final = np.minimum.accumulate(adjusted[order])
    served = _served(fits[order]) if query.goals else np.zeros((len(order), 0), dtype=bool)
    if goal_evidence and served.size:
        served &= evidence[order] > 0
    goals = [tuple(itertools.compress(query.goals, row)) for row in served.tolist()]
    return Reordered(order, np.round(final, 4), goals)


def _audience_fit(query: Query, audience: np.ndarray) -> np.ndarray:
    asks = need_asks_for(list(query.texts))
    fit = np.ones(audience.size)
    for who in (Audience.PARENTS, Audience.PROFESSIONALS):
        if who not in asks:
            fit[audience == who] = WRONG_AUDIENCE
    return fit


def _step_fit(query: Query, steps: np.ndarray) -> np.ndarray:
    wish = step_wish(list(query.texts))
    known = steps[steps < NO_STEP]
    if wish > 0 or known.size == 0:
        return np.ones(steps.size)
    cost = SMALL_STEP_COST if wish < 0 else STEP_COST
    above = np.clip(np.where(steps < NO_STEP, steps, known.min()) - known.min(), 0, None)
    return np.clip(1.0 - cost * above, 0.3, 1.0)


def _tried_fit(query: Query, titles: Sequence[str], rows: np.ndarray) -> np.ndarray:
    tried = {s for sentence in tried_sentences(list(query.texts)) for s in content_stems(sentence)}
    fit = np.ones(rows.size)
    if not tried:
        return fit
    for k, row in enumerate(rows.tolist()):
        own = set(content_stems(titles[row]))
        if own and len(own & tried) >= max(1, len(own) // 3):
            fit[k] = TRIED_AGAIN
    return fit


def _topic_fit(query: Query, topics: np.ndarray) -> np.ndarray:
    """Lower offers whose title names topics, none of which the need touches (bit masks).

    "Tidlig indsats ved bekymrende fravær" is about absence: for a need that never speaks of
    absence it is a bait, whatever other words of its text the need shares.
    """
    said = concept_mask(query.features)
    return np.where((topics != 0) & (topics & said == 0), OFF_TOPIC, 1.0)


def _goal_fits(offers: Rows, goal_rows: Sequence[Columns]) -> np.ndarray:
    """Return each candidate's fit to each goal (candidates x goals), in [0, 1]."""
    n = offers.count
    fits = np.zeros((n, len(goal_rows)))
    if not goal_rows or offers.data.size == 0:
        return fits
    said = np.unique(np.concatenate([columns for columns, _ in goal_rows]))
    if said.size == 0:
        return text_signal(fits)
    at = np.searchsorted(said, offers.indices)
    at[at == said.size] = 0
    # only the entries some goal says: the others would add products of zero to each sum
    hit = said[at] == offers.indices
    weight = np.zeros((said.size, len(goal_rows)), dtype=np.float32)
    for g, (columns, weights) in enumerate(goal_rows):
        weight[np.searchsorted(said, columns), g] = weights
    owner = offers.owner[hit]
    if owner.size == 0:
        return text_signal(fits)
    # each candidate's products per goal, summed in float64 in the order of its entries
    goals = len(goal_rows)
    products = offers.data[hit, None] * weight[at[hit]]
    places = (owner[:, None] * goals + np.arange(goals)).ravel()
    sums = np.bincount(places, weights=products.ravel(), minlength=n * goals)
    return text_signal(sums.reshape(n, goals))


def _cover_goals(scores: np.ndarray, fits: np.ndarray) -> list[int]:
    """Order greedily: each place goes to the offer whose score and new goal cover are best."""
    n, goals = fits.shape
    if goals < 2:
        return _by_score(scores, np.arange(n))
    worth = np.asarray([MAIN_GOAL] + [OTHER_GOAL] * (goals - 1))
    total = worth.sum()
    open_share = np.ones(goals)
    best = max(float(scores.max()), 1e-9)
    alone = (1 - GOAL_SHARE) * scores / best
    taken = np.zeros(n, dtype=bool)
    order = list[int]()
    while len(order) < min(n, GREEDY_PLACES):
        # every candidate's value, the placed ones out of the running (each row's own sums):
        # alone + GOAL_SHARE * (fits @ (worth * open_share) / total), worked out in place
        values = fits @ (worth * open_share)
        values /= total
        values *= GOAL_SHARE
        values += alone
        if MAIN_FIRST and not order and (fits[:, 0] >= MIN_GOAL_FIT).any():
            values = np.where(fits[:, 0] >= MIN_GOAL_FIT, values, -1.0)  # main goal first
        values[taken] = -np.inf
        chosen = int(values.argmax())
        taken[chosen] = True
        order.append(chosen)
        open_share *= 1.0 - fits[chosen]
    return order + _by_score(scores, np.flatnonzero(~taken))


def _by_score(scores: np.ndarray, among: np.ndarray) -> list[int]:
    """Return some candidates (positions) best score first, ties in the order given.

    As sorted(among, key=lambda k: -scores[k]) (a stable sort), without a call per key.
    """
    return among[np.argsort(-scores[among], kind="stable")].tolist()


def _served(fits: np.ndarray) -> np.ndarray:
    """Mark the goals each offer serves: its best one, and any nearly as well served."""
    best = fits.max(axis=1, keepdims=True) if fits.size else np.zeros((fits.shape[0], 1))
    return (fits >= np.maximum(SERVES * best, MIN_GOAL_FIT)) & (best >= MIN_GOAL_FIT)
