"""Course pages: my courses, a new course, the course page, consent, team, goals."""

from __future__ import annotations

import sqlalchemy as sa
from flask import flash, redirect, request, url_for

from bank import db
from bank.auth.current import me
from bank.auth.models import Role, Unit
from bank.errors import Conflict, Invalid, NotFound
from bank.main.htmx import render
from bank.needs import consent, courses, goals, lookup, permissions
from bank.needs.models import ConsentKind, GoalKind, GoalStatus
from bank.needs.views import bp, errors_of


@bp.route("/forloeb")
def my_courses():
    """List the courses I coordinate or am on the team of."""
    ended = request.args.get("afsluttede") == "1"
    found = courses.list_my_courses(db.session, me(), include_ended=ended)
    db.session.commit()
    return render(
        "needs/courses.html", courses=found, ended=ended, can_create=me().has_role(Role.COORDINATOR)
    )


@bp.route("/forloeb/nyt", methods=["GET", "POST"])
def new_course():
    """Open a course for a young person under a pseudonym."""
    permissions.require_create_course(me())
    form = request.form
    if request.method == "POST":
        try:
            course = courses.create_course(
                db.session,
                me(),
                form.get("pseudonym", ""),
                form.get("birth_year", ""),
                form.get("family_names"),
            )
            db.session.commit()
        except Invalid as exc:
            db.session.rollback()
            return render("needs/course_new.html", status=422, form=form, errors=errors_of(exc))
        flash("Forløbet er oprettet. Registrér samtykket, før behov kan offentliggøres.")
        return redirect(url_for("needs.course", course_id=course.id))
    return render("needs/course_new.html", form={}, errors={})


def course_page(course, status: int = 200, **state):
    """Render the course page (with one form's errors when a change was refused)."""
    life_goals = [g for g in course.goals if g.kind == GoalKind.LIFE]
    loose = [g for g in course.goals if g.kind == GoalKind.SUB and g.parent_id is None]
    units = list(db.session.scalars(sa.select(Unit).order_by(Unit.name)))
    return render(
        "needs/course.html",
        status=status,
        course=course,
        life_goals=life_goals,
        loose_goals=loose,
        units=units,
        can_manage=permissions.can_manage_course(me(), course),
        consent_kinds=list(ConsentKind),
        goal_statuses=list(GoalStatus),
        form=state.get("form", {}),
        errors=state.get("errors", {}),
        form_name=state.get("form_name"),
    )


@bp.route("/forloeb/<int:course_id>")
def course(course_id: int):
    """Show a course to its coordinator, team and admins: citizen, consent, team, goals, needs."""
    found = courses.open_course(db.session, me(), course_id)
    db.session.commit()
    return course_page(found)


def _change(course_id: int, form_name: str, change, done: str):
    """Run a change on the course; on field errors show the page again with them."""
    found = lookup.course(db.session, course_id)
    try:
        change(found)
        db.session.commit()
    except Invalid as exc:
        db.session.rollback()
        found = courses.open_course(db.session, me(), course_id)  # shown again: a read
        db.session.commit()
        return course_page(
            found, 422, form=request.form, errors=errors_of(exc), form_name=form_name
        )
    except Conflict as exc:
        db.session.rollback()
        flash(exc.danish, "error")
        return redirect(url_for("needs.course", course_id=course_id))
    flash(done)
    return redirect(url_for("needs.course", course_id=course_id) + f"#{form_name}")


@bp.route("/forloeb/<int:course_id>/borger", methods=["POST"])
def update_citizen(course_id: int):
    """Change the pseudonym, birth year and the family names the check looks for."""
    form = request.form
    return _change(
        course_id,
        "borger",
        lambda c: courses.update_citizen(
            db.session,
            me(),
            c,
            form.get("pseudonym", ""),
            form.get("birth_year", ""),
            form.get("family_names"),
        ),
        "Oplysningerne er gemt.",
    )


@bp.route("/forloeb/<int:course_id>/samtykke", methods=["POST"])
def record_consent(course_id: int):
    """Record the young person's consent."""
    form = request.form
    return _change(
        course_id,
        "samtykke",
        lambda c: consent.record_consent(
            db.session,
            me(),
            c,
            form.get("kind", ""),
            form.get("given_on", ""),
            form.get("covers_publishing") == "1",
            form.getlist("unit_ids"),
            form.get("note", ""),
        ),
        "Samtykket er registreret.",
    )


@bp.route("/forloeb/<int:course_id>/samtykke/tilbagekald", methods=["POST"])
def withdraw_consent(course_id: int):
    """Withdraw the consent in force; the course's needs come down at once."""
    return _change(
        course_id,
        "samtykke",
        lambda c: consent.withdraw_consent(db.session, me(), c),
        "Samtykket er trukket tilbage, og forløbets behov er taget ned.",
    )


@bp.route("/forloeb/<int:course_id>/team", methods=["POST"])
def add_team_member(course_id: int):
    """Add a professional to the team."""
    form = request.form
    return _change(
        course_id,
        "team",
        lambda c: courses.add_team_member(
            db.session, me(), c, form.get("email", ""), form.get("task", "")
        ),
        "Personen er føjet til teamet.",
    )


@bp.route("/forloeb/<int:course_id>/team/<int:member_id>/fjern", methods=["POST"])
def remove_team_member(course_id: int, member_id: int):
    """Take a professional off the team."""
    return _change(
        course_id,
        "team",
        lambda c: courses.remove_team_member(db.session, me(), c, member_id),
        "Personen er taget af teamet.",
    )


@bp.route("/forloeb/<int:course_id>/maal", methods=["POST"])
def add_goal(course_id: int):
    """Add a goal in the young person's own words."""
    form = request.form
    return _change(
        course_id,
        "maal",
        lambda c: goals.add_goal(
            db.session, me(), c, form.get("kind", ""), form.get("text", ""), form.get("parent_id")
        ),
        "Målet er gemt.",
    )


@bp.route("/forloeb/<int:course_id>/maal/<int:goal_id>/status", methods=["POST"])
def goal_status(course_id: int, goal_id: int):
    """Mark a goal as active, reached or dropped."""
    goal = lookup.goal(db.session, goal_id)
    if goal.course_id != course_id:
        raise NotFound(f"no goal {goal_id} in course {course_id}", "Målet findes ikke.")
    return _change(
        course_id,
        "maal",
        lambda c: goals.set_goal_status(db.session, me(), goal, request.form.get("status", "")),
        "Målets status er gemt.",
    )


@bp.route("/forloeb/<int:course_id>/afslut", methods=["POST"])
def end_course(course_id: int):
    """End the course; its published needs come down."""
    return _change(
        course_id,
        "forloeb",
        lambda c: courses.end_course(db.session, me(), c),
        "Forløbet er afsluttet.",
    )
