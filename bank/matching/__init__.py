"""The ranking engine: pure Python in, ranked results with reasons out (no Flask, no SQL)."""

from bank.matching.index import CatalogueIndex
from bank.matching.overlaps import OverlapPair, OverlapReport, find_double_offers
from bank.matching.records import (
    BadCatalogueLine,
    BadRecord,
    NeedRecord,
    OfferRecord,
    load_needs,
    load_offers,
)
from bank.matching.results import Match, NeedMatch
from bank.matching.units import rank_needs_for_unit

__all__ = [
    "BadCatalogueLine",
    "BadRecord",
    "CatalogueIndex",
    "Match",
    "NeedMatch",
    "NeedRecord",
    "OfferRecord",
    "OverlapPair",
    "OverlapReport",
    "find_double_offers",
    "load_needs",
    "load_offers",
    "rank_needs_for_unit",
]
