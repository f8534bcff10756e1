"""A need that says it does not want a placement is not read as asking for one."""

from __future__ import annotations

import pytest

from bank.matching import CatalogueIndex
from bank.matching.audience import step_wish, without_refused
from tests.unit.engine_support import need, offer


@pytest.mark.parametrize(
    "text",
    [
        "Vi elsker vores søn og vil ikke have ham anbragt, men vi har brug for pauser.",
        "En indsats, der kan forebygge, at en anbringelse bliver nødvendig.",
        "Vi er bange for, at det ender med en anbringelse.",
        "Vi vil gerne undgå at hun bliver anbragt.",
    ],
)
def test_a_placement_the_need_refuses_is_left_out_of_its_words(text):
    assert "anbr" not in without_refused(text).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Hun har været anbragt i plejefamilie fra hun var 12.",
        "Hun er ikke længere anbragt og flytter i egen bolig.",
        "Hun har ikke boet hjemme, siden hun blev anbragt.",
        "Forældrene har selv spurgt om en anbringelse.",
    ],
)
def test_a_placement_that_happened_or_is_asked_for_stays(text):
    assert without_refused(text) == text


def test_refusing_a_placement_is_no_call_for_more_help():
    assert step_wish(["Vi vil ikke have ham anbragt, men vi har brug for pauser."]) == 0
    assert step_wish(["Forældrene har selv spurgt om en anbringelse."]) == 1


def test_parents_who_do_not_want_their_son_placed_find_respite_before_a_foster_family():
    catalogue = [
        offer(
            "foster",
            "Anbringelse i plejefamilie",
            "Når et barn ikke kan bo hjemme, bliver det anbragt i en plejefamilie.",
            step=5,
        ),
        offer(
            "respite",
            "Aflastning i en aflastningsfamilie",
            "En weekend om måneden bor barnet hos en aflastningsfamilie, så familien får pauser"
            " og kan blive ved.",
            step=3,
        ),
        offer("club", "Klub for unge", "Et sted at være om eftermiddagen.", step=1),
    ]
    found = CatalogueIndex.build(catalogue).rank(
        need(
            "n1",
            "Vi kan ikke mere",
            "Vores søn på 14 har autisme og sover dårligt. Vi elsker ham og vil ikke have ham"
            " anbragt, men vi har brug for pauser, hvis vi skal kunne blive ved.",
        )
    )
    assert found[0].offer_id == "respite"
    assert "foster" not in [m.offer_id for m in found[:2]]
