"""Who may do what with courses, needs and bids: every rule of the need bank, once."""

from __future__ import annotations

from typing import TypeGuard

from bank.auth.models import Role, User
from bank.errors import NotAllowed
from bank.needs.models import Bid, Course, Need
from bank.needs.refusals import audit_refusal

DENIED_COURSE = (
    "only the course's coordinator, team and admins may open it",
    "Kun forløbets tovholder, teamet og administratorer kan åbne forløbet.",
)
DENIED_MANAGE = (
    "only the course's coordinator (or an admin) may change it",
    "Kun forløbets tovholder kan ændre forløbet.",
)
DENIED_BID = (
    "only members of a unit may bid for that unit",
    "Kun fagpersoner i en enhed kan give bud for enheden.",
)
DENIED_READ_BID = (
    "you may read only your own unit's bids or the bids on your course's needs",
    "Du kan kun se jeres egne bud eller bud på behov i dine forløb.",
)
DENIED_WITHDRAW = (
    "only the bidding unit may withdraw its bid",
    "Kun den enhed, der gav buddet, kan trække det tilbage.",
)
DENIED_INBOX = ("an inbox is only for its owner", "Du kan kun se din egen indbakke.")


def _signed_in(user: User | None) -> TypeGuard[User]:
    return user is not None and bool(getattr(user, "is_authenticated", False))


def is_admin(user: User | None) -> bool:
    """Tell whether the user is a signed-in administrator."""
    return _signed_in(user) and user.role == Role.ADMIN


def on_team(user: User, course: Course) -> bool:
    """Tell whether the user is on the course's team now."""
    return any(m.user_id == user.id for m in course.active_team)


def can_open_course(user: User | None, course: Course) -> bool:
    """The coordinator, the active team and admins may open a course."""
    if not _signed_in(user):
        return False
    return is_admin(user) or course.coordinator_id == user.id or on_team(user, course)


def can_manage_course(user: User | None, course: Course) -> bool:
    """The coordinator, a coordinator on the team, and admins may change a course."""
    if not _signed_in(user):
        return False
    if is_admin(user) or course.coordinator_id == user.id:
        return True
    return user.role == Role.COORDINATOR and on_team(user, course)


def require_open(user: User | None, course: Course) -> None:
    """Raise NotAllowed unless the user may open the course."""
    if not can_open_course(user, course):
        audit_refusal(user, "course", course.id, "open")
        raise NotAllowed(*DENIED_COURSE)


def require_manage(user: User | None, course: Course) -> None:
    """Raise NotAllowed unless the user may change the course."""
    if not can_manage_course(user, course):
        audit_refusal(user, "course", course.id, "change")
        raise NotAllowed(*DENIED_MANAGE)


def require_create_course(user: User | None) -> None:
    """Raise NotAllowed unless the user is a coordinator (or an admin)."""
    if not (_signed_in(user) and user.has_role(Role.COORDINATOR)):
        raise NotAllowed(
            "only coordinators may create courses", "Kun tovholdere kan oprette forløb."
        )


def can_bid_for(user: User | None, unit_id: int | None) -> bool:
    """Unit members bid for their own unit; admins for any unit."""
    if not _signed_in(user) or unit_id is None:
        return False
    if is_admin(user):
        return True
    return user.role == Role.UNIT_MEMBER and user.unit_id == unit_id


def require_bid_for(user: User | None, unit_id: int | None) -> None:
    """Raise NotAllowed unless the user may bid for the unit."""
    if not can_bid_for(user, unit_id):
        raise NotAllowed(*DENIED_BID)


UNIT_READERS = (Role.UNIT_MEMBER, Role.EDITOR)


def can_read_all_bids(user: User | None, need: Need) -> bool:
    """The course's people read every bid on its needs; a unit reads only its own."""
    return can_open_course(user, need.course)


def can_read_bid(user: User | None, bid: Bid) -> bool:
    """The need's course people read every bid; a unit's members and editor read its own."""
    if not _signed_in(user):
        return False
    if can_read_all_bids(user, bid.need):
        return True
    return user.role in UNIT_READERS and user.unit_id == bid.unit_id


def require_read_bid(user: User | None, bid: Bid) -> None:
    """Raise NotAllowed unless the user may read the bid."""
    if not can_read_bid(user, bid):
        audit_refusal(user, "bid", bid.id, "read")
        raise NotAllowed(*DENIED_READ_BID)


def require_decide(user: User | None, bid: Bid) -> None:
    """Raise NotAllowed unless the user may accept or decline the bid."""
    require_manage(user, bid.need.course)


def require_withdraw_bid(user: User | None, bid: Bid) -> None:
    """Raise NotAllowed unless the user may withdraw the bid for its unit."""
    if not can_bid_for(user, bid.unit_id):
        raise NotAllowed(*DENIED_WITHDRAW)


def require_inbox(viewer: User | None, owner: User) -> None:
    """Raise NotAllowed unless the viewer is the inbox's owner."""
    if not (_signed_in(viewer) and viewer.id == owner.id):
        raise NotAllowed(*DENIED_INBOX)


def need_visible_to_unit(need: Need, unit_id: int | None, user: User | None = None) -> bool:
    """Tell whether the consent lets this unit see the published need (admins see all)."""
    consent = need.course.active_consent
    if consent is None or not consent.allows_publishing:
        return False
    if consent.covers_publishing or is_admin(user):
        return True
    return unit_id is not None and any(u.id == unit_id for u in consent.shared_with_units)
