"""The published needs a user may see, in their anonymised form."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.auth.services import record_audit
from bank.errors import NotFound
from bank.needs import lookup, permissions
from bank.needs.anonymised import PublicNeed, to_public
from bank.needs.models import Bid, Consent, Course, Goal, Need, NeedState, consent_units
from bank.offers.terms import term_labels

NOT_VISIBLE = (
    "no published need with this id",
    "Behovet findes ikke, eller det er ikke længere åbent.",
)


def _consent_allows(user: User | None):
    """SQL condition: the course's consent in force lets the user's unit see its needs."""
    condition = sa.and_(Consent.course_id == Need.course_id, Consent.withdrawn_at.is_(None))
    if permissions.is_admin(user):
        reach = sa.or_(
            Consent.covers_publishing.is_(True),
            sa.exists().where(consent_units.c.consent_id == Consent.id),
        )
    else:
        unit_id = getattr(user, "unit_id", None)
        reach = sa.or_(
            Consent.covers_publishing.is_(True),
            sa.exists().where(
                consent_units.c.consent_id == Consent.id, consent_units.c.unit_id == unit_id
            ),
        )
    return sa.exists().where(condition, reach)


def visible_needs(
    session: Session, user: User | None, q: str = "", tag: str = "", limit: int | None = None
) -> list[Need]:
    """Return the published needs the user may see, newest first (optionally filtered)."""
    query = (
        sa.select(Need)
        .where(Need.state == NeedState.PUBLISHED, _consent_allows(user))
        .options(
            orm.selectinload(Need.course).selectinload(Course.citizen),
            orm.selectinload(Need.course).selectinload(Course.coordinator),
            orm.selectinload(Need.goal).selectinload(Goal.parent),
        )
        .order_by(Need.published_at.desc(), Need.id.desc())
    )
    words = lookup.search_words(q)
    if not (words or tag):
        return list(session.scalars(query.limit(limit) if limit else query))
    labels = term_labels(session) if words else {}
    needs = [
        n
        for n in session.scalars(query)
        if (not tag or tag in (n.tags or ())) and lookup.need_matches(n, words, labels)
    ]
    return needs[:limit] if limit else needs


def public_needs(
    session: Session, user: User | None, q: str = "", tag: str = ""
) -> list[PublicNeed]:
    """Return the anonymised published needs the user may see, newest first."""
    return [to_public(n) for n in visible_needs(session, user, q, tag)]


def get_public_need(session: Session, user: User, need_id: int) -> PublicNeed:
    """Return one need in its anonymised form, if the user may see it; record the read.

    A unit sees an open need its consent reaches, and any need it has bid on (to follow
    the outcome); the course's own people see it too.
    """
    need = lookup.need(session, need_id)
    visible = need.state == NeedState.PUBLISHED and permissions.need_visible_to_unit(
        need, getattr(user, "unit_id", None), user
    )
    if not visible and need.state != NeedState.DRAFT:
        visible = permissions.can_open_course(user, need.course) or _unit_has_bid(
            session, user, need
        )
    if not visible:
        raise NotFound(*NOT_VISIBLE)
    record_audit(session, user, "read", "need", need.id, "anonymiseret visning")
    return to_public(need)


def _unit_has_bid(session: Session, user: User, need: Need) -> bool:
    unit_id = getattr(user, "unit_id", None)
    if unit_id is None:
        return False
    found = session.scalar(sa.select(Bid.id).where(Bid.need_id == need.id, Bid.unit_id == unit_id))
    return found is not None
