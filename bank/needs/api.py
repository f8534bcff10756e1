"""The need bank's JSON API: published needs (anonymised), their bids, decisions on bids.

Callers send an API token (`Authorization: Bearer`; token reads are audited, see
bank/auth/bearer.py) or sign in with the pages' session cookie and send the CSRF token in the
X-CSRFToken header on changes. The rules are the pages' rules, in the same services:
401 without credentials, 403 for the wrong role, 404 for an unknown or invisible need or bid,
409 for a bid already decided, 422 for field errors.
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from bank import db
from bank.auth.current import signed_in
from bank.needs import bids, published
from bank.needs.schemas import BidSchema, DecisionSchema, NeedQuerySchema, PublicNeedSchema
from bank.unit_of_work import audited_read, transaction

blp = Blueprint("needs_api", __name__, url_prefix="/api", description="The need bank")


@blp.route("/needs")
class Needs(MethodView):
    """Published needs, anonymised."""

    @blp.arguments(NeedQuerySchema, location="query")
    @blp.response(200, PublicNeedSchema(many=True))
    def get(self, args):
        """List the published needs you may see, newest first (no names, age as a band)."""
        return published.public_needs(db.session, signed_in(), args["q"], args["tag"])


@blp.route("/needs/<int:need_id>")
class NeedById(MethodView):
    """One published need, anonymised."""

    @blp.response(200, PublicNeedSchema)
    @audited_read
    def get(self, need_id):
        """Get one published need."""
        return published.get_public_need(db.session, signed_in(), need_id)


@blp.route("/needs/<int:need_id>/bids")
class NeedBids(MethodView):
    """The bids on a need."""

    @blp.response(200, BidSchema(many=True))
    @audited_read
    def get(self, need_id):
        """List the bids you may read: all for the course's people, your unit's for a unit."""
        return bids.readable_bids(db.session, signed_in(), need_id)

    @blp.arguments(BidSchema)
    @blp.response(201, BidSchema)
    def post(self, values, need_id):
        """Bid on the need for your unit with a solution model."""
        offers = values.pop("offers", [])
        with transaction():
            return bids.submit_bid(db.session, signed_in(), need_id, offer_refs=offers, **values)


@blp.route("/bids/<int:bid_id>")
class BidById(MethodView):
    """One bid."""

    @blp.response(200, BidSchema)
    @audited_read
    def get(self, bid_id):
        """Get a bid of your unit, or a bid on your course's need."""
        return bids.get_bid(db.session, signed_in(), bid_id)


@blp.route("/bids/<int:bid_id>/decision")
class BidDecision(MethodView):
    """The coordinator's decision on a bid."""

    @blp.arguments(DecisionSchema)
    @blp.response(200, BidSchema)
    def post(self, values, bid_id):
        """Accept or decline a waiting bid (decline with a reason); 409 if already decided."""
        with transaction():
            return bids.decide_bid(
                db.session,
                signed_in(),
                bid_id,
                values["decision"],
                values["reason"],
                values["note"],
            )


@blp.route("/bids/<int:bid_id>/withdrawal")
class BidWithdrawal(MethodView):
    """The unit withdrawing its bid."""

    @blp.response(200, BidSchema)
    def post(self, bid_id):
        """Withdraw your unit's bid before a decision; 409 if already decided."""
        with transaction():
            return bids.withdraw_bid(db.session, signed_in(), bid_id)
