"""The need search finds a need by its words and its tags (label or slug), however æøå are typed."""

from __future__ import annotations

import pytest

from bank.needs.published import public_needs
from bank.offers.terms import seed_vocabulary


@pytest.fixture
def tagged(world):
    """Three school needs (one saying so in words), one housing need, one money need."""
    seed_vocabulary(world.session)
    course = world.course()
    made = {
        "school-words": world.need(course, title="Hjælp i skolen", tags=("skole",)),
        "school-tag-1": world.need(
            course,
            title="Komme op om morgenen",
            description="Jeg sover over mig.",
            tags=("skole", "fravaer"),
        ),
        "school-tag-2": world.need(
            course, title="Lektier", description="Jeg når dem ikke.", tags=("skole",)
        ),
        "housing": world.need(
            course, title="Et sted at bo", description="Jeg sover hos venner.", tags=("bolig",)
        ),
        "money": world.need(
            course, title="Regninger", description="Jeg skylder penge.", tags=("okonomi",)
        ),
    }
    world.session.commit()
    return {key: need.id for key, need in made.items()}


def _found(world, q: str) -> set[int]:
    return {n.id for n in public_needs(world.session, world.member, q)}


def test_bolig_finds_the_need_tagged_bolig_though_its_text_never_says_so(world, tagged):
    assert _found(world, "bolig") == {tagged["housing"]}


def test_skole_finds_every_school_tagged_need(world, tagged):
    school = {tagged["school-words"], tagged["school-tag-1"], tagged["school-tag-2"]}
    assert _found(world, "skole") == school


@pytest.mark.parametrize("q", ["økonomi", "Økonomi", "oekonomi", "okonomi", "gæld", "gaeld"])
def test_a_tag_is_found_by_its_danish_label_or_slug_however_the_letters_are_typed(world, tagged, q):
    assert _found(world, q) == {tagged["money"]}


def test_every_word_of_the_search_must_match(world, tagged):
    assert _found(world, "skole fravær") == {tagged["school-tag-1"]}
    assert _found(world, "skole bolig") == set()
