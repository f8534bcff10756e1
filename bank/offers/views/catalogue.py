"""The catalogue anyone may read: search with live results, and the offer page."""

from __future__ import annotations

from flask import render_template, request

from bank import db
from bank.auth.current import viewer as signed_in_viewer
from bank.inputs import query_int
from bank.main.htmx import render
from bank.offers.access import can_edit, is_editor, scoped_filters
from bank.offers.doubles import similar_offers
from bank.offers.fields import STEP_LABELS
from bank.offers.lix import readability
from bank.offers.models import OfferStatus
from bank.offers.review import needs_review
from bank.offers.revisions import history, snapshot
from bank.offers.rules import publish_problems
from bank.offers.search import OfferFilters, search_offers
from bank.offers.services import get_offer
from bank.offers.terms import centre_names, list_terms, list_units
from bank.offers.views import bp


@bp.route("/tilbud")
def catalogue():
    """Show the catalogue: a search box with live results and filters."""
    status = request.args.get("status", "")
    filters = OfferFilters(
        tag=request.args.get("tag") or None,
        centre=request.args.get("centre") or None,
        unit=request.args.get("unit") or None,
        age=query_int("age"),
        step=query_int("step"),
        status=OfferStatus(status) if status in set(OfferStatus) else None,
    )
    text = request.args.get("q", "")
    viewer = signed_in_viewer()
    filters = scoped_filters(viewer, filters)
    results = search_offers(
        db.session, text, filters, query_int("side") or 1, viewer=viewer, cards=True
    )
    if request.headers.get("HX-Request"):  # live search: the results alone
        return render("offers/_results.html", results=results)
    return render(
        "offers/catalogue.html",
        results=results,
        text=text,
        filters=filters,
        terms=list_terms(db.session),
        units=list_units(db.session),
        centres=centre_names(db.session),
        steps=STEP_LABELS,
        editor=is_editor(signed_in_viewer()),
        statuses=list(OfferStatus),
    )


@bp.route("/tilbud/<ref>")
def offer_page(ref: str):
    """Show one offer: description, programme theory as a chain, capacity, contact, history."""
    viewer = signed_in_viewer()
    offer = get_offer(db.session, ref, viewer)
    editable = can_edit(viewer, offer)
    missing = publish_problems(snapshot(offer)) if editable else {}
    similar = similar_offers(db.session, offer, viewer)
    return render_template(
        "offers/offer.html",
        offer=offer,
        steps=STEP_LABELS,
        changes=history(db.session, offer),
        editable=editable,
        missing=[da for msgs in missing.values() for _en, da in msgs],
        stale=needs_review(offer),
        readability=readability(offer.description),
        similar=similar,
    )
