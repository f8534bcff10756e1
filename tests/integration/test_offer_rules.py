"""Saving, publishing and retiring offers: the rules, the revisions and the catalogue version."""

from __future__ import annotations

import pytest

from bank.errors import Conflict, Invalid, NotAllowed, NotFound
from bank.offers.catalogue import catalogue_version
from bank.offers.models import OfferStatus
from bank.offers.revisions import history
from bank.offers.services import (
    create_offer,
    get_offer,
    publish_offer,
    retire_offer,
    update_offer,
)
from tests.offers_support import add_offer, complete_values, editor_of


def test_a_draft_may_be_incomplete(session, make_user):
    editor = editor_of(make_user)
    offer = create_offer(session, editor, {"title": "Noget nyt"})
    session.commit()
    assert offer.status == OfferStatus.DRAFT
    assert offer.unit_name == "Ungdomsskolen"


@pytest.mark.parametrize(
    "missing",
    ["description", "age_min", "age_max", "tags", "problem", "activities", "community"],
)
def test_publishing_without_a_required_field_is_refused(session, make_user, missing):
    editor = editor_of(make_user)
    empty = [] if missing in ("tags", "activities") else None if "age" in missing else ""
    offer = add_offer(session, editor, **{missing: empty})
    with pytest.raises(Invalid) as refused:
        publish_offer(session, editor, offer.ref)
    assert missing in refused.value.errors


def test_publishing_needs_at_least_one_outcome(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, outcomes_short=[], outcomes_long=[])
    with pytest.raises(Invalid) as refused:
        publish_offer(session, editor, offer.ref)
    assert "Skriv mindst ét resultat" in refused.value.danish_errors()["outcomes_short"][0]


def test_a_complete_offer_is_published_and_visible_to_everyone(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor)
    with pytest.raises(NotFound):
        get_offer(session, offer.ref, None)
    publish_offer(session, editor, offer.ref)
    session.commit()
    assert get_offer(session, offer.ref, None).status == OfferStatus.PUBLISHED


def test_a_published_offer_cannot_lose_a_required_field(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    with pytest.raises(Invalid) as refused:
        update_offer(session, editor, offer.ref, {"problem": ""})
    assert "problem" in refused.value.errors


def test_an_age_range_upside_down_is_refused_in_danish(session, make_user):
    editor = editor_of(make_user)
    with pytest.raises(Invalid) as refused:
        create_offer(session, editor, complete_values(age_min=20, age_max=15))
    assert refused.value.danish_errors() == {
        "age_max": ["Alder til må ikke være lavere end alder fra."]
    }


def test_retiring_keeps_the_offer_and_its_history(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    retire_offer(session, editor, offer.ref)
    session.commit()
    kept = get_offer(session, offer.ref, editor)
    assert kept.status == OfferStatus.RETIRED
    assert [c.fields[0].field for c in history(session, kept)] == ["status", "created"]
    with pytest.raises(NotFound):
        get_offer(session, offer.ref, None)
    with pytest.raises(Conflict):
        retire_offer(session, editor, offer.ref)


def test_every_change_is_kept_as_a_revision_with_who_and_old_and_new(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor)
    update_offer(session, editor, offer.ref, {"title": "Lektiehjælp", "capacity": 8})
    session.commit()
    latest = history(session, offer)[0]
    assert latest.who == "Eva Redaktør"
    changed = {f.field: (f.old, f.new) for f in latest.fields}
    assert changed["title"] == ("Lektiecafé for unge", "Lektiehjælp")
    assert changed["capacity"] == ("12", "8")


def test_every_change_bumps_the_catalogue_version(session, make_user):
    editor = editor_of(make_user)
    start = catalogue_version(session)
    offer = add_offer(session, editor)
    update_offer(session, editor, offer.ref, {"title": "Ny titel"})
    publish_offer(session, editor, offer.ref)
    retire_offer(session, editor, offer.ref)
    session.commit()
    assert catalogue_version(session) == start + 4


def test_an_editor_cannot_change_another_units_offer(session, make_user):
    owner = editor_of(make_user)
    other = editor_of(make_user, unit="Jobcenter Ung", name="Per Anden")
    offer = add_offer(session, owner, publish=True)
    draft = add_offer(session, owner, title="Kladde")
    with pytest.raises(NotAllowed):
        update_offer(session, other, offer.ref, {"title": "Overtaget"})
    with pytest.raises(NotFound):  # another unit's draft is not even seen
        update_offer(session, other, draft.ref, {"title": "Overtaget"})
    with pytest.raises(NotAllowed):
        create_offer(session, other, complete_values(unit="Ungdomsskolen"))


def test_an_admin_may_change_any_units_offer(session, make_user):
    offer = add_offer(session, editor_of(make_user))
    admin = make_user("admin", unit=None)
    update_offer(session, admin, offer.ref, {"title": "Rettet af admin"})
    session.commit()
    assert get_offer(session, offer.ref, admin).title == "Rettet af admin"


def test_a_coordinator_cannot_add_offers(session, make_user):
    with pytest.raises(NotAllowed):
        create_offer(session, make_user("coordinator"), complete_values())
