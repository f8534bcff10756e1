"""The learned signal in the bank: refits are kept, only a better one is used, leaders see it."""

from __future__ import annotations

import pytest

from bank.learn_cli import learn_group
from bank.matching import NeedRecord
from bank.ranking import get_index
from bank.ranking.learning import adopted_fit, forget_attached, refit
from bank.tasks import refit_learned
from tests.unit.test_learned_signal import HOUSING, SOFA

ASKED = NeedRecord("new", "Sover hos venner", "Han sover hos forskellige venner hver nat", age=20)
UNRELATED = ["dm-o038", "dm-o017", "dm-o070", "dm-o048", "dm-o054", "dm-o026"]


def _good() -> list[tuple[str, str, str, bool]]:
    return [(f"need:{n}", text, HOUSING, True) for n, text in enumerate(SOFA)]


def _bad() -> list[tuple[str, str, str, bool]]:
    unrelated = [UNRELATED[n % len(UNRELATED)] for n in range(len(SOFA))]
    return [(f"need:{n}", text, unrelated[n], True) for n, text in enumerate(SOFA)] + [
        (f"need:{n}", text, HOUSING, False) for n, text in enumerate(SOFA)
    ]


@pytest.fixture
def fresh_look():
    forget_attached()
    yield
    forget_attached()


def _reasons(session) -> tuple[str, ...]:
    forget_attached()
    found = get_index(session).rank(ASKED, top=10)
    return next((m.reasons for m in found if m.offer_id == HOUSING), ())


def test_an_adopted_fit_reaches_the_ranking_and_a_worse_one_does_not_replace_it(
    session, demo_catalogue, fresh_look
):
    assert not any("Valgt til" in r for r in _reasons(session))
    good = refit(session, get_index(session), _good(), 1, len(SOFA))
    session.commit()
    assert good.adopted and good.after > good.before
    assert any(r.startswith("Valgt til lignende behov") for r in _reasons(session))

    bad = refit(session, get_index(session), _bad(), 1, 18)
    session.commit()
    assert not bad.adopted and bad.decisions == []  # a rejected fit keeps no texts
    assert adopted_fit(session).id == good.id  # the previous model stays
    assert any(r.startswith("Valgt til lignende behov") for r in _reasons(session))


def test_reset_brings_back_the_untrained_ranking(session, runner, demo_catalogue, fresh_look):
    refit(session, get_index(session), _good(), 1, len(SOFA))
    session.commit()
    assert "In use: fit" in runner.invoke(learn_group, ["status"]).output
    result = runner.invoke(learn_group, ["reset", "--yes"])
    assert result.exit_code == 0, result.output
    assert "In use: none" in runner.invoke(learn_group, ["status"]).output
    assert not any("Valgt til" in r for r in _reasons(session))


def test_the_worker_refits_only_when_enough_new_decisions_have_arrived(
    app, session, demo_catalogue
):
    app.config["LEARN_AFTER"] = 5
    assert refit_learned(session) is None  # no decisions yet
    forced = refit_learned(session, force=True)
    assert forced is not None and not forced.adopted and "too few" in forced.why


def test_a_leader_sees_when_the_model_was_fitted_and_on_how_many_decisions(
    session, client, auth, make_user, demo_catalogue, fresh_look
):
    leader = make_user("leader")
    auth.login(leader)
    page = client.get("/rapporter/").get_data(as_text=True)
    assert "Forslagene bruger endnu ikke jeres valg" in page
    refit(session, get_index(session), _good(), 1, len(SOFA))
    session.commit()
    page = client.get("/rapporter/").get_data(as_text=True)
    assert "Tilpasset" in page and f"ud fra {len(SOFA)} beslutninger" in page
