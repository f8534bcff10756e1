"""Sign in and sign out; sign-in attempts are throttled, sign-out ends the session for good."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlsplit

from flask import Flask, flash, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from flask_login import current_user, login_required

from bank import db
from bank.auth import throttle
from bank.auth.current import me
from bank.auth.forms import LoginForm
from bank.auth.models import User
from bank.auth.services import authenticate, get_user
from bank.auth.sessions import forget_session, session_is_current, sign_out, start_session
from bank.auth.throttle import mark_failed_sign_in
from bank.auth.views import bp
from bank.extensions import login_manager
from bank.inputs import MAX_INT
from bank.unit_of_work import transaction

THROTTLED = "For mange forsøg på at logge ind. Vent et minut, og prøv så igen."


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the signed-in user of a cookie session, if that session is still current."""
    if not str(user_id).isdigit() or int(user_id) > MAX_INT:
        return None
    user = get_user(db.session, int(user_id))
    if user is None or not session_is_current(user):
        forget_session()
        return None
    return user


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/") and "\\" not in target:
        return target
    return url_for("main.home")


@bp.route("/log-ind", methods=["GET", "POST"])
def login():
    """Show the sign-in form and sign the user in (throttled: see bank.auth.throttle)."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(db.session, form.email.data, form.password.data)
        if user is None:
            mark_failed_sign_in()
            flash("Forkert e-mail eller adgangskode.", "error")
        else:
            target = _safe_next(request.args.get("next"))
            start_session(user)
            return redirect(target)
    elif request.method == "POST":
        mark_failed_sign_in()
    return render_template("auth/login.html", form=form)


@bp.errorhandler(429)
def too_many_attempts(_error):
    """Answer a throttled sign-in with the form and a Danish message."""
    flash(THROTTLED, "error")
    return render_template("auth/login.html", form=LoginForm()), 429


@bp.route("/log-ud", methods=["POST"])
@login_required
def logout():
    """Sign the user out, here and in every other session of theirs."""
    with transaction():
        sign_out(db.session, me())
    flash("Du er logget ud.", "info")
    return redirect(url_for("main.home"))


@bp.record_once
def _throttle_sign_in(state: BlueprintSetupState) -> None:
    """Throttle the sign-in form once the app has its view (see bank.auth.throttle)."""
    throttle.init_app(cast(Flask, state.app))  # the bank's blueprints go on Flask apps
