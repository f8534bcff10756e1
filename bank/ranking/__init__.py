"""The one adapter between the database and the ranking engine (bank.matching).

Rows become engine records in `records`; the catalogue's index is kept per process in
`index` and shared between processes through the files of `index_files`. The rest of the app
reaches the engine only through this package: the engine's names it needs are re-exported
here from bank.matching's public API.
"""

from bank.matching import (
    DOUBLE_THRESHOLD,
    BadCatalogueLine,
    CatalogueIndex,
    DoublePair,
    Match,
    NeedRecord,
    OfferRecord,
    connected_groups,
    double_pairs_among,
    doubles_of,
    find_double_offers,
    rank_needs_for_unit,
    read_jsonl,
    stem,
    words,
)
from bank.ranking.index import get_index, index_state, save_current_index, warm_index
from bank.ranking.index_files import current_stamp, index_root
from bank.ranking.records import (
    DRAFT_ID,
    all_offer_records,
    bid_record,
    course_need_record,
    draft_record,
    goal_record,
    item_record,
    need_record,
    offer_card,
    offer_record,
    published_offer_records,
)

__all__ = [
    "DOUBLE_THRESHOLD",
    "DRAFT_ID",
    "BadCatalogueLine",
    "CatalogueIndex",
    "DoublePair",
    "Match",
    "NeedRecord",
    "OfferRecord",
    "all_offer_records",
    "bid_record",
    "connected_groups",
    "course_need_record",
    "current_stamp",
    "double_pairs_among",
    "doubles_of",
    "draft_record",
    "find_double_offers",
    "get_index",
    "goal_record",
    "index_root",
    "index_state",
    "item_record",
    "need_record",
    "offer_card",
    "offer_record",
    "published_offer_records",
    "rank_needs_for_unit",
    "read_jsonl",
    "save_current_index",
    "stem",
    "warm_index",
    "words",
]
