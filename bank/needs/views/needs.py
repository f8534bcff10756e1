"""Writing needs: the form with a live personal-data check, publishing, closing, withdrawing."""

from __future__ import annotations

from flask import flash, redirect, request, url_for

from bank import db
from bank.auth.current import me
from bank.errors import Conflict, Invalid
from bank.main.htmx import render
from bank.needs import lookup, needs, permissions
from bank.needs.models import CloseReason
from bank.needs.views import bp, errors_of
from bank.offers.terms import list_terms
from bank.unit_of_work import change, keep, transaction
from bank.vocabulary import VOCABULARY


def tag_choices() -> list[tuple[str, str]]:
    """Return the vocabulary as (slug, Danish label), from the database or the shipped list."""
    terms = list_terms(db.session)
    if terms:
        return [(t.slug, t.label) for t in terms]
    return [(t.slug, t.label) for t in VOCABULARY]


def _form_tags(form) -> list[str]:
    """Return the ticked vocabulary tags followed by the free keywords typed in."""
    free = [w.strip() for w in form.get("keywords", "").split(",") if w.strip()]
    return form.getlist("tags") + free


def need_form(course, need=None, status: int = 200, form=None, errors=None):
    """Render the need form (new or edit) with its values and any field errors."""
    if form is None and need is not None:
        known = {slug for slug, _ in tag_choices()}
        form = {
            "goal_id": str(need.goal_id),
            "title": need.title,
            "description": need.description,
            "tags": [t for t in need.tags if t in known],
            "keywords": ", ".join(t for t in need.tags if t not in known),
        }
    elif hasattr(form, "getlist"):  # the posted form
        form = {**form.to_dict(), "tags": form.getlist("tags")}
    return render(
        "needs/need_form.html",
        status=status,
        course=course,
        need=need,
        form=form or {},
        errors=errors or {},
        tag_choices=tag_choices(),
    )


def _save(course, need=None):
    """Save the form as a draft, and publish it when the coordinator asked to."""
    form, existing = request.form, need
    values = (
        form.get("goal_id"),
        form.get("title", ""),
        form.get("description", ""),
        _form_tags(form),
    )
    try:
        with transaction():
            if need is None:
                need = needs.create_need(db.session, me(), course, *values)
            else:
                needs.update_need(db.session, me(), need, *values)
            if form.get("action") == "publish":
                needs.publish_need(db.session, me(), need)
    except Invalid as exc:
        return need_form(course, existing, 422, form, errors_of(exc))
    except Conflict as exc:
        errors = {exc.field or "form": [exc.danish]}
        return need_form(course, existing, 409, form, errors)
    flash(
        "Behovet er offentliggjort."
        if form.get("action") == "publish"
        else "Behovet er gemt som kladde."
    )
    return redirect(url_for("needs.need", need_id=need.id))


@bp.route("/forloeb/<int:course_id>/behov/nyt", methods=["GET", "POST"])
def new_need(course_id: int):
    """Write a new need under one of the course's goals."""
    course = lookup.course(db.session, course_id)
    permissions.require_manage(me(), course)
    if request.method == "POST":
        return _save(course)
    return need_form(course, form={"goal_id": request.args.get("maal", "")})


@bp.route("/behov/<int:need_id>/rediger", methods=["GET", "POST"])
def edit_need(need_id: int):
    """Change a draft or withdrawn need."""
    need = lookup.need(db.session, need_id)
    permissions.require_manage(me(), need.course)
    if request.method == "POST":
        return _save(need.course, need)
    keep(needs.open_need(db.session, me(), need_id))  # records the read
    return need_form(need.course, need)


@bp.route("/forloeb/<int:course_id>/behov/tjek", methods=["POST"])
def check_need(course_id: int):
    """Check the need's text for personal data as the coordinator writes (htmx)."""
    form = request.form
    findings = needs.check_draft(
        db.session,
        me(),
        lookup.course(db.session, course_id),
        form.get("goal_id", ""),
        form.get("title", ""),
        form.get("description", ""),
    )
    labels = {k: v[1] for k, v in needs.FIELD_LABELS.items()}
    return render(
        "needs/_check.html", messages=[f.danish(labels[f.field]) for f in findings], checked=True
    )


@bp.route("/behov/<int:need_id>/offentliggoer", methods=["POST"])
def publish_need(need_id: int):
    """Publish a need; if the check finds personal data, show the form with what it found."""
    need = lookup.need(db.session, need_id)
    return change(
        lambda: needs.publish_need(db.session, me(), need),
        then=url_for("needs.need", need_id=need.id),
        done="Behovet er offentliggjort.",
        invalid=lambda exc: need_form(need.course, need, 422, errors=errors_of(exc)),
        flashed=(Conflict,),
    )


@bp.route("/behov/<int:need_id>/luk", methods=["POST"])
def close_need(need_id: int):
    """Close a published need as met or no longer relevant."""
    need = lookup.need(db.session, need_id)
    reason = request.form.get("reason", CloseReason.MET.value)
    return change(
        lambda: needs.close_need(db.session, me(), need, reason),
        then=url_for("needs.need", need_id=need.id),
        done="Behovet er lukket.",
        flashed=(Conflict,),
    )


@bp.route("/behov/<int:need_id>/traek-tilbage", methods=["POST"])
def withdraw_need(need_id: int):
    """Take a published need out of the bank."""
    need = lookup.need(db.session, need_id)
    return change(
        lambda: needs.withdraw_need(db.session, me(), need),
        then=url_for("needs.need", need_id=need.id),
        done="Behovet er trukket tilbage. Du kan rette det og offentliggøre det igen.",
        flashed=(Conflict,),
    )
