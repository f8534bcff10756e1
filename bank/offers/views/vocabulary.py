"""The admin's page for the vocabulary: see every tag and add new ones."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from bank import db
from bank.auth.models import Role
from bank.auth.services import require_role
from bank.errors import Conflict, Invalid
from bank.offers.terms import KIND_LABELS, add_term, list_terms
from bank.offers.views import bp
from bank.unit_of_work import transaction


@bp.route("/admin/emner", methods=["GET", "POST"])
@login_required
def vocabulary():
    """List the vocabulary and let an admin add a term."""
    require_role(current_user, Role.ADMIN)
    errors: dict[str, list[str]] = {}
    typed = {k: request.form.get(k, "") for k in ("slug", "label", "kind", "icf")}
    if request.method == "POST":
        try:
            with transaction():
                term = add_term(db.session, current_user, typed)
        except Invalid as exc:
            errors = exc.danish_errors()
        except Conflict as exc:
            errors = {"slug": [exc.danish]}
        else:
            flash(f"Emnet »{term.label}« er tilføjet.", "info")
            return redirect(url_for("offers.vocabulary"))
    status = 422 if errors else 200
    return render_template(
        "offers/vocabulary.html",
        terms=list_terms(db.session),
        kinds=KIND_LABELS,
        typed=typed,
        errors=errors,
    ), status
