"""Needs ranked for a unit: which open needs fit what the unit's offers do."""

from __future__ import annotations

from bank.matching import CatalogueIndex, rank_needs_for_unit
from tests.unit.engine_support import CATALOGUE, need

NEEDS = [
    need(
        "n1", "Jeg har angst", "Jeg er bange for at gå i skole", tags=("psykisk-trivsel",), age=14
    ),
    need("n2", "Fritidsjob", "Jeg vil gerne have et job i fritiden", tags=("job",), age=16),
    need("n3", "Hash", "Han ryger hash hver dag", tags=("misbrug",), age=40),
]


def test_the_needs_that_fit_the_units_offers_come_first_with_reasons():
    unit = [o for o in CATALOGUE if o.id == "o1"]
    found = rank_needs_for_unit(NEEDS, unit)
    assert found[0].need_id == "n2"
    assert found[0].why["offers"] == ["o1"]
    assert found[0].reasons[0] == "Passer til jeres tilbud: Mentor til job i fritiden"
    assert 0 < found[0].score <= 1


def test_a_need_outside_every_offers_age_is_left_out():
    unit = [o for o in CATALOGUE if o.id == "o4"]
    assert "n3" not in [m.need_id for m in rank_needs_for_unit(NEEDS, unit)]


def test_the_whole_catalogues_index_can_be_reused():
    index = CatalogueIndex.build(CATALOGUE)
    unit = [o for o in CATALOGUE if o.id in ("o2", "o3")]
    found = rank_needs_for_unit(NEEDS, unit, top=1, index=index)
    assert [m.need_id for m in found] == ["n1"]
    assert set(found[0].why["offers"]) <= {"o2", "o3"}


def test_a_need_that_fits_far_less_than_the_best_is_marked_as_maybe():
    unit = [o for o in CATALOGUE if o.id in ("o1", "o3")]
    found = rank_needs_for_unit(NEEDS, unit)
    assert found[0].hit
    best = found[0].score
    assert all(m.hit == (m.score >= 0.5 * best) for m in found)
