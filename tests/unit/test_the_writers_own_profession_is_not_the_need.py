"""A need written by a teacher or a counsellor is about the young person, not the writer's job."""

from __future__ import annotations

import pytest

from bank.matching import CatalogueIndex
from bank.matching.audience import without_reporter
from tests.unit.engine_support import need, offer


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Jeg er studievejleder på et gymnasium. En elev sover hos veninder.", "studievejleder"),
        ("Jeg skriver som klasselærer for en dreng på 14.", "klasselærer"),
        ("Hej. Jeg arbejder som pædagog i en klub.", "pædagog"),
        ("Vi er lærere på en skole med modtagehold.", "lærere"),
        ("Hun er glad. Som UU-vejleder har jeg mødt ham tre gange.", "vejleder"),
    ],
)
def test_the_profession_a_writer_presents_themself_with_is_left_out(text, left_out):
    kept = without_reporter(text)
    assert left_out not in kept
    assert "jeg" in kept.lower() or "vi" in kept.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Jeg er ordblind og vil gerne være mekaniker.",
        "Jeg er 17 og er lige startet i lære som tømrer.",
        "Jeg er mor til en dreng på et år og bor alene.",
        "Jeg er bange for at dumpe til eksamen.",
        "Min mentor siger, at jeg skal søge en læreplads.",
        "Jeg er blevet smidt ud af min lærer.",
    ],
)
def test_what_the_young_person_says_about_themself_stays(text):
    assert without_reporter(text) == text


def test_a_counsellors_need_about_a_pupil_thrown_out_finds_help_at_home_before_guidance():
    catalogue = [
        offer(
            "guidance",
            "Studievejledning – vælg din uddannelse",
            "En studievejleder hjælper dig med at vælge den rigtige uddannelse.",
        ),
        offer(
            "family",
            "Familierådslagning, når en ung ikke kan bo hjemme",
            "Familien og netværket lægger en plan sammen, når en ung ikke kan bo hjemme"
            " efter en konflikt.",
        ),
        offer("leisure", "Fritidsklub", "Et sted at være om eftermiddagen med andre unge."),
        offer("jobs", "Jobklub", "Hjælp til at finde et fritidsjob."),
    ]
    found = CatalogueIndex.build(catalogue).rank(
        need(
            "n1",
            "Elev på gymnasiet bor ikke hjemme",
            "Jeg er studievejleder på et gymnasium. En elev på 16 er smidt ud efter en konflikt"
            " med sin stedfar og sover hos veninder. Hun er træt i timerne.",
        )
    )
    assert [m.offer_id for m in found[:2]] == ["family", "guidance"]
