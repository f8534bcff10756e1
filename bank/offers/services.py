"""Offers: who may see and change them, saving, publishing, retiring. The caller commits.

Values are plain mappings of the model's field names (`unit` by name, `ref` for the
interchange id), as the OfferSchema loads them and the editor form parses them.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from bank.auth.models import Role, Unit, User
from bank.db import utcnow
from bank.errors import Conflict, Invalid, NotAllowed, NotFound
from bank.offers.access import can_see, is_editor, require_edit
from bank.offers.catalogue import bump_catalogue_version
from bank.offers.models import Offer, OfferRevision, OfferStatus, Referral
from bank.offers.revisions import record_changes, snapshot
from bank.offers.rules import check_values, publish_problems

NOT_SET = {"ref", "centre", "version_id", "status"}  # handled apart from plain fields


def get_offer(session: Session, ref: str, viewer: User | None = None) -> Offer:
    """Return the offer; drafts only for their unit's editors, retired ones for editors."""
    offer = session.scalar(
        sa.select(Offer).where(Offer.ref == ref).options(selectinload(Offer.unit))
    )
    if offer is None or not can_see(viewer, offer):
        raise NotFound(f"no offer with id {ref}", "Tilbuddet findes ikke.", "id")
    return offer


def _unit(session: Session, user: User | None, name: str | None) -> Unit | None:
    if not name:
        return None
    unit = session.scalar(sa.select(Unit).where(Unit.name == name))
    if unit is None:
        raise Invalid({"unit": [(f"unknown unit {name}", "Enheden findes ikke.")]})
    if user is not None and user.role != Role.ADMIN and unit.id != user.unit_id:
        raise NotAllowed(
            "editors may only place offers in their own unit",
            "Du kan kun lave tilbud for din egen enhed.",
        )
    return unit


def _state(offer: Offer, values: Mapping[str, Any]) -> dict[str, Any]:
    state = snapshot(offer)
    state.update({k: v for k, v in values.items() if k not in NOT_SET})
    return state


def _check(state: Mapping[str, Any], status: OfferStatus) -> None:
    errors = check_values(state)
    if not state.get("unit"):
        errors.setdefault("unit", []).append(("is required", "Vælg en enhed."))
    if not errors and status == OfferStatus.PUBLISHED:
        errors = publish_problems(state)
    if errors:
        raise Invalid(errors)


def _conflict(offer: Offer) -> Conflict:
    who = offer.updated_by.name if offer.updated_by else "en anden"
    return Conflict(
        f"the offer was changed by {who} since you opened it",
        f"Tilbuddet er blevet ændret af {who}, siden du åbnede det.",
        "version",
    )


def _flush(session: Session, offer: Offer, user: User | None) -> None:
    ref = offer.ref
    try:
        session.flush()
    except StaleDataError:
        # The other editor's change won; the caller's unit of work rolls this one back. Who
        # won is read in a session of its own, as this one can read nothing more until then.
        with Session(bind=session.get_bind()) as fresh:
            raise _conflict(get_offer(fresh, ref, user)) from None


def save(
    session: Session,
    offer: Offer,
    user: User | None,
    values: Mapping[str, Any],
    status: OfferStatus | None = None,
    confirm_review: bool = True,
    bump: bool = True,
) -> Offer:
    """Apply values (and a new status) to an offer, record the revisions, bump the catalogue.

    Returns the offer unchanged (no revision, no bump) when nothing differs.
    """
    new = offer.id is None
    status = status or offer.status or OfferStatus.DRAFT
    _check(_state(offer, values), status)
    before = None if new else snapshot(offer)
    for name, value in values.items():
        if name == "unit":
            unit = _unit(session, user, value)
            if unit is not offer.unit:
                offer.unit = unit
        elif name not in NOT_SET and getattr(offer, name) != value:
            setattr(offer, name, Referral(value) if name == "referral" and value else value)
    offer.status = status
    if confirm_review and user is not None:
        offer.reviewed_at = utcnow()
    after = snapshot(offer)
    if before == after:
        return offer
    offer.updated_at = utcnow()
    offer.updated_by = user
    if new:
        session.add(offer)
    _flush(session, offer, user)
    record_changes(session, offer, user, before, after)
    if bump:
        bump_catalogue_version(session)
    return offer


