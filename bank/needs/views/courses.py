"""Course pages: my courses, a new course, the course page, consent, team, goals."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for

from bank import db
from bank.auth.current import me
from bank.auth.models import Role
from bank.errors import Conflict, Invalid, NotFound
from bank.main.htmx import render
from bank.needs import consent, courses, goals, lookup, permissions
from bank.needs.models import ConsentKind, GoalKind, GoalStatus
from bank.needs.views import bp, errors_of
from bank.unit_of_work import audited_read, change, transaction


@bp.route("/forloeb")
@audited_read
def my_courses():
    """List the courses I coordinate or am on the team of."""
    ended = request.args.get("afsluttede") == "1"
    found = courses.list_my_courses(db.session, me(), include_ended=ended)
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
            with transaction():
                course = courses.create_course(
                    db.session,
                    me(),
                    form.get("pseudonym", ""),
                    form.get("birth_year", ""),
                    form.get("family_names"),
                )
        except Invalid as exc:
            return render("needs/course_new.html", status=422, form=form, errors=errors_of(exc))
        flash("Forløbet er oprettet. Registrér samtykket, før behov kan offentliggøres.")
        return redirect(url_for("needs.course", course_id=course.id))
    return render("needs/course_new.html", form={}, errors={})


def course_page(course, status: int = 200, **state):
    """Render the course page (with one form's errors when a change was refused)."""
    life_goals = [g for g in course.goals if g.kind == GoalKind.LIFE]
    loose = [g for g in course.goals if g.kind == GoalKind.SUB and g.parent_id is None]
    return render(
        "needs/course.html",
        status=status,
        course=course,
        life_goals=life_goals,
        loose_goals=loose,
        units=consent.unit_choices(db.session),
        can_manage=permissions.can_manage_course(me(), course),
        consent_kinds=list(ConsentKind),
        goal_statuses=list(GoalStatus),
        form=state.get("form", {}),
        errors=state.get("errors", {}),
        form_name=state.get("form_name"),
    )


@bp.route("/forloeb/<int:course_id>")
@audited_read
def course(course_id: int):
    """Show a course to its coordinator, team and admins: citizen, consent, team, goals, needs."""
    return course_page(courses.open_course(db.session, me(), course_id))


def _on_course(course_id: int, form_name: str) -> dict[str, Any]:
    """Return where a change to one of the course page's forms leads (see unit_of_work.change).

    Done: back to the form; field errors: the page again with them (a read, so audited);
    a conflict: back to the page with the message; a refusal: the 403 page.
    """

    def shown_again(exc: Invalid):
        found = courses.open_course(db.session, me(), course_id)
        return course_page(
            found, 422, form=request.form, errors=errors_of(exc), form_name=form_name
        )

    page = url_for("needs.course", course_id=course_id)
    return {
        "then": f"{page}#{form_name}",
        "refused": page,
        "invalid": shown_again,
        "flashed": (Conflict,),
    }


@bp.route("/forloeb/<int:course_id>/borger", methods=["POST"])
def update_citizen(course_id: int):
    """Change the pseudonym, birth year and the family names the check looks for."""
    found, form = lookup.course(db.session, course_id), request.form
    return change(
        lambda: courses.update_citizen(
            db.session,
            me(),
            found,
            form.get("pseudonym", ""),
            form.get("birth_year", ""),
            form.get("family_names"),
        ),
        done="Oplysningerne er gemt.",
        **_on_course(course_id, "borger"),
    )


@bp.route("/forloeb/<int:course_id>/samtykke", methods=["POST"])
def record_consent(course_id: int):
    """Record the young person's consent."""
    found, form = lookup.course(db.session, course_id), request.form
    return change(
        lambda: consent.record_consent(
            db.session,
            me(),
            found,
            form.get("kind", ""),
            form.get("given_on", ""),
            form.get("covers_publishing") == "1",
            form.getlist("unit_ids"),
            form.get("note", ""),
        ),
        done="Samtykket er registreret.",
        **_on_course(course_id, "samtykke"),
    )


@bp.route("/forloeb/<int:course_id>/samtykke/tilbagekald", methods=["POST"])
def withdraw_consent(course_id: int):
    """Withdraw the consent in force; the course's needs come down at once."""
    found = lookup.course(db.session, course_id)
    return change(
        lambda: consent.withdraw_consent(db.session, me(), found),
        done="Samtykket er trukket tilbage, og forløbets behov er taget ned.",
        **_on_course(course_id, "samtykke"),
    )


@bp.route("/forloeb/<int:course_id>/team", methods=["POST"])
def add_team_member(course_id: int):
    """Add a professional to the team."""
    found, form = lookup.course(db.session, course_id), request.form
    return change(
        lambda: courses.add_team_member(
            db.session, me(), found, form.get("email", ""), form.get("task", "")
        ),
        done="Personen er føjet til teamet.",
        **_on_course(course_id, "team"),
    )


@bp.route("/forloeb/<int:course_id>/team/<int:member_id>/fjern", methods=["POST"])
def remove_team_member(course_id: int, member_id: int):
    """Take a professional off the team."""
    found = lookup.course(db.session, course_id)
    return change(
        lambda: courses.remove_team_member(db.session, me(), found, member_id),
        done="Personen er taget af teamet.",
        **_on_course(course_id, "team"),
    )


@bp.route("/forloeb/<int:course_id>/maal", methods=["POST"])
def add_goal(course_id: int):
    """Add a goal in the young person's own words."""
    found, form = lookup.course(db.session, course_id), request.form
    return change(
        lambda: goals.add_goal(
            db.session,
            me(),
            found,
            form.get("kind", ""),
            form.get("text", ""),
            form.get("parent_id"),
        ),
        done="Målet er gemt.",
        **_on_course(course_id, "maal"),
    )


@bp.route("/forloeb/<int:course_id>/maal/<int:goal_id>/status", methods=["POST"])
def goal_status(course_id: int, goal_id: int):
    """Mark a goal as active, reached or dropped."""
    goal = lookup.goal(db.session, goal_id)
    if goal.course_id != course_id:
        raise NotFound(f"no goal {goal_id} in course {course_id}", "Målet findes ikke.")
    return change(
        lambda: goals.set_goal_status(db.session, me(), goal, request.form.get("status", "")),
        done="Målets status er gemt.",
        **_on_course(course_id, "maal"),
    )


@bp.route("/forloeb/<int:course_id>/afslut", methods=["POST"])
def end_course(course_id: int):
    """End the course; its published needs come down."""
    found = lookup.course(db.session, course_id)
    return change(
        lambda: courses.end_course(db.session, me(), found),
        done="Forløbet er afsluttet.",
        **_on_course(course_id, "forloeb"),
    )
