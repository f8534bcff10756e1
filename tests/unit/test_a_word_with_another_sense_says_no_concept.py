"""A word whose stem is also another word's does not say that other word's concept."""

import pytest

from bank.matching.concepts import concepts_of
from bank.matching.text import fold


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("kræfter", "pårørende"),  # strength, not cancer ("kræft")
        ("gælder", "økonomi"),  # "det gælder for alle" is no debt
        ("gældende", "økonomi"),
        ("koster", "sundhed"),  # "det koster ikke noget" is no diet
        ("venlige", "venner"),  # kind, not friends
        ("venligst", "venner"),
        ("volder", "adfærd"),  # "det volder ham besvær" is no violence
        ("bandet", "kriminalitet"),  # a music band is no gang
        ("stille", "lektier"),  # quiet, not an essay ("stil")
        ("farlig", "familie"),  # dangerous, not father
        ("døren", "sorg"),  # the door, not dying
        ("værelse", "bolig"),  # "på sit værelse" is his room, not housing
    ],
)
def test_a_word_with_another_sense_is_no_evidence_for_the_concept(word, concept):
    assert concept not in concepts_of(fold(word))


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("kræft", "pårørende"),
        ("kræften", "pårørende"),
        ("gæld", "økonomi"),
        ("gælden", "økonomi"),
        ("gældsrådgivning", "økonomi"),
        ("kost", "sundhed"),
        ("kostvaner", "sundhed"),
        ("ven", "venner"),
        ("venner", "venner"),
        ("vennerne", "venner"),
        ("vold", "adfærd"),
        ("banden", "kriminalitet"),
    ],
)
def test_the_word_itself_still_says_its_concept(word, concept):
    assert concept in concepts_of(fold(word))


def test_an_ambiguous_word_is_weak_evidence_only():
    assert "bolig" in concepts_of(fold("værelse"), weak=True)
    assert "familie" in concepts_of("far", weak=True)
    assert "familie" not in concepts_of(fold("farlige"), weak=True)


def test_a_caseworker_is_no_treatment_and_drowning_is_no_drinking():
    from bank.matching.features import Analyzer

    analyzer = Analyzer()
    analyzer.lexicon = {"sag", "behandler", "familie", "behandling"}  # parts it can split into
    assert "behandl" in analyzer.word_features(fold("sagsbehandleren"))  # the split happens
    assert "~behandling" not in analyzer.word_features(fold("sagsbehandleren"))
    assert "~behandling" in analyzer.word_features(fold("familiebehandling"))
    assert "~misbrug" not in analyzer.word_features(fold("drukner"))
    assert "~misbrug" in analyzer.word_features(fold("druktur"))


def test_two_ambiguous_words_in_a_need_are_chance_three_say_the_concept():
    from bank.matching.features import Analyzer

    analyzer = Analyzer()
    two = analyzer.query_features("Hun savner sin mor og har mistet lysten til alt.", everyday=True)
    three = analyzer.query_features(
        "Hun savner sin mor, har mistet hende i foråret, og tabet fylder alt.", everyday=True
    )
    assert "~sorg" not in two
    assert "~sorg" in three


@pytest.mark.parametrize(
    ("word", "parts", "concept"),
    [
        ("samarbejde", ("samme", "arbejde"), "job"),  # cooperation, not work
        ("nogensinde", ("nogen", "sinde"), "psykisk trivsel"),  # "ever"
        ("gengæld", ("gen", "gæld"), "økonomi"),  # "til gengæld": in return
        ("undskylder", ("und", "skylder"), "økonomi"),  # apologises, owes nothing
        ("fødselsdag", ("fødsel", "dag"), "ung forælder"),  # a birthday is no birth
        ("kropssprog", ("krop", "sprog"), "sprog"),  # body language is no Danish lesson
        ("næringsstoffer", ("næring", "stoffer"), "misbrug"),  # nutrients are no drugs
        ("fagforening", ("fag", "forening"), "fritid"),  # a trade union is no sports club
        ("langsigtet", ("lang", "sigtet"), "kriminalitet"),  # long-term, not charged
    ],
)
def test_a_compound_does_not_say_what_a_part_of_it_would(word, parts, concept):
    from bank.matching.features import Analyzer
    from bank.matching.text import stem

    analyzer = Analyzer()
    analyzer.lexicon = {stem(fold(part)) for part in parts} | {fold(part) for part in parts}
    found = analyzer.word_features(fold(word))
    assert len(found) > 1  # it was split into its parts
    assert "~" + concept not in found
