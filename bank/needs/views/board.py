"""The open needs: ranked for my unit, searchable, and the page of one need."""

from __future__ import annotations

from datetime import date, timedelta

from flask import flash, redirect, request, url_for

from bank import db
from bank.auth.current import me
from bank.decisions import services as decisions
from bank.decisions.models import NotFitReason
from bank.errors import Invalid, flash_invalid
from bank.main.htmx import render
from bank.needs import bids, lookup, needs, permissions, published, ranking
from bank.needs.models import DeclineReason
from bank.needs.views import bp
from bank.unit_of_work import audited_read, transaction


def _board(q: str = "", tag: str = ""):
    """Render the open needs (only the list for htmx): my unit's first, then the others."""
    user = me()
    can_bid = permissions.can_bid_for(user, user.unit_id)
    ranked = ranking.needs_for_unit(db.session, user) if can_bid and not (q or tag) else []
    hidden = decisions.hidden_needs(db.session, user) if can_bid and not (q or tag) else []
    return render(
        "needs/board.html",
        "needs/_board_results.html",
        ranked=ranked,
        needs=published.public_needs(db.session, user, q, tag),
        q=q,
        tag=tag,
        bid_on=bids.needs_bid_on(db.session, user.unit_id),
        can_bid=can_bid,
        hidden=hidden,
        reasons=list(NotFitReason),
    )


@bp.route("/behov")
def board():
    """Show the open needs: those that fit my unit first (with reasons), then all of them."""
    return _board(request.args.get("q", ""), request.args.get("tag", ""))


def _after_mark():
    """Show the list again: in place for htmx, else by a redirect to the board."""
    if request.headers.get("HX-Request"):
        with transaction():
            return _board()
    return redirect(url_for("needs.board") + "#behovsliste")


@bp.route("/behov/<int:need_id>/passer-ikke", methods=["POST"])
def need_not_fit(need_id: int):
    """Mark a need "Passer ikke" for my unit: it leaves the unit's list."""
    form = request.form
    try:
        with transaction():
            decisions.mark_need_not_fit(
                db.session, me(), need_id, form.get("offer"), form.get("reason")
            )
    except Invalid as exc:
        flash_invalid(exc, "error@skjult")
    else:
        flash("Behovet er skjult for jeres enhed. I kan fortryde under Skjult.", "info@skjult")
    return _after_mark()


@bp.route("/behov/skjult/<int:decision_id>/fortryd", methods=["POST"])
def undo_need_not_fit(decision_id: int):
    """Undo a "Passer ikke" on my unit's list: the need comes back."""
    with transaction():
        decisions.undo_need_not_fit(db.session, me(), decision_id)
    flash("Behovet er med på jeres liste igen.", "info@skjult")
    return _after_mark()


@bp.route("/behov/<int:need_id>")
@audited_read
def need(need_id: int):
    """Show a need: the whole need and its bids to the course's people, else the anonymised need."""
    user = me()
    found = lookup.need(db.session, need_id)
    if permissions.can_open_course(user, found.course):
        found = needs.open_need(db.session, user, need_id)
        on_need = bids.bids_on_need(db.session, user, found)
        return render(
            "needs/need_manage.html",
            need=found,
            course=found.course,
            bids=on_need,
            can_manage=permissions.can_manage_course(user, found.course),
            reasons=list(DeclineReason),
            large=request.args.get("stor") == "1",
        )
    return public_need_page(found.id)


def public_need_page(need_id: int, status: int = 200, form=None, errors=None):
    """Render the anonymised need with the unit's own bids and, if open, the bid form.

    It records a read; the caller keeps the audit entry (see bank.unit_of_work).
    """
    user = me()
    public = published.get_public_need(db.session, user, need_id)
    can_bid = (
        public.is_open
        and permissions.can_bid_for(user, user.unit_id)
        and not bids.has_live_bid(db.session, need_id, user.unit_id)
    )
    offers = ranking.unit_offers(db.session, user.unit_id) if can_bid and user.unit_id else []
    start = (date.today() + timedelta(days=14)).isoformat()
    return render(
        "needs/need_public.html",
        status=status,
        need=public,
        own_bids=bids.own_bids_on_need(db.session, user, need_id),
        can_bid=can_bid,
        offers=offers,
        errors=errors or {},
        form=form or {"earliest_start": start, "duration_weeks": "12"},
    )
