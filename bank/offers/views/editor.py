"""The editor's pages: the unit's offers, create, edit, publish, retire, validate as you type."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bank import db
from bank.errors import Conflict, Invalid
from bank.main.htmx import render
from bank.offers import access, doubles, services
from bank.offers.fields import STEP_LABELS
from bank.offers.forms import OfferForm, form_from_offer, parse_offer_form
from bank.offers.lix import WARN_ABOVE, readability
from bank.offers.models import Referral
from bank.offers.review import editor_offers
from bank.offers.revisions import history
from bank.offers.terms import list_terms
from bank.offers.views import bp
from bank.unit_of_work import change, transaction


def _editor_page(form: OfferForm, offer=None, status: int = 200, conflict=None):
    """Render the editor form with what was typed, its errors and any conflict."""
    access.require_editor(current_user)
    terms = list_terms(db.session)
    theirs = history(db.session, offer, conflict) if conflict is not None else []
    page = render_template(
        "offers/edit.html",
        form=form,
        offer=offer,
        terms=terms,
        units=access.units_for(db.session, current_user),
        steps=STEP_LABELS,
        referrals=list(Referral),
        readability=readability(str(form.raw.get("description", ""))),
        warn_above=WARN_ABOVE,
        theirs=theirs,
    )
    return page, status


@bp.route("/redaktion/tilbud")
@login_required
def editor_list():
    """Show the offers the editor maintains, flagging those not confirmed for 12 months."""
    rows = editor_offers(db.session, current_user)
    return render_template("offers/editor_list.html", rows=rows)


@bp.route("/redaktion/tilbud/nyt", methods=["GET", "POST"])
@login_required
def create():
    """Show the empty editor form, and save a new offer as a draft."""
    if request.method == "GET":
        return _editor_page(OfferForm())
    form = parse_offer_form(request.form)
    if form.errors:
        return _editor_page(form, status=422)
    try:
        with transaction():
            offer = services.create_offer(db.session, current_user, form.values)
    except Invalid as exc:
        form.errors.update(exc.errors)
        return _editor_page(form, status=422)
    flash("Tilbuddet er gemt som kladde.", "info")
    return redirect(url_for("offers.offer_page", ref=offer.ref))


@bp.route("/redaktion/tilbud/<ref>/rediger", methods=["GET", "POST"])
@login_required
def edit(ref: str):
    """Show an offer in the editor form, and save the changes (refusing a stale version)."""
    offer = services.get_offer(db.session, ref, current_user)
    if request.method == "GET":
        access.require_edit(current_user, offer)
        vocabulary = {t.slug for t in list_terms(db.session)}
        return _editor_page(form_from_offer(offer, vocabulary), offer)
    form = parse_offer_form(request.form)
    if form.errors:
        return _editor_page(form, offer, 422)
    try:
        with transaction():
            services.update_offer(db.session, current_user, ref, form.values, form.version)
    except Invalid as exc:
        form.errors.update(exc.errors)
        return _editor_page(form, offer, 422)
    except Conflict as exc:
        offer = services.get_offer(db.session, ref, current_user)
        seen, form.version = form.version or 0, offer.version_id
        flash(
            f"{exc.danish} Dine ændringer er ikke gemt endnu, men de står stadig "
            "herunder. Se hvad der er ændret, og gem igen.",
            "error",
        )
        return _editor_page(form, offer, 409, conflict=seen)
    flash("Ændringerne er gemt.", "info")
    return redirect(url_for("offers.offer_page", ref=ref))


def _on_offer(ref: str, work, done: str):
    """Run an action on the offer's page as one change; refusals are flashed on that page."""
    page = url_for("offers.offer_page", ref=ref)

    def every_problem(exc: Invalid):
        for message in (m for group in exc.danish_errors().values() for m in group):
            flash(message, "error")
        return redirect(page)

    return change(
        work, then=page, done=done, invalid=every_problem, flashed=(Conflict,), kind="info"
    )


@bp.route("/redaktion/tilbud/<ref>/offentliggoer", methods=["POST"])
@login_required
def publish(ref: str):
    """Publish the offer, or say what it still lacks."""
    version = request.form.get("version", "")
    expected = int(version) if version.isdigit() else None
    return _on_offer(
        ref,
        lambda: services.publish_offer(db.session, current_user, ref, expected),
        "Tilbuddet er offentliggjort. Alle kan nu finde det i kataloget.",
    )


@bp.route("/redaktion/tilbud/<ref>/tag-ud", methods=["POST"])
@login_required
def retire(ref: str):
    """Take the offer out of the catalogue, with the reason asked for (it keeps its history)."""
    reason = request.form.get("grund", "")
    return _on_offer(
        ref,
        lambda: services.retire_offer(db.session, current_user, ref, reason),
        "Tilbuddet er taget ud af kataloget. Det og dets historik er gemt.",
    )


@bp.route("/redaktion/tilbud/<ref>/bekraeft", methods=["POST"])
@login_required
def confirm(ref: str):
    """Record that the offer is still true."""
    return _on_offer(
        ref,
        lambda: services.confirm_review(db.session, current_user, ref),
        "Tak. Tilbuddet er markeret som gennemgået i dag.",
    )


@bp.route("/redaktion/tilbud/ligner", methods=["POST"])
@login_required
def likely_doubles():
    """Warn the editor, as they write, about offers the draft would likely double."""
    access.require_editor(current_user)
    form = parse_offer_form(request.form)
    found = doubles.likely_doubles(
        db.session, form.values, current_user, request.form.get("ref") or None
    )
    return render("offers/_doubles.html", doubles=found, draft=True)


@bp.route("/redaktion/tilbud/tjek/<name>", methods=["POST"])
@login_required
def check_field(name: str):
    """Validate one field (or group) of the editor form as it is typed; return its messages."""
    form = parse_offer_form(request.form)
    context: dict[str, Any] = {"name": name, "messages": form.danish(name)}
    if name == "description":
        context["readability"] = readability(str(form.raw.get("description", "")))
        context["warn_above"] = WARN_ABOVE
    return render("offers/_field_check.html", **context)
