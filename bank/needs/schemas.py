"""Marshmallow schemas of the need bank's API: anonymised needs, bids, decisions."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from bank.needs import limits
from bank.needs.models import BidState, DeclineReason


class PublicNeedSchema(Schema):
    """A published need as units see it: no name, no exact age, no course."""

    id = fields.Integer(dump_only=True)
    title = fields.String()
    description = fields.String()
    goals = fields.List(fields.String(), metadata={"description": "The young person's goals"})
    tags = fields.List(fields.String(), metadata={"description": "Vocabulary slugs and keywords"})
    age_band = fields.String(metadata={"description": "13–15, 16–17, 18–24 or 25–30"})
    unit = fields.String(metadata={"description": "The coordinator's unit"})
    published_on = fields.Date(allow_none=True)
    state = fields.String()


class NeedQuerySchema(Schema):
    """Filters for the list of published needs."""

    q = fields.String(load_default="", metadata={"description": "Words in title or description"})
    tag = fields.String(load_default="", metadata={"description": "A vocabulary slug"})


class BidSchema(Schema):
    """A unit's bid on a need: the solution model, its state and the decision."""

    id = fields.Integer(dump_only=True)
    need_id = fields.Integer(dump_only=True)
    unit = fields.Function(lambda bid: bid.unit.name, dump_only=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=limits.BID_TITLE))
    activities = fields.String(required=True, metadata={"description": "What we will do"})
    expected_outcomes = fields.String(
        required=True, metadata={"description": "Why we expect it to help: the outcomes"}
    )
    community = fields.String(
        load_default="", metadata={"description": "The ordinary community it leads to"}
    )
    who = fields.String(required=True, metadata={"description": "Who would do it"})
    earliest_start = fields.Date(required=True)
    duration_weeks = fields.Integer(required=True, validate=validate.Range(*limits.BID_WEEKS))
    offers = fields.Method(
        "offer_refs",
        deserialize="load_refs",
        load_default=list,
        metadata={"description": "Ids of the catalogue's offers the bid builds on"},
    )
    state = fields.Function(lambda bid: bid.state.value, dump_only=True)
    decision_reason = fields.Function(
        lambda bid: bid.decision_reason.value if bid.decision_reason else None, dump_only=True
    )
    decision_note = fields.String(dump_only=True)
    decided_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    created_at = fields.AwareDateTime(dump_only=True)

    def offer_refs(self, bid) -> list[str]:
        """Dump the offers the bid builds on as their catalogue ids."""
        return [offer.ref for offer in bid.offers]

    def load_refs(self, value) -> list[str]:
        """Load the offers as a list of catalogue ids."""
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("Must be a list of offer ids.")
        return value


class DecisionSchema(Schema):
    """The coordinator's decision on a bid; declining needs a reason from the list."""

    decision = fields.String(
        required=True,
        validate=validate.OneOf([BidState.ACCEPTED.value, BidState.DECLINED.value]),
    )
    reason = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf([r.value for r in DeclineReason]),
    )
    note = fields.String(load_default="", validate=validate.Length(max=limits.DECISION_NOTE))
