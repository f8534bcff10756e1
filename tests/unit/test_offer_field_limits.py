"""Field limits come from one place (rules.TEXT_LIMITS / LIST_LIMITS) and hold in the editor
form, the API schema and the import schema alike."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError
from werkzeug.datastructures import MultiDict

from bank.offers.forms import parse_offer_form
from bank.offers.rules import LIST_LIMITS, TEXT_LIMITS, check_values
from bank.offers.schemas import OfferSchema, interchange_schema

TOO_LONG = {name: "x" * (limit + 1) for name, limit in TEXT_LIMITS.items()}


@pytest.mark.parametrize("name", ["title", "description", "problem", "community", "contact"])
def test_a_text_one_character_over_its_limit_is_refused_in_danish_and_english(name):
    errors = check_values({name: TOO_LONG[name]})
    english, danish = errors[name][0]
    assert f"at most {TEXT_LIMITS[name]} characters" in english
    assert danish == f"Højst {TEXT_LIMITS[name]} tegn."
    assert name not in check_values({name: "x" * TEXT_LIMITS[name]})


def test_an_offer_with_more_tags_than_the_cap_is_refused():
    most, _chars = LIST_LIMITS["tags"]
    errors = check_values({"tags": [f"emne-{i}" for i in range(most + 1)]})
    assert errors["tags"][0][1] == f"Højst {most} emner."
    assert "tags" not in check_values({"tags": [f"emne-{i}" for i in range(most)]})


def test_a_list_item_over_its_length_is_refused():
    _most, chars = LIST_LIMITS["activities"]
    errors = check_values({"activities": ["kort", "y" * (chars + 1)]})
    assert errors["activities"][0][1] == f"Højst {chars} tegn i hvert punkt."


@pytest.mark.parametrize("schema", [OfferSchema(), interchange_schema()])
def test_the_api_and_import_schemas_refuse_the_same_limits(schema):
    most, _chars = LIST_LIMITS["tags"]
    record = {
        "id": "x" * (TEXT_LIMITS["ref"] + 1),
        "description": TOO_LONG["description"],
        "tags": ["t"] * (most + 1),
        "programme_theory": {"problem": TOO_LONG["problem"]},
    }
    with pytest.raises(ValidationError) as refused:
        schema.load(record)
    messages = refused.value.normalized_messages()
    assert {"id", "description", "tags", "programme_theory"} <= set(messages)


def test_the_editor_form_refuses_a_description_over_the_limit_and_too_many_keywords():
    most, _chars = LIST_LIMITS["tags"]
    form = MultiDict(
        {
            "title": "Mentor",
            "description": TOO_LONG["description"],
            "keywords": ", ".join(f"ord{i}" for i in range(most + 1)),
        }
    )
    parsed = parse_offer_form(form)
    assert parsed.danish("description") == [f"Højst {TEXT_LIMITS['description']} tegn."]
    assert parsed.danish("tags") == [f"Højst {most} emner."]
