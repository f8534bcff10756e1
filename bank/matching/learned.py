"""A signal learned from the bank's own decisions: what was chosen for needs like this one.

A decision links the text of a published need (or of a checked goal) with an offer, as a fit
(a bid accepted, an offer put in a plan) or not (marked "Passer ikke", a bid declined, an item
dropped early). For a new need, the decisions on similar texts (the cosine of their TF-IDF
rows in the catalogue's space) vote for or against their offers. An offer's smoothed vote
adds a share of the best blend score before the second stage, and an offer chosen for
similar needs becomes a candidate even when its words never meet the need's. How large that
share is, is fitted by cross-validation over needs (`fit`); a fit that does not score higher
than the untrained engine is not adopted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from bank.matching.records import NeedRecord

WEIGHTS = (0.1, 0.2, 0.4)  # shares of the best blend score tried by the fit
SIMILAR = 0.1  # a decision on a text less similar than this takes no part in a vote
SMOOTHING = 1.0  # a vote is sum(sim * ±1) / (SMOOTHING + sum(sim)): few decisions say little
NEAREST = 200  # only the decisions on the most similar texts vote
CANDIDATES = 20  # at most this many offers become candidates through their vote alone
NAMED = 0.25  # a fit decision this similar counts in "Valgt til lignende behov n gange"
FOLDS = 5  # cross-validation folds over needs (fewer when there are fewer needs)
MIN_NEEDS = 5  # a fit needs decisions on at least this many needs (with a fit among them)
CV_TOP = 10  # places ranked per held-out need
MARGIN = 0.01  # adopted only when it beats the untrained engine by this much NDCG@5
NOISE = 2.0  # ... and by two standard errors of the per-need gains: more than chance


@dataclass(frozen=True)
class Decision:
    """One professional choice: this offer fits (or does not fit) the need with this text."""

    # The need (or goal) decided on, maybe after its family: "course-3/need-7". A family's
    # decisions stay in one cross-validation fold and never vote for a need of that family
    # (a young person's own course is no "similar need").
    group: str
    text: str
    offer_id: str
    fits: bool


@dataclass(frozen=True)
class LearnedModel:
    """What a fit adopted: the decisions to vote with and the weight of their vote."""

    decisions: tuple[Decision, ...]
    weight: float


@dataclass(frozen=True)
class Votes:
    """Per catalogue row: the smoothed vote in [-1, 1], and how many similar needs chose it."""

    share: np.ndarray
    chosen: np.ndarray


@dataclass(frozen=True)
class Fit:
    """The outcome of a fit: the chosen weight, the cross-validated scores, and whether adopted."""

    weight: float
    before: float  # mean NDCG@5 of the untrained engine over the held-out needs
    after: float  # the same with the learned signal at `weight`
    needs: int
    decisions: int
    adopted: bool
    why: str

    def model(self, decisions: Sequence[Decision]) -> LearnedModel | None:
        """Return the model to use: these decisions at the fitted weight, if adopted."""
        return LearnedModel(tuple(decisions), self.weight) if self.adopted else None


class LearnedSignal:
    """A model's decisions placed in one catalogue's feature space, ready to vote."""

    def __init__(
        self,
        model: LearnedModel,
        rows: Mapping[str, int],
        n_offers: int,
        vectorise: Callable[[str], sparse.csr_matrix],
    ) -> None:
        kept = [d for d in model.decisions if d.offer_id in rows]
        self.weight = model.weight
        self.n_offers = n_offers
        self._offer_rows = np.asarray([rows[d.offer_id] for d in kept], dtype=np.int64)
        self._signs = np.asarray([1.0 if d.fits else -1.0 for d in kept])
        codes: dict[str, int] = {}
        self._groups = np.asarray([codes.setdefault(d.group, len(codes)) for d in kept])
        self._family_codes: dict[str, int] = {}
        self._families = np.asarray(
            [self._family_codes.setdefault(family(d.group), len(self._family_codes)) for d in kept]
        )
        texts: dict[str, sparse.csr_matrix] = {}
        vectors = [texts.setdefault(d.text, vectorise(d.text)) for d in kept]
        self._texts = sparse.vstack(vectors, format="csr") if vectors else None

    def __len__(self) -> int:
        return int(self._signs.size)

    def votes(self, q: sparse.csr_matrix, own: str = "") -> Votes | None:
        """Return the decisions' votes for a need's L2-normalised row (None: nobody voted).

        The decisions of the need's own family (`own` is its id) do not vote: they are not
        "like" it. Offers chosen are counted once per need that chose them.
        """
        if self._texts is None or q.nnz == 0:
            return None
        sims = (self._texts @ q.T).toarray().ravel()
        mine = self._family_codes.get(family(own))
        if mine is not None:
            sims[self._families == mine] = 0.0
        near = np.flatnonzero(sims >= SIMILAR)
        if near.size == 0:
            return None
        if near.size > NEAREST:
            near = near[np.argpartition(-sims[near], NEAREST)[:NEAREST]]
        rows, sims, signs = self._offer_rows[near], sims[near], self._signs[near]
        signed = np.bincount(rows, weights=sims * signs, minlength=self.n_offers)
        total = np.bincount(rows, weights=sims, minlength=self.n_offers)
        named = (sims >= NAMED) & (signs > 0)
        pairs = np.unique(np.stack([rows[named], self._groups[near][named]]), axis=1)
        chosen = np.bincount(pairs[0], minlength=self.n_offers)
        return Votes(signed / (SMOOTHING + total), chosen)

    def candidates(self, votes: Votes, mask: np.ndarray) -> np.ndarray:
        """Return the rows (at most CANDIDATES) that the votes favour among a mask's offers."""
        rows = np.flatnonzero((votes.share > 0) & mask)
        if rows.size > CANDIDATES:
            rows = rows[np.argpartition(-votes.share[rows], CANDIDATES)[:CANDIDATES]]
        return rows


