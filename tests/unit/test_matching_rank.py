"""Ranking offers for a need and searching the catalogue: filters, order, flags, reasons."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank.matching import CatalogueIndex, NeedRecord
from tests.unit.engine_support import CATALOGUE, need, offer


@pytest.fixture(scope="module")
def index() -> CatalogueIndex:
    return CatalogueIndex.build(CATALOGUE)


def ids(matches) -> list[str]:
    return [m.offer_id for m in matches]


def test_a_need_gets_the_offer_that_fits_it_first(index):
    found = index.rank(need("n1", "Jeg vil gerne have et fritidsjob", tags=("job",), age=17))
    assert ids(found)[0] == "o1"


def test_the_first_stage_finds_every_offer_the_ranking_then_orders(index):
    asked = need("n1", "mentor til job", "En mentorordning og et job", tags=("job",), age=17)
    found = index.candidates(asked)
    assert ids(index.rank(asked, top=50, learned=None)) and set(
        ids(index.rank(asked, top=50, learned=None))
    ) <= set(found)
    assert "o5" not in found and "o6" not in found  # retired and draft offers are not candidates


def test_only_published_offers_are_ranked(index):
    found = index.rank(
        need("n1", "mentor til job", "En mentorordning og et job", tags=("mentor", "job"))
    )
    assert "o5" not in ids(found)  # retired
    assert "o6" not in ids(found)  # draft
    assert "o1" in ids(found)


def test_offers_outside_the_citizens_age_are_never_ranked(index):
    found = index.rank(
        need("n1", "Angst og skole", "Hun er bange for skolen", tags=("psykisk-trivsel",), age=19)
    )
    assert "o2" not in ids(found)  # 13-17
    assert "o3" not in ids(found)
    younger = index.rank(
        need("n2", "Angst og skole", "Hun er bange for skolen", tags=("psykisk-trivsel",), age=14)
    )
    assert ids(younger)[0] == "o2"


def test_equal_fit_puts_the_least_intrusive_step_first():
    twins = [
        offer(
            oid,
            "Mentor til unge",
            "En fast mentor til unge.",
            tags=("mentor",),
            unit="Samme enhed",
            step=step,
        )
        for oid, step in (("a", 4), ("b", 2), ("c", 3))
    ]
    found = CatalogueIndex.build(twins).rank(need("n", "Jeg vil have en mentor", tags=("mentor",)))
    assert ids(found) == ["b", "c", "a"]
    assert found[0].score > found[1].score > found[2].score


def test_equal_fit_and_step_order_by_id():
    twins = [
        offer(oid, "Mentor til unge", "En fast mentor.", tags=("mentor",), unit="U", step=2)
        for oid in ("z", "m", "a")
    ]
    found = CatalogueIndex.build(twins).rank(need("n", "mentor", tags=("mentor",)))
    assert ids(found) == ["a", "m", "z"]


def test_a_full_offer_is_shown_but_marked(index):
    found = index.rank(
        need("n1", "Jeg har angst", "Jeg er bange hver dag", tags=("psykisk-trivsel",), age=15)
    )
    full = next(m for m in found if m.offer_id == "o2")
    assert full.full
    assert "Ingen ledige pladser lige nu" in full.reasons
    assert not next(
        m for m in index.rank(need("n", "job", tags=("job",))) if m.offer_id == "o1"
    ).full


def test_every_match_says_why_in_the_interchange_and_in_danish(index):
    match = index.rank(
        need("n1", "Fritidsjob", "Jeg vil have et job og en mentor", tags=("job", "mentor"), age=16)
    )[0]
    assert match.why["tags"] == ["job", "mentor"]
    assert "fritidsjob" in match.why["terms"]
    assert match.why["age"] == ["15–25 år"] and match.why["step"] == ["2"]
    assert match.reasons[0] == "Fælles emner: job, mentor"
    assert "Alderen passer (15–25 år)" in match.reasons
    assert "Trin 2 på indsatstrappen" in match.reasons


def test_a_shared_icf_chapter_counts_less_than_a_shared_tag():
    offers = [
        offer("same", "Forløb", "Et forløb.", tags=("uddannelse",), unit="A"),
        offer("near", "Forløb", "Et forløb.", tags=("job",), unit="B"),
        offer("far", "Forløb", "Et forløb.", tags=("bolig",), unit="C"),
    ]
    found = CatalogueIndex.build(offers).rank(need("n", "forløb", tags=("uddannelse",)))
    scores = {m.offer_id: m.score for m in found}
    assert scores["same"] > scores["near"] > scores.get("far", 0.0)
    assert next(m for m in found if m.offer_id == "near").why["icf"] == ["d8"]


def test_an_untagged_need_still_matches_on_its_text(index):
    found = index.rank(need("n1", "Ryger hash", "Han ryger cannabis hver dag", age=16))
    assert ids(found)[0] == "o4"


def test_a_compound_in_the_need_meets_the_words_written_apart(index):
    found = index.rank(need("n1", "Fritidsjob", "Jeg leder efter et fritidsjob", age=16))
    assert ids(found)[0] == "o1"


def test_search_finds_offers_despite_misspellings(index):
    assert ids(index.search("mentorodning"))[0] == "o1"
    assert ids(index.search("angs", age=14))[0] == "o2"
    assert ids(index.search("lektiehjælp"))[0] == "o3"


def test_search_obeys_age_tag_centre_unit_and_step_filters(index):
    assert "o2" not in ids(index.search("angst", age=20))
    assert ids(index.search("unge", tags=["misbrug"])) == ["o4"]
    assert ids(index.search("hjælp", unit="Enhed o3")) == ["o3"]
    assert all(index.offer(i).step <= 2 for i in ids(index.search("unge", step_max=2)))
    assert index.search("unge", centre="Intet center") == []


def test_search_without_words_lists_the_filtered_offers_by_step(index):
    assert ids(index.search("", tags=["behandling"])) == ["o4", "o2"] or ids(
        index.search("", tags=["behandling"])
    ) == ["o2", "o4"]
    assert all(m.score == 0.0 for m in index.search("  ", age=15))


def test_rank_filters_by_step_centre_and_tags(index):
    wide = need("n", "Mentor, angst, hash og lektier", tags=("mentor", "misbrug", "skole"))
    assert all(index.offer(i).step <= 2 for i in ids(index.rank(wide, step_max=2)))
    assert ids(index.rank(wide, tags=["misbrug"])) == ["o4"]
    assert index.rank(wide, centre="Intet center") == []


def test_top_limits_the_number_of_matches(index):
    wide = need("n", "Mentor, angst, hash og lektier", tags=("mentor", "misbrug", "skole"))
    assert len(index.rank(wide, top=2)) == 2
    assert index.rank(wide, top=0) == []


def test_the_same_question_gets_the_same_answer(index):
    asked = need("n", "Jeg har angst og ryger hash", tags=("misbrug",), age=16)
    assert index.rank(asked) == index.rank(asked)


needs = st.builds(
    NeedRecord,
    id=st.just("n"),
    title=st.text(max_size=40),
    description=st.sampled_from(["", "angst og skole", "job og mentor", "hash", "lektier"]),
    tags=st.lists(
        st.sampled_from(["job", "mentor", "skole", "misbrug", "bolig", "fri"]), max_size=3
    ).map(tuple),
    age=st.none() | st.integers(min_value=10, max_value=30),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(asked=needs, step_max=st.none() | st.integers(1, 6))
def test_results_respect_the_filters_and_scores_stay_between_zero_and_one(index, asked, step_max):
    found = index.rank(asked, step_max=step_max)
    for match in found:
        chosen = index.offer(match.offer_id)
        assert chosen.status == "published"
        assert chosen.holds_age(asked.age)
        assert step_max is None or (chosen.step or 7) <= step_max
        assert 0.0 <= match.score <= 1.0
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_tags_meet_whatever_their_spelling(index):
    found = index.rank(need("n1", "Job", tags=("Job", "MENTOR")), top=1)
    assert found[0].offer_id == "o1" and found[0].why["tags"] == ["job", "mentor"]
    spaced = index.rank(need("n2", "Angst", tags=("Psykisk Trivsel",), age=14), top=1)
    assert spaced[0].why["tags"] == ["psykisk-trivsel"]


def test_a_title_that_holds_the_search_words_beats_one_that_shares_only_a_small_word():
    from bank.matching.scoring import TitleWords, content_text

    titles = ["Jobmentor på arbejdspladsen", "Mentor til unge, der vil ud af kriminalitet"]
    covered = TitleWords.of([content_text(t) for t in titles]).cover(
        "mentor til job", np.arange(len(titles))
    )
    assert covered[0] == 1.0 and covered[1] == 0.5


def test_offers_that_share_only_words_most_offers_use_are_no_hit():
    filler = [
        offer(f"f{k}", f"Tilbud {k} for unge", f"Hjælp til unge nummer {k} om {topic}.")
        for k, topic in enumerate(
            [
                "sport",
                "musik",
                "dans",
                "teater",
                "kunst",
                "mad",
                "natur",
                "film",
                "spil",
                "foto",
                "rejser",
                "dyr",
                "bøger",
                "kor",
                "skak",
                "yoga",
                "surf",
                "klatring",
                "cykler",
                "haver",
            ]
        )
    ]
    catalogue = [*filler, offer("m", "Jobmentor for unge", "En mentor hjælper unge i job.")]
    found = CatalogueIndex.build(catalogue).search("mentor til unge", top=50)
    assert ids(found) == ["m"]


def test_weaker_matches_are_marked_as_maybe_below_half_the_best_score():
    catalogue = [
        offer("a", "Mentor til job", "En mentor hjælper dig med job."),
        offer(
            "b",
            "Klub",
            "En klub hvor der også er en mentor en gang imellem, "
            "og mange andre ting: sport, musik, mad, film og venner.",
        ),
    ]
    found = CatalogueIndex.build(catalogue).search("mentor job", top=10)
    assert found[0].offer_id == "a" and found[0].hit
    assert [m.hit for m in found[1:]] == [False] * (len(found) - 1)
