"""The controlled vocabulary as data, and its ICF chapters."""

from __future__ import annotations

from bank.vocabulary import VOCABULARY, chapters_meet, icf_chapters, label, short_label


def test_every_tag_has_a_unique_slug_a_label_and_a_kind():
    slugs = [term.slug for term in VOCABULARY]
    assert len(slugs) == len(set(slugs)) == 29
    assert all(term.label and term.kind in ("area", "form") for term in VOCABULARY)
    assert sum(term.kind == "area" for term in VOCABULARY) == 22


def test_icf_chapter_is_the_letter_and_first_digit_of_each_code_or_range():
    assert icf_chapters("skole") == {"d8"}
    assert icf_chapters("uddannelse") == {"d8"}
    assert icf_chapters("hverdagsmestring") == {"d2", "d6"}
    assert icf_chapters("psykisk-trivsel") == {"b1", "d2"}
    assert icf_chapters("eftervaern") == {"e3"}
    assert icf_chapters("handicap") == {"b", "s"}


def test_form_tags_and_free_keywords_have_no_chapter():
    assert icf_chapters("mentor") == set()
    assert icf_chapters("lektiehjælp") == set()


def test_a_whole_component_meets_its_chapters():
    assert chapters_meet("b", "b1") and chapters_meet("d8", "d8")
    assert not chapters_meet("d8", "d2")


def test_labels_fall_back_to_the_free_keyword_itself():
    assert label("fravaer") == "Fravær og mødestabilitet"
    assert short_label("fravaer") == "fravær"
    assert label("knallert") == short_label("knallert") == "knallert"
