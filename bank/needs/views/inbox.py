"""The inbox page and its front-page panel."""

from __future__ import annotations

from flask import url_for

from bank import db
from bank.auth.current import me
from bank.main.htmx import render
from bank.needs import inbox as inbox_service
from bank.needs.views import bp

PANEL_ITEMS = 5


def item_url(item: inbox_service.InboxItem) -> str:
    """Return the page an inbox item leads to."""
    if item.target == "bid":
        return url_for("needs.bid", bid_id=item.target_id)
    return url_for("needs.need", need_id=item.target_id)


@bp.route("/indbakke")
def inbox():
    """Show what waits for me: new bids, decisions on our bids, new needs that fit us."""
    items = inbox_service.inbox(db.session, me())
    return render("needs/inbox.html", items=[(i, item_url(i)) for i in items])


def inbox_panel(user) -> tuple[str, dict] | None:
    """Show the newest things in the user's inbox on the front page."""
    items = inbox_service.inbox(db.session, user)
    if not items:
        return None
    shown = [(i, item_url(i)) for i in items[:PANEL_ITEMS]]
    return "needs/_inbox_panel.html", {"items": shown, "total": len(items)}