def create_offer(session: Session, user: User, values: Mapping[str, Any]) -> Offer:
    """Add an offer (a draft unless values say otherwise) to the user's unit."""
    if not is_editor(user):
        raise NotAllowed("only editors may add offers", "Kun redaktører kan lave tilbud.")
    values = dict(values)
    values.setdefault("unit", user.unit.name if user.unit else None)
    ref = values.get("ref") or f"kb-{secrets.token_hex(5)}"
    if session.scalar(sa.select(Offer.id).where(Offer.ref == ref)) is not None:
        raise Conflict(f"an offer with id {ref} exists", "Der findes et tilbud med det id.", "id")
    values.setdefault("title", "")
    offer = Offer(ref=ref)
    status = OfferStatus(values.get("status") or OfferStatus.DRAFT)
    return save(session, offer, user, values, status)


def _check_version(offer: Offer, expected: int | None) -> None:
    if expected is not None and expected != offer.version_id:
        raise _conflict(offer)


def update_offer(
    session: Session,
    user: User,
    ref: str,
    values: Mapping[str, Any],
    expected_version: int | None = None,
) -> Offer:
    """Change an offer's fields; a stale expected_version raises Conflict naming who changed it."""
    offer = get_offer(session, ref, user)
    require_edit(user, offer)
    _check_version(offer, expected_version)
    status = OfferStatus(values["status"]) if values.get("status") else None
    return save(session, offer, user, values, status)


def publish_offer(
    session: Session, user: User, ref: str, expected_version: int | None = None
) -> Offer:
    """Publish a draft or retired offer once it has everything publishing requires."""
    offer = get_offer(session, ref, user)
    require_edit(user, offer)
    _check_version(offer, expected_version)
    if offer.status == OfferStatus.PUBLISHED:
        raise Conflict("the offer is already published", "Tilbuddet er allerede offentliggjort.")
    return save(session, offer, user, {}, OfferStatus.PUBLISHED)


MAX_RETIRE_REASON = 500


def retire_offer(session: Session, user: User, ref: str, reason: str | None = None) -> Offer:
    """Take an offer out of the catalogue; it keeps its history and can be published again.

    A reason (required when given, as the editor's page does) is kept on the offer and in its
    history; the API may retire without one (reason=None).
    """
    offer = get_offer(session, ref, user)
    require_edit(user, offer)
    if offer.status == OfferStatus.RETIRED:
        raise Conflict("the offer is already retired", "Tilbuddet er allerede taget ud.")
    if reason is not None:
        reason = " ".join(reason.split())
        if not reason:
            raise Invalid(
                {
                    "reason": [
                        (
                            "say why the offer is taken out",
                            "Skriv kort, hvorfor tilbuddet skal tages ud.",
                        )
                    ]
                }
            )
        if len(reason) > MAX_RETIRE_REASON:
            raise Invalid(
                {
                    "reason": [
                        (
                            f"at most {MAX_RETIRE_REASON} characters",
                            f"Skriv højst {MAX_RETIRE_REASON} tegn.",
                        )
                    ]
                }
            )
    old_reason = offer.retired_reason
    if reason is not None:
        offer.retired_reason = reason  # before save(): one flush, one version
    save(session, offer, user, {}, OfferStatus.RETIRED, confirm_review=False)
    if reason is not None:
        session.add(
            OfferRevision(
                offer_id=offer.id,
                version=offer.version_id,
                at=offer.updated_at,
                user_id=user.id if user is not None else None,
                field="retired_reason",
                old=json.dumps(old_reason, ensure_ascii=False),
                new=json.dumps(reason, ensure_ascii=False),
            )
        )
        session.flush()
    return offer


def confirm_review(session: Session, user: User, ref: str) -> Offer:
    """Record that an editor has checked the offer is still true."""
    offer = get_offer(session, ref, user)
    require_edit(user, offer)
    return save(session, offer, user, {})
