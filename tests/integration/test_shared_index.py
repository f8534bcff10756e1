"""Processes share one saved index per catalogue version; a new version is built once."""

from __future__ import annotations

import threading

from bank.offers.services import update_offer
from bank.ranking import get_index, index_state, save_current_index
from bank.ranking import index as ranking
from bank.ranking.index_files import current_stamp, index_root
from tests.offers_support import add_offer, editor_of


def _forget(session) -> None:
    """Act as a fresh process: drop what this one holds in memory."""
    ranking._indexes.pop(ranking._engine(session), None)


def test_a_process_that_starts_maps_the_saved_index_instead_of_building(session, make_user):
    add_offer(session, editor_of(make_user), publish=True)
    built = get_index(session)
    assert index_state(session)["source"] == "mapped"
    _forget(session)
    again = get_index(session)
    assert again is not built
    assert index_state(session)["source"] == "mapped"
    assert [o.id for o in again.offers] == [o.id for o in built.offers]


def test_the_saved_index_is_named_by_the_catalogue_version(session, make_user, app):
    add_offer(session, editor_of(make_user), publish=True)
    get_index(session)
    stamp = current_stamp(session)
    root = index_root(ranking._engine(session))
    assert [p.name for p in root.glob("v*")] == [stamp.name]
    assert stamp.name.startswith(f"v{stamp.version}-")


def test_a_change_through_one_process_is_searched_in_another_on_its_next_request(
    session, make_user
):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    assert get_index(session).search("lektiecafé")
    update_offer(session, editor, offer.ref, {"title": "Svømmehold for nybegyndere"})
    session.commit()
    _forget(session)  # the other process never held the old version
    found = get_index(session).search("svømmehold")
    assert [m.offer_id for m in found] == [offer.ref]


def test_old_versions_are_pruned_from_disk(session, make_user):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    for n in range(5):
        update_offer(session, editor, offer.ref, {"title": f"Lektiecafé nummer {n}"})
        session.commit()
        get_index(session)
    root = index_root(ranking._engine(session))
    assert len(list(root.glob("v*"))) == 3


def test_the_worker_saves_the_current_version_once(session, make_user):
    add_offer(session, editor_of(make_user), publish=True)
    path = save_current_index(session)
    assert path is not None and (path / "meta.json").exists()
    mtime = (path / "arrays.npy").stat().st_mtime_ns
    assert save_current_index(session) == path
    assert (path / "arrays.npy").stat().st_mtime_ns == mtime


def test_a_large_catalogue_keeps_serving_the_old_version_while_the_new_one_builds(
    session, make_user, monkeypatch
):
    editor = editor_of(make_user)
    offer = add_offer(session, editor, publish=True)
    old = get_index(session)
    monkeypatch.setattr(ranking, "BACKGROUND_FROM", 1)
    update_offer(session, editor, offer.ref, {"title": "Svømmehold for nybegyndere"})
    session.commit()
    assert get_index(session) is old
    for thread in threading.enumerate():
        if thread.name == "bank-index-build":
            thread.join(timeout=60)
    new = get_index(session)
    assert new is not old
    assert [m.offer_id for m in new.search("svømmehold")] == [offer.ref]


def test_without_an_index_folder_the_index_lives_in_memory_only(session, make_user, app):
    app.config["INDEX_DIR"] = ""
    add_offer(session, editor_of(make_user), publish=True)
    get_index(session)
    assert index_state(session)["source"] == "memory"


def test_the_workers_minute_check_saves_the_index_of_a_new_version(session, make_user, app):
    from bank.tasks import get_queue

    add_offer(session, editor_of(make_user), publish=True)
    root = index_root(ranking._engine(session))
    assert not root.exists() or not list(root.glob("v*"))
    get_queue(app).check_catalogue.call_local()
    assert [p.name for p in root.glob("v*")] == [current_stamp(session).name]


def test_a_starting_process_maps_what_is_saved_and_never_waits_for_a_large_build(
    session, make_user, monkeypatch
):
    add_offer(session, editor_of(make_user), publish=True)
    started = []
    monkeypatch.setattr(ranking, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(ranking, "_build_in_background", lambda *a: started.append(a))
    ranking.warm_index(session)
    assert len(started) == 1 and index_state(session) == {"loaded": False}
    save_current_index(session)
    ranking.warm_index(session)
    assert index_state(session)["source"] == "mapped"
