"""The admin's pages for API tokens: create one (its secret shown once), list, revoke."""

from __future__ import annotations

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bank import db
from bank.auth.models import Role
from bank.auth.services import active_users, require_role
from bank.auth.tokens import MAX_DAYS, TokenScope, create_token, list_tokens, revoke_token
from bank.auth.views import bp
from bank.errors import Conflict, Invalid, NotFound
from bank.main import NavItem, add_nav
from bank.unit_of_work import transaction

DEFAULT_DAYS = 90


def _page(typed: dict, errors: dict, new=None, status: int = 200):
    return render_template(
        "admin/tokens.html",
        tokens=list_tokens(db.session, current_user),
        users=active_users(db.session),
        scopes=list(TokenScope),
        max_days=MAX_DAYS,
        typed=typed,
        errors=errors,
        new=new,
    ), status


@bp.route("/admin/api-noegler", methods=["GET", "POST"])
@login_required
def tokens():
    """List the API tokens and let an admin create one; the new secret is shown once."""
    require_role(current_user, Role.ADMIN)
    typed = {k: request.form.get(k, "") for k in ("user", "name", "scope", "days")}
    typed["days"] = typed["days"] or str(DEFAULT_DAYS)
    typed["scope"] = typed["scope"] or TokenScope.READ.value
    if request.method == "GET":
        return _page(typed, {})
    try:
        days = int(typed["days"])
    except ValueError:
        days = 0
    try:
        with transaction():
            new = create_token(
                db.session, current_user, typed["user"], typed["scope"], days, typed["name"]
            )
    except Invalid as exc:
        return _page(typed, exc.danish_errors(), status=422)
    flash(f"API-nøglen »{new.token.name}« er oprettet.", "info")
    return _page({"days": str(DEFAULT_DAYS), "scope": TokenScope.READ.value}, {}, new=new)


@bp.route("/admin/api-noegler/<int:token_id>/spaer", methods=["POST"])
@login_required
def revoke(token_id: int):
    """Revoke a token at once."""
    require_role(current_user, Role.ADMIN)
    try:
        with transaction():
            token = revoke_token(db.session, current_user, token_id)
    except (NotFound, Conflict) as exc:
        flash(exc.danish, "error")
    else:
        flash(f"API-nøglen »{token.name}« er spærret.", "info")
    return redirect(url_for("auth.tokens"))


def add_navigation(app: Flask) -> None:
    """Show admins the link to the token page."""
    add_nav(app, NavItem("auth.tokens", "API-nøgler", roles=(Role.ADMIN,), order=92))
