"""The editor form and the offer rules, without a database: Danish messages per field."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from bank.offers.forms import parse_offer_form
from bank.offers.models import Referral
from bank.offers.rules import check_values, publish_problems


def test_the_form_turns_lines_tags_and_numbers_into_values():
    form = parse_offer_form(
        MultiDict(
            [
                ("title", "  Lektiecafé "),
                ("activities", "Lektiehjælp\n\n- Samtale\n"),
                ("tags", "skole"),
                ("tags", "gruppe"),
                ("keywords", "lektier, skole"),
                ("age_min", "13"),
                ("age_max", ""),
                ("referral", "direct"),
            ]
        )
    )
    assert form.errors == {}
    assert form.values["title"] == "Lektiecafé"
    assert form.values["activities"] == ["Lektiehjælp", "Samtale"]
    assert form.values["tags"] == ["skole", "gruppe", "lektier"]
    assert (form.values["age_min"], form.values["age_max"]) == (13, None)
    assert form.values["referral"] is Referral.DIRECT


def test_a_number_field_with_letters_gets_a_danish_message_and_keeps_what_was_typed():
    form = parse_offer_form(MultiDict({"title": "x", "capacity": "tolv"}))
    assert form.danish("capacity") == ["Skriv et helt tal."]
    assert form.raw["capacity"] == "tolv"


def test_age_errors_are_shown_together_for_the_age_group():
    form = parse_offer_form(MultiDict({"title": "x", "age_min": "20", "age_max": "15"}))
    assert form.danish("age") == ["Alder til må ikke være lavere end alder fra."]


def test_an_empty_title_is_refused_even_for_a_draft():
    assert check_values({"title": "  "})["title"][0][1] == "Skriv en titel."


def test_a_step_outside_the_ladder_is_refused():
    assert "step" in check_values({"step": 7})


def test_publishing_lists_every_missing_requirement():
    missing = publish_problems({"title": "Lektiecafé"})
    assert set(missing) == {
        "description",
        "unit",
        "age_min",
        "age_max",
        "tags",
        "problem",
        "activities",
        "outcomes_short",
        "community",
    }


def test_a_long_term_outcome_alone_satisfies_the_outcome_requirement():
    assert "outcomes_short" not in publish_problems({"outcomes_long": ["Job"]})
