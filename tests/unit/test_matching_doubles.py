"""Double offers: candidates without all pairs, confirmation rules, groups, overlaps."""

from __future__ import annotations

import numpy as np

from bank.matching import CatalogueIndex, DoublePair, find_double_offers
from bank.matching.doubles import candidate_pairs, connected_groups
from bank.matching.vectors import build_matrices
from tests.unit.engine_support import offer

HOMEWORK = (
    "Lektiehjælp til unge i {place}: frivillige hjælper med matematik, dansk og "
    "afleveringer to eftermiddage om ugen, med ro og frugt."
)


def homework(offer_id: str, place: str, **fields) -> object:
    fields.setdefault("tags", ("skole", "faellesskab"))
    fields.setdefault("age_min", 13)
    fields.setdefault("age_max", 17)
    fields.setdefault("step", 1)
    fields.setdefault("unit", f"Enhed {offer_id}")
    return offer(offer_id, f"Lektiecafé i {place}", HOMEWORK.format(place=place), **fields)


OTHERS = [
    offer(
        "x1",
        "Budgetrådgivning for unge",
        "Hjælp til gæld, budget og rykkere.",
        tags=("okonomi",),
        age_min=18,
        age_max=29,
        step=1,
    ),
    offer(
        "x2",
        "Familiebehandling",
        "Terapi for familier med mange konflikter.",
        tags=("familie", "behandling"),
        age_min=13,
        age_max=17,
        step=4,
    ),
]


def test_offers_that_are_the_same_service_group_into_connected_components():
    offers = [
        homework("a", "klubben"),
        homework("b", "Beboerhuset"),
        homework("c", "skolen"),
        *OTHERS,
    ]
    report = find_double_offers(offers)
    assert report.groups == [["a", "b", "c"]]
    assert {(p.a, p.b) for p in report.pairs} == {("a", "b"), ("a", "c"), ("b", "c")}


def test_pairs_name_the_smaller_id_first_and_come_best_first():
    report = find_double_offers([homework("z", "klubben"), homework("m", "skolen"), *OTHERS])
    assert all(p.a < p.b for p in report.pairs)
    scores = [p.score for p in report.pairs]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert report.pairs[0].why["tags"] == ["skole", "faellesskab"]
    assert "lektiecafé" in report.pairs[0].why["terms"]


def test_retired_offers_take_no_part():
    report = find_double_offers(
        [homework("a", "klubben"), homework("b", "skolen", status="retired"), *OTHERS]
    )
    assert report.pairs == [] and report.groups == []
    assert all("b" not in (p.a, p.b) for p in report.partial)


def test_offers_for_other_ages_or_another_ladder_step_are_not_double():
    older = homework("b", "skolen", age_min=20, age_max=29)
    heavier = homework("c", "Beboerhuset", step=4)
    report = find_double_offers([homework("a", "klubben"), older, heavier, *OTHERS])
    assert report.pairs == []
    assert ("a", "c") in {(p.a, p.b) for p in report.partial}


def test_a_units_own_alike_offers_are_overlaps_unless_near_copies():
    first = homework("a", "klubben", unit="Klubberne")
    second = offer(
        "b",
        "Lektiecafé om eftermiddagen",
        "Hjælp til lektier og matematik.",
        unit="Klubberne",
        tags=("skole",),
        age_min=13,
        age_max=17,
        step=1,
    )
    report = find_double_offers([first, second, *OTHERS])
    assert report.pairs == []
    copy = homework("c", "klubben", unit="Klubberne")
    assert ("a", "c") in {(p.a, p.b) for p in find_double_offers([first, copy]).pairs}


def test_a_higher_threshold_flags_fewer_pairs():
    offers = [homework("a", "klubben"), homework("b", "Beboerhuset"), *OTHERS]
    assert find_double_offers(offers, threshold=1.0).pairs == []
    assert find_double_offers(offers, threshold=0.1).pairs


def test_candidates_come_from_a_few_nearest_neighbours_not_all_pairs():
    offers = [homework(f"h{i}", f"sted {i}") for i in range(30)]
    left, right = candidate_pairs(build_matrices(offers, with_chars=False).tfidf, neighbours=3)
    assert len(left) <= 30 * 3 < 30 * 29 // 2
    assert np.all(left < right)


