"""The second stage: who an offer is for, the least intrusive step, goals covered, what failed."""

from __future__ import annotations

from bank.matching import CatalogueIndex
from bank.matching.audience import (
    Audience,
    need_asks_for,
    offer_audience,
    step_wish,
    tried_sentences,
    without_tried,
)
from bank.matching.concepts import concepts_of
from bank.matching.scoring import inferred_tags
from tests.unit.engine_support import need, offer


def ids(matches) -> list[str]:
    return [m.offer_id for m in matches]


def test_the_target_group_says_who_an_offer_works_with():
    assert offer_audience("Kursus", "Forældre til børn på 3–12 år med uro") == Audience.PARENTS
    assert offer_audience("Gruppe", "Unge på 13–17 år og deres forældre") == Audience.YOUNG
    assert offer_audience("Sparring", "Lærere og pædagoger i udskolingen") == (
        Audience.PROFESSIONALS
    )
    assert offer_audience("Forældrekursus om grænser", "") == Audience.PARENTS
    assert offer_audience("Klubben", "") == Audience.YOUNG


def test_a_need_asks_for_the_parents_only_when_it_says_so():
    written_by_a_parent = ["Vores søn går ikke i skole", "Han skal tilbage i skole"]
    assert Audience.PARENTS not in need_asks_for(written_by_a_parent)
    asking = ["Vores søn går ikke i skole", "At vi som forældre ved, hvad vi skal gøre"]
    assert Audience.PARENTS in need_asks_for(asking)


def test_a_teenagers_own_need_gets_the_offer_for_the_young_person_before_the_parent_course():
    catalogue = [
        offer(
            "p",
            "Kursus om angst hos børn",
            "Vi lærer dig at hjælpe dit barn med angst.",
            target_group="Forældre til børn og unge med angst",
            step=2,
        ),
        offer(
            "y",
            "Samtaler om angst",
            "Samtaler for unge, der har angst.",
            target_group="Unge på 13–17 år med angst",
            step=2,
        ),
    ]
    index = CatalogueIndex.build(catalogue)
    own = need("n", "Jeg har angst", "Jeg har angst hver dag og tør ikke gå ud.", age=15)
    assert ids(index.rank(own)) == ["y", "p"]
    parents = need(
        "n",
        "Vores datter har angst",
        "Vi vil gerne lære at hjælpe hende.",
        goals=("At vi som forældre ved, hvordan vi hjælper med angst",),
        age=15,
    )
    assert "p" in ids(index.rank(parents))[:2]


def test_a_need_that_asks_for_something_small_gets_the_lowest_step_first():
    assert step_wish(["Vi vil gerne starte med noget, der ikke kræver en sag"]) == -1
    assert step_wish(["Der er brug for en akut indsats"]) == 1
    assert step_wish(["Hun har brug for en mentor"]) == 0
    catalogue = [
        offer(oid, "Mentor til unge", "En mentor til unge.", step=step, unit=oid)
        for oid, step in (("tung", 5), ("let", 1))
    ]
    found = CatalogueIndex.build(catalogue).rank(
        need("n", "Mentor", "Hun har brug for en mentor, men det må ikke blive en stor sag.")
    )
    assert ids(found) == ["let", "tung"]
    assert found[1].score < 0.8 * found[0].score


def test_what_was_tried_without_help_goes_down():
    said = tried_sentences(["Han har prøvet en lektiecafé, men det hjalp ikke. Han er træt."])
    assert said and "lektiecafe" in said[0]
    catalogue = [
        offer("cafe", "Lektiecafé", "Hjælp til lektier og skole efter skoletid.", step=1),
        offer("mentor", "Skolementor", "En mentor hjælper med lektier og skole.", step=1),
    ]
    found = CatalogueIndex.build(catalogue).rank(
        need("n", "Hjælp til skole og lektier", "Han har prøvet en lektiecafé, men det hjalp ikke.")
    )
    assert ids(found)[0] == "mentor"


def test_an_offer_whose_title_is_about_something_the_need_never_mentions_goes_down():
    catalogue = [
        offer(
            "fravaer",
            "Tidlig indsats ved bekymrende fravær",
            "Når en elev i klassen har bekymrende fravær, taler læreren med eleven og familien.",
            step=1,
        ),
        offer(
            "familie",
            "Familiebehandling",
            "Familien får hjælp, når der er mange konflikter og skænderier derhjemme.",
            step=1,
        ),
    ]
    teacher = need(
        "n",
        "Elev med mange konflikter",
        "Jeg er lærer for en elev i klassen. Der er bekymrende mange skænderier i familien.",
        age=14,
    )
    assert ids(CatalogueIndex.build(catalogue).rank(teacher)) == ["familie", "fravaer"]


