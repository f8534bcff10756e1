"""Taking an offer out of the catalogue asks first, asks why, and keeps the reason in history."""

from __future__ import annotations

import pytest

from bank.errors import Invalid
from bank.offers.models import OfferStatus
from bank.offers.revisions import history
from bank.offers.services import get_offer, retire_offer
from tests.offers_support import add_offer, editor_of


def test_retiring_with_a_blank_reason_is_refused_and_the_offer_stays(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    with pytest.raises(Invalid) as refused:
        retire_offer(session, editor, offer.ref, "   ")
    assert "hvorfor" in refused.value.danish_errors()["reason"][0]
    session.rollback()
    assert get_offer(session, offer.ref, editor).status == OfferStatus.PUBLISHED


def test_the_reason_is_kept_on_the_offer_and_in_the_same_change_as_the_status(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    retire_offer(session, editor, offer.ref, "Tilbuddet er  lagt sammen med Lektiecafé Nord.")
    session.commit()
    assert offer.status == OfferStatus.RETIRED
    assert offer.retired_reason == "Tilbuddet er lagt sammen med Lektiecafé Nord."
    latest = history(session, offer)[0]
    assert latest.version == offer.version_id
    by_label = {f.label: f.new for f in latest.fields}
    assert by_label["Grund til at tage tilbuddet ud"] == (
        "Tilbuddet er lagt sammen med Lektiecafé Nord."
    )
    assert "Status" in by_label


def test_the_api_may_still_retire_without_a_reason(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    retire_offer(session, editor, offer.ref)
    session.commit()
    assert offer.status == OfferStatus.RETIRED and offer.retired_reason is None


def test_the_offer_page_asks_for_a_reason_in_a_folded_form_before_retiring(
    client, auth, session, make_user
):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    auth.login(editor)
    page = client.get(f"/tilbud/{offer.ref}").get_data(as_text=True)
    assert '<details class="confirm-step" id="tag-ud">' in page
    assert 'name="grund" required' in page

    refused = client.post(f"/redaktion/tilbud/{offer.ref}/tag-ud", follow_redirects=True)
    assert "Skriv kort, hvorfor tilbuddet skal tages ud." in refused.get_data(as_text=True)
    assert get_offer(session, offer.ref, editor).status == OfferStatus.PUBLISHED

    done = client.post(
        f"/redaktion/tilbud/{offer.ref}/tag-ud",
        data={"grund": "Ingen ledere til holdet i år."},
        follow_redirects=True,
    )
    html = done.get_data(as_text=True)
    assert "Tilbuddet er taget ud af kataloget" in html
    assert "Taget ud, fordi:</strong> Ingen ledere til holdet i år." in html
    assert "Grund til at tage tilbuddet ud" in html  # the history shows it too
    session.expire_all()
    assert get_offer(session, offer.ref, editor).status == OfferStatus.RETIRED
