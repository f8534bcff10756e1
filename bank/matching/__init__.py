"""The ranking engine: plain records in, ranked results with reasons out (no Flask, no SQL).

Build once per catalogue version, query many times::

    from bank.matching import CatalogueIndex, NeedRecord, OfferRecord, find_double_offers

    index = CatalogueIndex.build(offers)                  # every status; filters apply later
    index.rank(need, top=10, step_max=None, centre=None, tags=())   # -> list[Match]
    index.search("mentorodning", age=16, top=20, tags=(), centre=None, unit=None,
                 step_max=None)                          # the search box, typos welcome
    index.similar(offer_id, top=5)                       # possible double offers of an offer
    index.similar_to_draft(draft_offer, top=5)           # warn an editor before saving
    rank_needs_for_unit(needs, unit_offers, top=20, index=index)   # -> list[NeedMatch]
    find_double_offers(offers, threshold=None)           # -> DoubleReport
    double_pairs_among(index, records)                   # doubles among a plan's few items
    save_index(index, path, name); load_index(path)      # share a built index between processes

Hard filters: only `published` offers are ranked or searched, and only those whose age range
holds the citizen's age; `tags` given to rank/search must all be carried by the offer.
Scores are in [0, 1]; equal scores sort by step (lower first, none last), then id.
A `Match` has `offer_id`, `score`, `why` (the interchange dict: `tags`, `terms`, and `icf`,
`concepts`, `age`, `step`, `fuzzy` when they played a part), `reasons` (short Danish
sentences such as "Fælles emner: mentor, job", "Alderen passer (15–25 år)", "Trin 2 på
indsatstrappen", "Ingen ledige pladser lige nu"), `full` (capacity 0: shown, but marked)
and, from `similar`/`similar_to_draft` only, `likeness` ("double", "partial" or "").
`DoubleReport` has `pairs` (double offers, best first, a < b), `groups` (connected
components, sorted, largest first) and `partial` (overlapping but not double, each offer's
closest few). Retired offers take no part in double offers; drafts do.
Bad interchange files raise `BadCatalogueLine` (path, line, reason); a bad dict given to
`OfferRecord.from_dict` / `NeedRecord.from_dict` raises `BadRecord`. `read_jsonl` reads
interchange JSON Lines from a path or a stream; `stem` and `words` are the engine's view of
Danish words (to mark shared terms as the engine matched them).
"""

from bank.matching.among import double_pairs_among, doubles_of
from bank.matching.doubles import DoublePair, DoubleReport, connected_groups, find_double_offers
from bank.matching.index import CatalogueIndex
from bank.matching.pairs import DOUBLE_THRESHOLD
from bank.matching.records import (
    BadCatalogueLine,
    BadRecord,
    NeedRecord,
    OfferRecord,
    load_needs,
    load_offers,
    read_jsonl,
)
from bank.matching.results import Match, NeedMatch
from bank.matching.store import engine_fingerprint, load_index, read_meta, save_index
from bank.matching.text import stem, words
from bank.matching.units import rank_needs_for_unit

__all__ = [
    "DOUBLE_THRESHOLD",
    "BadCatalogueLine",
    "BadRecord",
    "CatalogueIndex",
    "DoublePair",
    "DoubleReport",
    "Match",
    "NeedMatch",
    "NeedRecord",
    "OfferRecord",
    "connected_groups",
    "double_pairs_among",
    "doubles_of",
    "engine_fingerprint",
    "find_double_offers",
    "load_index",
    "load_needs",
    "load_offers",
    "rank_needs_for_unit",
    "read_jsonl",
    "read_meta",
    "save_index",
    "stem",
    "words",
]
