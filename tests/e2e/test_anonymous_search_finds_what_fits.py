"""Anyone searches the catalogue: what fits first, weaker offers apart, true reasons."""

from __future__ import annotations

import re

from bank.matching import CatalogueIndex
from bank.ranking import offer_record

CONCEPT_REASON = re.compile(r"Samme emne med andre ord: (.+)")


def _offer_concepts(demo_catalogue) -> dict[str, set[str]]:
    """Map each offer title to the concepts the engine reads in the offer's own text."""
    offers = list(demo_catalogue.values())
    index = CatalogueIndex.build([offer_record(o) for o in offers])
    names = index.m.analyzer.feature_names()
    found = {}
    for offer in offers:
        columns, _ = index.m.row(index.rows[offer.ref])
        found[offer.title] = {names[c][1:] for c in columns.tolist() if names[c].startswith("~")}
    return found


def test_an_anonymous_search_for_a_job_mentor_shows_job_mentors_first(page, demo_catalogue):
    page.goto("/tilbud")
    page.get_by_label("Søg").fill("mentor til job")
    results = page.locator("#resultater")
    results.get_by_role(
        "link", name="Jobmentor – en fast støtte på din nye arbejdsplads"
    ).wait_for()
    titles = results.locator("ul.results").first.locator("li.hit h2").all_inner_texts()
    assert titles[0].startswith("Jobmentor")  # not the mentor out of crime
    summary = results.locator("p").first.inner_text()
    count = int(summary.split()[0])
    assert count == len(titles) < len(demo_catalogue) / 4
    assert results.get_by_role("heading", name="Måske også").is_visible()


def test_no_reason_names_a_concept_the_offer_does_not_speak_of(page, demo_catalogue):
    concepts = _offer_concepts(demo_catalogue)
    for words in (
        "ungdomsskole",
        "mentor til job",
        "angst",
        "hash",
        "fritidsjob",
        "bolig",
        "skilsmisse",
        "lektier",
    ):
        page.goto(f"/tilbud?q={words}")
        for card in page.locator("#resultater li.hit").all():
            title = card.locator("h2").inner_text()
            for reason in card.locator("ul.reasons li").all_inner_texts():
                said = CONCEPT_REASON.match(reason)
                if said:
                    named = {c.strip() for c in said.group(1).split(",")}
                    assert named <= concepts[title], (words, title, named)
