"""Records from interchange dicts and JSON Lines files."""

from __future__ import annotations

import pytest

from bank.matching import BadCatalogueLine, BadRecord, NeedRecord, OfferRecord, load_offers
from bank.matching.records import PROGRAMME_FIELDS
from bank.offers.fields import PROGRAMME_THEORY
from tests.unit.engine_support import offer_dict, write_jsonl


def test_an_offer_takes_every_interchange_field_and_flattens_the_programme_theory():
    record = OfferRecord.from_dict(
        offer_dict(
            "o1",
            "Mentor",
            centre="Center",
            tags=["mentor"],
            age_min=15,
            age_max=25,
            step=2,
            capacity=0,
            status="draft",
            legal_basis=["SEL § 52"],
            contact="ignored",
            programme_theory={
                "problem": "Unge falder fra",
                "activities": ["Samtaler", "Besøg"],
                "community": "Skolen",
            },
        )
    )
    assert record.tags == ("mentor",) and record.legal_basis == ("SEL § 52",)
    assert (record.age_min, record.age_max, record.step, record.capacity) == (15, 25, 2, 0)
    assert record.status == "draft" and record.centre == "Center"
    assert record.programme_text.split("\n") == ["Unge falder fra", "Samtaler", "Besøg", "Skolen"]


def test_defaults_are_published_and_without_limits():
    record = OfferRecord.from_dict(offer_dict("o1", "Mentor"))
    assert record.status == "published" and record.holds_age(99) and record.holds_age(None)


def test_a_need_takes_goals_tags_and_age():
    record = NeedRecord.from_dict(
        {"id": "n1", "title": "t", "description": "d", "goals": ["Job"], "tags": [], "age": 16}
    )
    assert record.goals == ("Job",) and record.tags == () and record.age == 16


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": None}, "missing required field 'title'"),
        ({"age_min": "15"}, "'age_min' must be an integer"),
        ({"age_min": True}, "'age_min' must be an integer"),
        ({"tags": "mentor"}, "'tags' must be a list of strings"),
        ({"step": 7}, "'step' must be between 1 and 6"),
        ({"status": "gone"}, "'status' must be one of"),
        ({"age_min": 20, "age_max": 15}, "age_min is greater than age_max"),
        ({"programme_theory": "tekst"}, "'programme_theory' must be an object"),
        ({"id": ""}, "'id' must not be empty"),
    ],
)
def test_a_wrong_field_is_named(change, message):
    data = {**offer_dict("o1", "Mentor"), **change}
    data = {key: value for key, value in data.items() if value is not None}
    with pytest.raises(BadRecord, match=message):
        OfferRecord.from_dict(data)


def test_loading_names_the_file_and_line_of_the_first_bad_line(tmp_path):
    path = write_jsonl(
        tmp_path / "offers.jsonl",
        [offer_dict("o1", "A"), offer_dict("o2", "B"), offer_dict("o1", "C")],
    )
    with pytest.raises(BadCatalogueLine) as caught:
        load_offers(path)
    assert caught.value.line == 3 and caught.value.path == str(path)
    assert str(caught.value) == f"{path}, line 3: duplicate id 'o1' (first on line 1)"


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "offers.jsonl"
    path.write_bytes(b'{"id": "o1", "title": "A", "description": "B", "unit": "C"}\n\xff\xfe\n')
    with pytest.raises(BadCatalogueLine, match="line 2: the line is not UTF-8"):
        load_offers(path)


def test_the_catalogue_and_the_engine_name_the_same_programme_theory_parts():
    """The engine stands alone (interchange files), the app has its own list: they must agree."""
    assert PROGRAMME_FIELDS == PROGRAMME_THEORY
