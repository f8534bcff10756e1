"""The signal learned from decisions: what was chosen for needs like this one moves the ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from bank.matching import CatalogueIndex, load_offers
from bank.matching.learned import MARGIN, Decision, LearnedModel, fit
from tests.unit.engine_support import need

ROOT = Path(__file__).resolve().parents[2]
HOUSING = "dm-o071"  # Housing First for young people without a home

# A municipality's own words: "sleeping on friends' sofas" is never written "hjemløs".
SOFA = [
    "Han sover på sofaen hos kammerater og ved ikke hvor han skal sove i næste uge",
    "Hun sover hos veninder skiftevis og har ingen nøgle til noget sted",
    "Sover på sofaer rundt omkring efter at han blev smidt ud derhjemme",
    "Har sovet hos venner i en måned, ingen adresse, taske med tøj",
    "Overnatter hos en kammerat, mor har sagt at han ikke kan komme hjem",
    "Sofasurfer hos venner og kan ikke finde et værelse",
    "Bor ikke hjemme mere og låner en madras hos en ven fra klassen",
    "Har ikke noget sted at bo, flytter rundt mellem venner med en rygsæk",
    "Sover hos sin kæreste eller i opgangen, når det ikke kan lade sig gøre",
    "Har været uden fast sted at sove siden sommerferien og bor hos venner",
]
ASKED = need("new", "Sover hos venner", "Han sover hos forskellige venner hver nat", age=20)


@pytest.fixture(scope="module")
def index() -> CatalogueIndex:
    return CatalogueIndex.build(load_offers(ROOT / "fixtures" / "offers.jsonl"))


def _chosen(texts: list[str], offer: str, fits: bool = True) -> tuple[Decision, ...]:
    return tuple(Decision(f"need:{n}", text, offer, fits) for n, text in enumerate(texts))


def _place(matches, offer_id: str) -> int:
    ids = [m.offer_id for m in matches]
    return ids.index(offer_id) if offer_id in ids else len(ids)


def test_with_no_decisions_the_ranking_is_the_untrained_engines(index):
    empty = index.learn(LearnedModel((), 0.4))
    assert index.rank(ASKED, top=10, learned=empty) == index.rank(ASKED, top=10, learned=None)
    assert index.rank(ASKED, top=10) == index.rank(ASKED, top=10, learned=None)  # none held


def test_an_offer_chosen_for_needs_like_this_one_rises_and_says_so(index):
    untrained = index.rank(ASKED, top=10, learned=None)
    signal = index.learn(LearnedModel(_chosen(SOFA, HOUSING), 0.4))
    learned = index.rank(ASKED, top=10, learned=signal)
    assert _place(learned, HOUSING) < _place(untrained, HOUSING)
    housing = next(m for m in learned if m.offer_id == HOUSING)
    assert any(r.startswith("Valgt til lignende behov") for r in housing.reasons)
    assert "learned" in housing.why
    others = [m for m in learned if m.offer_id != HOUSING]
    assert not any("Valgt til" in r for m in others for r in m.reasons)


def test_an_offer_turned_down_for_needs_like_this_one_falls(index):
    untrained = index.rank(ASKED, top=10, learned=None)
    first = untrained[0].offer_id
    signal = index.learn(LearnedModel(_chosen(SOFA, first, fits=False), 0.4))
    assert _place(index.rank(ASKED, top=10, learned=signal), first) > 0


def test_a_fit_is_adopted_when_the_decisions_agree_and_not_when_they_mislead(index):
    good = [*_chosen(SOFA, HOUSING)]
    assert fit(good, index.fit_ranker()).adopted
    # The same needs, each said to be served by an offer that has nothing to do with them.
    unrelated = ["dm-o038", "dm-o017", "dm-o070", "dm-o048", "dm-o054", "dm-o026"]
    bad = [Decision(f"need:{n}", text, unrelated[n % 6], True) for n, text in enumerate(SOFA)]
    bad += [Decision(f"need:{n}", text, HOUSING, False) for n, text in enumerate(SOFA)]
    result = fit(bad, index.fit_ranker())
    assert not result.adopted and result.model(bad) is None
    assert "not adopted" in result.why


def test_too_few_decided_needs_are_never_adopted(index):
    result = fit(list(_chosen(SOFA[:3], HOUSING)), index.fit_ranker())
    assert not result.adopted and "too few" in result.why


def test_a_need_is_not_told_its_own_decisions_and_each_need_counts_once(index):
    # Three decisions on one earlier need (bid accepted, in the plan, completed), one on another.
    earlier = [Decision("need-1", SOFA[0], HOUSING, True)] * 3
    earlier += [Decision("need-2", SOFA[1], HOUSING, True)]
    signal = index.learn(LearnedModel(tuple(earlier), 0.4))
    asked = need("need-3", "Sover hos venner", SOFA[0], age=20)
    housing = next(m for m in index.rank(asked, top=10, learned=signal) if m.offer_id == HOUSING)
    assert "Valgt til lignende behov 2 gange" in housing.reasons
    itself = need("need-1", "Sover hos venner", SOFA[0], age=20)
    found = index.rank(itself, top=10, learned=signal)
    said = [r for m in found if m.offer_id == HOUSING for r in m.reasons]
    assert "Valgt til lignende behov 1 gang" in said  # need-2 only


def test_a_courses_own_decisions_do_not_vote_for_its_other_needs(index):
    mine = [Decision("course-1/need-1", SOFA[0], HOUSING, True)]
    signal = index.learn(LearnedModel(tuple(mine), 0.4))
    same_course = need("course-1/goal-9", "Sover hos venner", SOFA[0], age=20)
    other_course = need("course-2/need-5", "Sover hos venner", SOFA[0], age=20)
    said = [r for m in index.rank(same_course, top=10, learned=signal) for r in m.reasons]
    assert not any(r.startswith("Valgt til") for r in said)
    said = [r for m in index.rank(other_course, top=10, learned=signal) for r in m.reasons]
    assert "Valgt til lignende behov 1 gang" in said


def _ranker_gaining_on(gaining: set[str]):
    """A ranker whose model puts a need's offer first for `gaining` needs and third for the rest
    (the untrained ranker puts it second)."""

    def ranked(need, model):
        own = "o-" + need.id
        if model is None:
            return ["x", own]
        return [own] if need.id in gaining else ["x", "y", own]

    return ranked


def test_a_fit_whose_gain_is_within_chance_is_not_adopted():
    decisions = [Decision(str(n), f"behov {n}", f"o-{n}", True) for n in range(10)]
    everyone = {str(n) for n in range(10)}
    assert fit(decisions, _ranker_gaining_on(everyone)).adopted
    few = fit(decisions, _ranker_gaining_on({"0", "1", "2"}))  # mean +0.019, noise 0.08
    assert few.after > few.before + MARGIN
    assert not few.adopted and "standard error" in few.why
