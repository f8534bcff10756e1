"""Needs ranked for a unit: which open needs fit what this unit's offers do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bank.matching.index import HIT_SHARE, CatalogueIndex
from bank.matching.records import NeedRecord, OfferRecord
from bank.matching.results import Match, NeedMatch

PER_NEED = 3  # the unit's offers considered for each need
ALSO_FITS = 0.1  # how much a second and third fitting offer add to a need's score
ALSO_SHOWN = 0.6  # another offer of the unit is named when it fits this well next to the best


def rank_needs_for_unit(
    needs: Sequence[NeedRecord],
    unit_offers: Sequence[OfferRecord],
    top: int = 20,
    index: CatalogueIndex | None = None,
) -> list[NeedMatch]:
    """Rank open needs by how well the unit's published offers fit them, best first.

    A need below half the best need's score is marked `hit=False` ("Måske også").
    Pass the whole catalogue's `index` when there is one: its word weights come from the
    full catalogue, which judges rare and common words better than a few offers can.
    """
    ids = {offer.id for offer in unit_offers}
    if index is None or not ids <= set(index.rows):
        index = CatalogueIndex.build(unit_offers)
    own = np.zeros(len(index), dtype=bool)
    own[[index.rows[offer_id] for offer_id in ids]] = True
    found: list[NeedMatch] = []
    for need in needs:
        matches = index.rank_within(need, own, top=PER_NEED)
        if matches:
            found.append(_need_match(need, matches, index))
    found.sort(key=lambda m: (-m.score, m.need_id))
    floor = HIT_SHARE * found[0].score if found else 0.0
    return [replace(m, hit=m.score >= floor) for m in found[:top]]


def _need_match(need: NeedRecord, matches: list[Match], index: CatalogueIndex) -> NeedMatch:
    best = matches[0]
    fitting = [m for m in matches if m.score >= ALSO_SHOWN * best.score]
    score = best.score + ALSO_FITS * sum(m.score for m in fitting[1:]) * (1 - best.score)
    why = {key: list(values) for key, values in best.why.items()}
    why["offers"] = [m.offer_id for m in fitting]
    titles = ", ".join(index.offer(m.offer_id).title for m in fitting)
    reasons = (f"Passer til jeres tilbud: {titles}", *best.reasons)
    return NeedMatch(need.id, round(min(score, 1.0), 4), why, reasons)