def test_a_need_with_two_goals_gets_offers_for_both_and_each_says_which_goal_it_serves():
    catalogue = [
        offer("s1", "Lektiehjælp i skolen", "Lektier og skole, hjælp til matematik og dansk."),
        offer("s2", "Skolestøtte", "Støtte i skolen til lektier og afleveringer."),
        offer("s3", "Lektiecafé", "Lektier og skole om eftermiddagen."),
        offer("f1", "Fodbold i klubben", "Fodbold og fritid sammen med andre unge i klubben."),
    ]
    goals = ("Klare skolen og lektierne", "Gå til fodbold i fritiden")
    found = CatalogueIndex.build(catalogue).rank(
        need("n", "Skole og fritid", "Han har svært ved skolen og lektierne.", goals=goals), top=3
    )
    assert "f1" in ids(found)
    football = next(m for m in found if m.offer_id == "f1")
    assert football.why["goals"] == ["Gå til fodbold i fritiden"]
    assert "Passer til målet: Gå til fodbold i fritiden" in football.reasons
    school = next(m for m in found if m.offer_id.startswith("s"))
    assert school.why["goals"] == ["Klare skolen og lektierne"]


def test_one_ambiguous_word_is_no_evidence_for_a_concept():
    assert "afhængighed" not in concepts_of("spiller")
    assert "afhængighed" in concepts_of("spiller", weak=True)
    assert "sorg" not in concepts_of("doer")  # døren is a door
    assert not any("afhaeng" in tag for tag in inferred_tags(["spiller", "fodbold"]))
    catalogue = [
        offer("gamble", "Hjælp mod ludomani", "Behandling for spilleafhængighed."),
        offer("club", "Fodboldklub", "Fodbold for unge i klubben."),
    ]
    found = CatalogueIndex.build(catalogue).rank(need("n", "Fodbold", "Han spiller fodbold."))
    assert ids(found)[0] == "club"
    assert "afhængighed" not in found[0].why.get("concepts", [])


def test_two_ambiguous_words_together_say_the_concept():
    catalogue = [
        offer("gamble", "Hjælp mod ludomani", "Behandling for spilleafhængighed."),
        offer("club", "Fodboldklub", "Fodbold for unge i klubben."),
    ]
    found = CatalogueIndex.build(catalogue).rank(
        need("n", "Penge", "Han spiller og satser hver aften og har odds på alt.")
    )
    assert ids(found)[0] == "gamble"


def test_a_tag_is_read_from_text_only_on_two_independent_hits():
    assert inferred_tags(["hash"]) == ()
    assert "misbrug" in inferred_tags(["hash", "alkohol"])


def test_a_sentence_about_the_problem_is_not_taken_for_something_tried():
    said = "Hun har haft ondt i maven, men kommer stadig i skole."
    assert tried_sentences([said]) == []
    assert "maven" in without_tried(said)
    assert step_wish(["Hun har mere end 10 % fravær"]) == 0


def test_an_offer_is_not_said_to_serve_a_goal_it_shares_only_common_words_with():
    clubs = [
        offer(f"k{k}", f"Klub {k}", f"Et fast sted at være om eftermiddagen med {thing}.")
        for k, thing in enumerate(["brætspil", "musik", "madlavning", "ture", "gaming"] * 2)
    ]
    school = [offer(f"s{k}", f"Skolestøtte {k}", "Støtte i skolen til lektier.") for k in range(3)]
    others = [offer(f"x{k}", f"Rådgivning {k}", f"Samtaler om {k}.") for k in range(8)]
    housing = offer("b1", "Bostøtte", "Et værelse at sove i, når du ikke kan bo hjemme.")
    goals = ("Blive i skolen", "Et fast sted at sove")
    found = CatalogueIndex.build([*clubs, *school, *others, housing]).rank(
        need("n", "Skole og et sted at bo", "Hun sover hos veninder.", goals=goals), top=8
    )
    assert "b1" in ids(found) and any(i.startswith("k") for i in ids(found))
    for match in found:
        if match.offer_id.startswith("k"):  # "fast" and "sted" are in most offers here
            assert "Et fast sted at sove" not in match.why.get("goals", [])
    assert "Et fast sted at sove" in next(m for m in found if m.offer_id == "b1").why["goals"]


def test_goals_that_end_with_a_full_stop_are_listed_without_a_stray_one():
    catalogue = [offer("m", "Pengerådgivning", "Hjælp til budget, regninger og økonomi.")]
    goals = ("Styr på min økonomi.", "Betale regningerne til tiden.")
    asked = need("n", "Penge", "Jeg har styr på ingenting med penge og regninger.", goals=goals)
    found = CatalogueIndex.build(catalogue).rank(asked, top=1)
    said = next(r for r in found[0].reasons if r.startswith("Passer til målet"))
    assert ".;" not in said and not said.endswith(".")