Ranker = Callable[[NeedRecord, LearnedModel | None], list[str]]


def fit(
    decisions: Sequence[Decision],
    ranker: Ranker,
    weights: Sequence[float] = WEIGHTS,
    folds: int = FOLDS,
) -> Fit:
    """Choose the vote's weight by cross-validation over needs; adopt it only if it helps.

    `ranker(need, model)` ranks the catalogue for a need with a model (None: untrained).
    Each held-out need is asked with its own text; its fit decisions are its relevant offers.
    """
    groups = _groups(decisions)
    judged = [g for g, ds in groups.items() if any(d.fits for d in ds)]
    if len(judged) < MIN_NEEDS:
        why = f"too few needs with a chosen offer ({len(judged)} < {MIN_NEEDS})"
        return Fit(0.0, 0.0, 0.0, len(judged), len(decisions), False, why)
    families = list(dict.fromkeys(family(g) for g in judged))
    k = min(folds, len(families))
    fold_of_family = {f: n % k for n, f in enumerate(families)}
    # A family with no chosen offer is never held out: its decisions always train.
    fold_of = {g: fold_of_family.get(family(g), -1) for g in groups}
    untrained = _cv_scores(groups, judged, fold_of, k, ranker, None)
    tried = [(_cv_scores(groups, judged, fold_of, k, ranker, w), w) for w in weights]
    scores, weight = max(tried, key=lambda sw: (float(np.mean(sw[0])), -sw[1]))
    before, after = float(np.mean(untrained)), float(np.mean(scores))
    gain, noise = after - before, _standard_error(scores - untrained)
    adopted = gain >= MARGIN and gain >= NOISE * noise
    why = (
        f"adopted: {before:.3f} -> {after:.3f} NDCG@5 over {len(judged)} needs"
        if adopted
        else f"not adopted: {after:.3f} against the untrained {before:.3f} is not {MARGIN}"
        f" and {NOISE} standard errors ({noise:.3f}) above it"
    )
    return Fit(weight, before, after, len(judged), len(decisions), adopted, why)


def family(group: str) -> str:
    """Return the family a decision group belongs to: the part before "/" (or the group)."""
    return group.split("/", 1)[0]


def need_text(need: NeedRecord) -> str:
    """Return a need's text as a decision keeps it: title, description and goals."""
    return "\n".join((need.title, need.description, *need.goals))


def _groups(decisions: Iterable[Decision]) -> dict[str, list[Decision]]:
    groups: dict[str, list[Decision]] = {}
    for decision in decisions:
        groups.setdefault(decision.group, []).append(decision)
    return dict(sorted(groups.items()))


def _cv_scores(
    groups: Mapping[str, list[Decision]],
    judged: Sequence[str],
    fold_of: Mapping[str, int],
    k: int,
    ranker: Ranker,
    weight: float | None,
) -> np.ndarray:
    """Return each judged need's NDCG@5 when its fold is held out (in the order of `judged`)."""
    found = np.zeros(len(judged))
    for fold in range(k):
        training = tuple(d for g, ds in groups.items() if fold_of[g] != fold for d in ds)
        model = LearnedModel(training, weight) if weight is not None else None
        for n, group in enumerate(judged):
            if fold_of[group] != fold:
                continue
            decided = groups[group]
            need = NeedRecord(group, "", decided[0].text)
            grades = {d.offer_id: 1 for d in decided if d.fits}
            found[n] = ndcg_at(ranker(need, model)[:CV_TOP], grades, 5)
    return found


def _standard_error(differences: np.ndarray) -> float:
    """Return the standard error of the mean of per-need differences."""
    if differences.size < 2:
        return float("inf")
    return float(np.std(differences, ddof=1) / math.sqrt(differences.size))


def dcg(gains: Iterable[float]) -> float:
    """Return the discounted cumulative gain of gains in rank order."""
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], k: int) -> float:
    """Return NDCG@k with gain 2^grade - 1 (1.0 when nothing is relevant and nothing shown)."""
    ideal = dcg(sorted((2**g - 1 for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 1.0
    return dcg(2 ** grades.get(offer, 0) - 1 for offer in ranked[:k]) / ideal
