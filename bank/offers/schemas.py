"""Marshmallow schemas: one per resource, serving the JSON API, import/export and OpenAPI.

An offer loads into a flat mapping of model field names (the programme theory is flattened,
`id` becomes `ref`, `unit` and `centre` are names); only the keys given are present, so the same
load serves a PATCH. Which keys are required (interchange.md) is checked by the import, and
what publishing requires by the services, in English and Danish.
"""

from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, post_load, validate

from bank.offers.models import OfferStatus, Referral
from bank.offers.rules import INT_RANGES, LIST_LIMITS, TEXT_LIMITS
from bank.offers.terms import ICF_MAX, LABEL_MAX, SLUG


def _text(name: str, **kwargs) -> fields.String:
    """A text field limited to the length rules.TEXT_LIMITS gives it."""
    return fields.String(validate=validate.Length(max=TEXT_LIMITS[name]), **kwargs)


def _range(name: str) -> validate.Range:
    """The range rules.INT_RANGES gives a whole-number field."""
    low, high, _danish = INT_RANGES[name]
    return validate.Range(min=low, max=high)


def _lines(description: str, name: str, min_item: int = 0) -> fields.List:
    """A list field limited to the items and item length rules.LIST_LIMITS gives it."""
    most, chars = LIST_LIMITS[name]
    return fields.List(
        fields.String(validate=validate.Length(min=min_item, max=chars)),
        validate=validate.Length(max=most),
        metadata={"description": description},
    )


class ProgrammeTheorySchema(Schema):
    """The programme theory (forandringsteori): why the offer should work."""

    problem = _text("problem", metadata={"description": "The problem the offer addresses"})
    target_group = _text("target_group", metadata={"description": "Who the offer is for"})
    activities = _lines("What the unit does", "activities")
    outputs = _lines("What the activities deliver (counted)", "outputs")
    outcomes_short = _lines("Changes for the young person in the short run", "outcomes_short")
    outcomes_long = _lines("Changes for the young person in the long run", "outcomes_long")
    community = _text(
        "community",
        metadata={"description": "The ordinary community it leads towards (school, work, club)"},
    )
    assumptions = _lines("What must hold for the chain to work", "assumptions")


class OfferSchema(Schema):
    """An offer (tilbud): interchange.md's offers.jsonl line, plus contact and referral."""

    id = fields.String(
        attribute="ref",
        validate=validate.Length(min=1, max=TEXT_LIMITS["ref"]),
        metadata={"description": "Stable identifier (required in import files)"},
    )
    title = _text("title")
    description = _text(
        "description", metadata={"description": "Plain-language description (Danish)"}
    )
    unit = _text("unit", attribute="unit_name", metadata={"description": "The delivering unit"})
    centre = _text("centre", attribute="centre_name", metadata={"description": "The unit's centre"})
    tags = _lines("Vocabulary slugs; unknown words are kept as free keywords", "tags", min_item=1)
    age_min = fields.Integer(strict=True, allow_none=True, validate=_range("age_min"))
    age_max = fields.Integer(strict=True, allow_none=True, validate=_range("age_max"))
    step = fields.Integer(
        strict=True,
        allow_none=True,
        validate=_range("step"),
        metadata={"description": "Step on the intervention ladder, 1 (open) to 6 (placement)"},
    )
    legal_basis = _lines("The laws the offer is given under", "legal_basis")
    programme_theory = fields.Nested(ProgrammeTheorySchema)
    capacity = fields.Integer(
        strict=True,
        allow_none=True,
        validate=_range("capacity"),
        metadata={"description": "Places available now; 0 = full"},
    )
    status = fields.Enum(OfferStatus, by_value=True)
    contact = _text("contact", metadata={"description": "Contact person"})
    referral = fields.Enum(
        Referral,
        by_value=True,
        allow_none=True,
        metadata={"description": "visitation (case decision) or direct (walk in)"},
    )
    reviewed_at = fields.AwareDateTime(
        allow_none=True, metadata={"description": "When an editor last confirmed it is true"}
    )
    version = fields.Integer(
        attribute="version_id",
        metadata={"description": "The version you read; a stale version on update gives 409"},
    )
    lix = fields.Integer(dump_only=True, metadata={"description": "LIX of the description"})
    updated_at = fields.AwareDateTime(dump_only=True)

    @post_load
    def _flatten(self, data: dict, **_kwargs) -> dict:
        data.update(data.pop("programme_theory", {}))
        for attribute, name in (("unit_name", "unit"), ("centre_name", "centre")):
            if attribute in data:
                data[name] = data.pop(attribute)
        return data


# What an interchange file holds: the schema without the API's bookkeeping fields.
API_ONLY = ("version", "lix", "updated_at")


def interchange_schema() -> OfferSchema:
    """Return the offer schema for offers.jsonl lines (unknown keys are left out)."""
    return OfferSchema(exclude=API_ONLY, unknown=EXCLUDE)


class OfferQuerySchema(Schema):
    """Filters for the offer list, the same as the catalogue page's."""

    q = fields.String(
        load_default="",
        validate=validate.Length(max=TEXT_LIMITS["title"] * 5),
        metadata={"description": "Words to search for"},
    )
    tag = fields.String(load_default=None, metadata={"description": "A vocabulary slug"})
    centre = fields.String(load_default=None, metadata={"description": "Centre name"})
    unit = fields.String(load_default=None, metadata={"description": "Unit name"})
    age = fields.Integer(
        load_default=None,
        validate=_range("age_min"),
        metadata={"description": "The young person's age; offers whose range holds it"},
    )
    step = fields.Integer(
        load_default=None,
        validate=_range("step"),
        metadata={"description": "Step on the intervention ladder"},
    )
    status = fields.Enum(
        OfferStatus,
        by_value=True,
        load_default=None,
        metadata={"description": "Editors and admins only; default published"},
    )
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class OfferPageSchema(Schema):
    """One page of offers."""

    items = fields.List(fields.Nested(OfferSchema))
    total = fields.Integer()
    page = fields.Integer()
    pages = fields.Integer()
    per_page = fields.Integer()


class UnitSchema(Schema):
    """A unit (enhed) and its welfare centre: units.jsonl's line."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=TEXT_LIMITS["unit"]))
    centre = _text("centre", attribute="centre_name")
    contact = _text("contact")


class VocabularyTermSchema(Schema):
    """A tag of the controlled vocabulary."""

    slug = fields.String(required=True, validate=validate.Regexp(SLUG))
    label = fields.String(required=True, validate=validate.Length(min=1, max=LABEL_MAX))
    kind = fields.String(load_default="area", validate=validate.OneOf(["area", "form"]))
    icf = fields.String(load_default="", validate=validate.Length(max=ICF_MAX))