def test_connected_groups_are_sorted_and_largest_first():
    pairs = [
        DoublePair("d", "e", 0.9),
        DoublePair("b", "c", 0.9),
        DoublePair("a", "b", 0.8),
        DoublePair("f", "g", 0.5),
    ]
    assert connected_groups(pairs) == [["a", "b", "c"], ["d", "e"], ["f", "g"]]


def test_similar_warns_an_editor_about_a_double_offer():
    index = CatalogueIndex.build([homework("a", "klubben"), *OTHERS])
    draft = homework("new", "Beboerhuset", status="draft")
    found = index.similar_to_draft(draft)
    assert found[0].offer_id == "a"
    assert found[0].reasons[0] == "Ligner det samme tilbud (muligt dobbelttilbud)"
    assert found[0].likeness == "double"
    assert all(m.likeness in ("double", "partial", "") for m in found)
    assert index.similar("a")[0].offer_id != "a"


def test_the_report_writes_the_interchange_object():
    report = find_double_offers([homework("a", "klubben"), homework("b", "skolen")])
    written = report.to_interchange()
    assert set(written) == {"pairs", "groups"}
    assert written["pairs"][0]["a"] == "a" and written["groups"] == [["a", "b"]]


def test_an_open_ended_age_range_is_open_and_not_an_age_of_120():
    from bank.matching.pairs import age_likeness

    open_end = offer("a", "Bostøtte", age_min=18)
    closed = offer("b", "Bostøtte", age_min=18, age_max=24)
    younger = offer("c", "Bostøtte", age_min=13, age_max=17)
    likeness = age_likeness([open_end, closed, younger], np.array([0, 0]), np.array([1, 2]))
    assert likeness[0] == 1.0  # "from 18" and "18-24" serve the same young people
    assert likeness[1] == 0.0


def test_offers_with_the_same_programme_theory_are_double_though_their_titles_differ():
    theory = (
        "Unge på 15–24 år, der er i fare for at droppe ud af en ungdomsuddannelse. "
        "En fast mentor mødes med den unge hver uge på skolen, hjælper med fravær, "
        "lektier og kontakt til lærerne."
    )
    first = offer(
        "m1",
        "Fastholdelsesmentor",
        "Vi hjælper elever med at blive på studiet.",
        programme_text=theory,
        target_group=theory,
        age_min=15,
        age_max=24,
        step=2,
        unit="Ungeindsatsen",
    )
    second = offer(
        "m2",
        "Mentor, så du gennemfører",
        "Når skolen bliver svær, står du ikke alene.",
        programme_text=theory,
        target_group=theory,
        age_min=16,
        age_max=25,
        step=2,
        unit="Jobcenter Unge",
    )
    other = offer(
        "m3",
        "Mentor på arbejdspladsen",
        "En kollega viser dig til rette på jobbet.",
        programme_text="Ledige unge over 18 i virksomhedspraktik får en kollega som mentor.",
        age_min=18,
        age_max=29,
        step=2,
        unit="Jobcenter Unge",
    )
    report = find_double_offers([first, second, other, *OTHERS])
    assert [(p.a, p.b) for p in report.pairs] == [("m1", "m2")]


def _scores(offers) -> dict[tuple[str, str], float]:
    return {(p.a, p.b): p.score for p in find_double_offers(offers, threshold=0.0).pairs}


def test_one_step_between_members_does_not_break_a_true_group_of_three():
    a, b = homework("a", "klubben", step=1), homework("b", "Beboerhuset", step=1)
    c = homework("c", "skolen", step=2)
    offers = [a, b, c, *OTHERS]
    scores = _scores(offers)
    threshold = min(scores[("a", "c")], scores[("b", "c")]) - 0.02  # a step costs 0.05
    assert scores[("a", "b")] >= threshold
    report = find_double_offers(offers, threshold=threshold)
    assert report.groups == [["a", "b", "c"]]


def test_a_near_pair_one_step_apart_stays_apart_without_a_group_to_join():
    a, c = homework("a", "klubben", step=1), homework("c", "skolen", step=2)
    offers = [a, c, *OTHERS]
    threshold = _scores(offers)[("a", "c")] - 0.02
    assert find_double_offers(offers, threshold=threshold).pairs == []
