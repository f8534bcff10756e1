"""The JSON API for the catalogue: /api/offers, /api/units, /api/vocabulary (flask-smorest).

Callers send an API token (`Authorization: Bearer`, see bank/auth/bearer.py) or sign in with
the pages' session cookie and send the CSRF token in the X-CSRFToken header on changes.
401 without credentials, 403 for the wrong role or unit (or a read token's change),
404 for an unknown (or invisible) offer, 409 for a stale version, 422 for field errors.
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from bank import db
from bank.auth.current import signed_in, viewer
from bank.offers import services
from bank.offers.access import scoped_filters
from bank.offers.schemas import (
    OfferPageSchema,
    OfferQuerySchema,
    OfferSchema,
    UnitSchema,
    VocabularyTermSchema,
)
from bank.offers.search import OfferFilters, search_offers
from bank.offers.terms import add_term, list_terms, list_units
from bank.unit_of_work import transaction

blp = Blueprint("offers_api", __name__, url_prefix="/api", description="The offer catalogue")


@blp.route("/offers")
class Offers(MethodView):
    """The catalogue's offers."""

    @blp.arguments(OfferQuerySchema, location="query")
    @blp.response(200, OfferPageSchema)
    def get(self, args):
        """List offers matching words and filters, one page at a time.

        Anonymous callers see published offers only; editors may ask for a status (drafts of
        their own unit only).
        """
        keys = ("tag", "centre", "unit", "age", "step", "status")
        filters = scoped_filters(viewer(), OfferFilters(**{k: args[k] for k in keys}))
        return search_offers(
            db.session, args["q"], filters, args["page"], args["per_page"], viewer()
        )

    @blp.arguments(OfferSchema)
    @blp.response(201, OfferSchema)
    def post(self, values):
        """Create an offer (a draft unless status says otherwise) in the editor's unit."""
        with transaction():
            return services.create_offer(db.session, signed_in(), values)


@blp.route("/offers/<ref>")
class OfferById(MethodView):
    """One offer, by its id."""

    @blp.response(200, OfferSchema)
    def get(self, ref):
        """Get one offer (drafts and retired offers only for editors)."""
        return services.get_offer(db.session, ref, viewer())

    @blp.arguments(OfferSchema)
    @blp.response(200, OfferSchema)
    def patch(self, values, ref):
        """Change the fields given; send the `version` you read to be told of a conflict (409)."""
        user = signed_in()
        expected = values.pop("version_id", None)
        with transaction():
            return services.update_offer(db.session, user, ref, values, expected)


@blp.route("/offers/<ref>/publish")
class PublishOffer(MethodView):
    """Publishing an offer."""

    @blp.response(200, OfferSchema)
    def post(self, ref):
        """Publish an offer; 422 lists what publishing still requires."""
        with transaction():
            return services.publish_offer(db.session, signed_in(), ref)


@blp.route("/offers/<ref>/retire")
class RetireOffer(MethodView):
    """Retiring an offer."""

    @blp.response(200, OfferSchema)
    def post(self, ref):
        """Take an offer out of the catalogue; it keeps its history."""
        with transaction():
            return services.retire_offer(db.session, signed_in(), ref)


@blp.route("/units")
class Units(MethodView):
    """The units that deliver offers."""

    @blp.response(200, UnitSchema(many=True))
    def get(self):
        """List every unit with its centre."""
        return list_units(db.session)


@blp.route("/vocabulary")
class Vocabulary(MethodView):
    """The controlled vocabulary of tags."""

    @blp.response(200, VocabularyTermSchema(many=True))
    def get(self):
        """List every vocabulary term."""
        return list_terms(db.session)

    @blp.arguments(VocabularyTermSchema)
    @blp.response(201, VocabularyTermSchema)
    def post(self, values):
        """Add a vocabulary term (admins only)."""
        with transaction():
            return add_term(db.session, signed_in(), values)
