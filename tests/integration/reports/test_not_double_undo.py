"""A not-double mark can be undone; its confirmation shows beside the marks, where undo is."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from bank.errors import NotAllowed, NotFound
from bank.reports.doubles import mark_not_double, marked_pairs, unmark_not_double
from bank.reports.models import NotDoubleMark
from bank.tasks import run_pending


def test_undoing_a_mark_removes_it_and_names_the_two_offers(session, leader, demo_catalogue):
    sprog, snak = demo_catalogue["dm-o047"], demo_catalogue["dm-o049"]
    mark = mark_not_double(session, leader, sprog.id, snak.id, "Kun for beboerne.")
    session.commit()
    assert unmark_not_double(session, leader, mark.id) == (sprog.title, snak.title)
    session.commit()
    assert marked_pairs(session) == set()
    with pytest.raises(NotFound):
        unmark_not_double(session, leader, mark.id)  # already undone


def test_only_leaders_and_editors_may_undo_a_mark(session, leader, make_user, demo_catalogue):
    sprog, snak = demo_catalogue["dm-o047"], demo_catalogue["dm-o049"]
    mark = mark_not_double(session, leader, sprog.id, snak.id, "Kun for beboerne.")
    session.commit()
    with pytest.raises(NotAllowed):
        unmark_not_double(session, make_user("coordinator"), mark.id)
    assert session.scalars(sa.select(NotDoubleMark)).one().id == mark.id


def test_marking_lands_on_the_marks_with_the_message_and_undo_brings_the_pair_back(
    client, auth, leader, demo_catalogue, session
):
    auth.login(leader)
    client.get("/rapporter/dobbelttilbud")
    run_pending()
    sprog, snak = demo_catalogue["dm-o047"], demo_catalogue["dm-o049"]
    pair = f'data-pair="{sprog.ref}|{snak.ref}"'

    marked = client.post(
        "/rapporter/dobbelttilbud/ikke-dobbelt",
        data={"a": sprog.id, "b": snak.id, "kommentar": "Kun for beboerne."},
    )
    assert marked.headers["Location"].endswith("#markeret")
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    after_heading = page.split('<h2 id="markeret">', 1)[1]
    message = after_heading.index("Parret er markeret som ikke et dobbelttilbud")
    assert message < after_heading.index('<table class="marks">')  # beside it, not at the top
    assert "Parret er markeret" not in page.split('<h2 id="markeret">', 1)[0]
    assert pair not in page

    mark_id = session.scalars(sa.select(NotDoubleMark.id)).one()
    undo = re.search(r'action="(/rapporter/dobbelttilbud/ikke-dobbelt/\d+/fortryd)"', page)
    assert undo and undo.group(1).endswith(f"/{mark_id}/fortryd")
    undone = client.post(undo.group(1))
    assert undone.headers["Location"].endswith("#grupper")
    page = client.get("/rapporter/dobbelttilbud").get_data(as_text=True)
    assert pair in page
    grupper = page.split('<h2 id="grupper">', 1)[1]
    assert grupper.index("Markeringen er fortrudt.") < grupper.index("overlap-group")
    assert session.scalars(sa.select(NotDoubleMark)).all() == []
