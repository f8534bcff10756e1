"""The tags an index keeps per offer are those the reasons would read from the offer itself.

Explaining a match takes an offer's distinct comparable tags from the index (TagSpace,
worked out once at build) instead of reading them from the record again: they must be the
same, for a built index and for one saved and mapped back, and the shared tags with them.
"""

from __future__ import annotations

from bank.matching import CatalogueIndex
from bank.matching.store import load_index, save_index
from bank.matching.tags import shared_tags, tag_set
from tests.unit.engine_support import CATALOGUE, offer

ODD = [
    offer("t1", "Mentor", tags=("Mentor", "mentor", "psykisk trivsel", "Fravær", "fritids_job")),
    offer("t2", "Klub", tags=()),
    offer("t3", "Job", tags=(" job ", "JOB", "praktik", "eget-ord")),
]


def test_every_offers_tags_from_the_index_are_its_own(tmp_path):
    index = CatalogueIndex.build([*CATALOGUE, *ODD], workers=1)
    save_index(index, tmp_path / "v1", "v1")
    for built in (index, load_index(tmp_path / "v1")):
        for row in range(len(built)):
            record = built._record(row)
            own = built.m.tags.tags[row]
            assert own == tag_set(record.tags)
            for need_tags in (("mentor", "fravaer"), ("Psykisk-trivsel", "job"), ()):
                assert shared_tags(need_tags, record.tags, own) == shared_tags(
                    need_tags, record.tags
                )
