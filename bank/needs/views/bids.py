"""Bidding on a need, the page of one bid, the coordinator's decision, the unit's bids."""

from __future__ import annotations

from flask import flash, redirect, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Conflict, Invalid
from bank.main.htmx import render
from bank.needs import bids, permissions
from bank.needs.anonymised import to_public
from bank.needs.models import DeclineReason
from bank.needs.views import bp, errors_of
from bank.needs.views.board import public_need_page
from bank.unit_of_work import audited_read, change, keep, transaction


@bp.route("/behov/<int:need_id>/bud", methods=["POST"])
def submit_bid(need_id: int):
    """Bid on the need for my unit with a solution model."""
    form = request.form
    try:
        with transaction():
            bid = bids.submit_bid(
                db.session,
                me(),
                need_id,
                form.get("title", ""),
                form.get("activities", ""),
                form.get("expected_outcomes", ""),
                form.get("who", ""),
                form.get("earliest_start", ""),
                form.get("duration_weeks", ""),
                community=form.get("community", ""),
                offer_ids=form.getlist("offer_ids"),
            )
    except Invalid as exc:
        values = {**form.to_dict(), "offer_ids": form.getlist("offer_ids")}
        return keep(public_need_page(need_id, 422, values, errors_of(exc)))
    except Conflict as exc:
        flash(exc.danish, "error")
        return redirect(url_for("needs.need", need_id=need_id))
    flash("Jeres bud er sendt til tovholderen.")
    return redirect(url_for("needs.bid", bid_id=bid.id))


@bp.route("/bud/<int:bid_id>")
@audited_read
def bid(bid_id: int):
    """Show a bid: the solution model, the need it is for, and the decision."""
    user = me()
    found = bids.get_bid(db.session, user, bid_id)
    course = found.need.course
    return render(
        "needs/bid.html",
        bid=found,
        need=to_public(found.need),
        course_id=course.id if permissions.can_open_course(user, course) else None,
        can_decide=permissions.can_manage_course(user, course),
        can_withdraw=permissions.can_bid_for(user, found.unit_id),
        reasons=list(DeclineReason),
    )


@bp.route("/bud/<int:bid_id>/beslutning", methods=["POST"])
def decide_bid(bid_id: int):
    """Accept or decline a bid, with a reason from the list when declining."""
    form = request.form
    try:
        with transaction():
            decided = bids.decide_bid(
                db.session,
                me(),
                bid_id,
                form.get("decision", ""),
                form.get("reason") or None,
                form.get("note", ""),
            )
    except (Invalid, Conflict) as exc:
        messages = (
            [m for ms in errors_of(exc).values() for m in ms]
            if isinstance(exc, Invalid)
            else [exc.danish]
        )
        for message in messages:
            flash(message, "error")
        return redirect(_back(bid_id))
    flash("Buddet er taget imod." if decided.state.value == "accepted" else "Buddet er afvist.")
    return redirect(_back(bid_id))


def _back(bid_id: int) -> str:
    """Return the local page the decision came from, or the bid's page."""
    target = request.form.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("needs.bid", bid_id=bid_id)


@bp.route("/bud/<int:bid_id>/traek-tilbage", methods=["POST"])
def withdraw_bid(bid_id: int):
    """Withdraw my unit's bid before the coordinator has decided."""
    return change(
        lambda: bids.withdraw_bid(db.session, me(), bid_id),
        then=url_for("needs.bid", bid_id=bid_id),
        done="Buddet er trukket tilbage.",
        flashed=(Conflict,),
    )


@bp.route("/bud")
def our_bids():
    """List my unit's bids with their state."""
    user = me()
    found = bids.unit_bids(db.session, user)
    return render("needs/our_bids.html", bids=[(b, to_public(b.need)) for b in found])
