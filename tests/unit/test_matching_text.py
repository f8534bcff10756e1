"""The Danish normaliser: folding, stop words, stemming, compounds and misspellings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bank.matching.concepts import concepts_of
from bank.matching.features import Analyzer
from bank.matching.text import (
    content_stems,
    display_words,
    fold,
    split_compound,
    stem,
    words,
)


def test_ascii_stand_ins_fold_to_the_same_form_as_danish_letters():
    assert fold("Fravær, Økonomi og Året") == fold("Fravaer, Oekonomi og Aaret")
    assert content_stems("skolefravær") == content_stems("skolefravaer")


def test_aa_is_not_folded_to_a_single_a():
    assert words("år") == ["aar"]
    assert words("år") != words("ar")


def test_accents_and_upper_case_fold_away():
    assert fold("CAFÉ Naïve") == "cafe naive"


@given(st.text())
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_folded_words_are_plain_ascii_letters_and_digits(text):
    assert all(word.isascii() and word.isalnum() for word in words(text))


def test_stemming_meets_inflected_forms():
    assert stem("angsten") == stem("angst")
    assert stem("mentorer") == stem("mentor")
    assert content_stems("skolerne") == content_stems("skole")


def test_stop_words_are_dropped():
    assert content_stems("jeg har ikke lyst til at gå i skole") == ["lyst", stem("gaa"), "skol"]


def test_compounds_split_into_known_words():
    lexicon = {
        "fritid",
        "job",
        "mentor",
        "ordning",
        "skole",
        "fravaer",
        "rus",
        "middel",
        "behandling",
    }
    assert split_compound("fritidsjob", lexicon) == ("fritid", "job")
    assert split_compound("mentorordning", lexicon) == ("mentor", "ordning")
    assert split_compound("rusmiddelbehandling", lexicon) == ("rus", "middel", "behandling")


def test_a_word_that_is_no_compound_stays_whole():
    assert split_compound("behandling", {"handling", "behandling"}) == ()
    assert split_compound("forandring", {"andring"}) == ()  # "for" is a stop word


def test_splitting_never_invents_a_short_part():
    lexicon = {"ung", "unge", "dom", "ungdom", "skole", "skolen"}
    assert split_compound("ungdom", lexicon) == ()
    assert split_compound("ungdoms", lexicon) == ()
    assert split_compound("ungdomsskolen", lexicon) == ("ungdom", "skolen")


def test_a_suffix_is_never_taken_for_the_last_part_of_a_compound():
    lexicon = {"bekymr", "ende", "almindel", "lige", "etable", "ret", "laerer", "ren", "moede"}
    assert split_compound("bekymrende", lexicon) == ()  # a participle, no "ende" (end)
    assert split_compound("almindelige", lexicon) == ()  # an adjective, no "lige"
    assert split_compound("etableret", lexicon) == ()  # a participle, no "ret"
    assert split_compound("laereren", lexicon) == ()  # "the teacher", nothing "clean"
    assert split_compound("laerermoede", lexicon) == ("laerer", "moede")


def test_a_compound_part_stems_like_the_same_word_inflected():
    lexicon = {"fritid", "job", "klub", "skole"}
    modifier, head = split_compound("fritidsklubben", lexicon)
    assert stem(modifier) == stem("fritiden") and stem(head) == stem("klub")
    assert stem(split_compound("fritidsjobbet", lexicon)[1]) == stem("job")


def _analyzer(*texts: str) -> Analyzer:
    analyzer = Analyzer()
    analyzer.count(texts)
    analyzer.fit()
    return analyzer


def test_a_compound_meets_its_parts_written_apart():
    analyzer = _analyzer("Vi hjælper med job i fritiden", "Mentor til alle")
    compound = analyzer.query_features("fritidsjob")
    apart = analyzer.query_features("job i fritiden")
    assert {"job", stem("fritid")} <= set(compound) & set(apart)
    assert "mentor" in analyzer.query_features("mentorordning")


def test_a_misspelt_word_stands_in_for_the_nearest_known_word():
    analyzer = _analyzer("Mentorordning for unge med angst")
    assert stem("mentorordning") in analyzer.query_features("mentorodning")
    assert "angst" in analyzer.query_features("angs")
    assert analyzer.corrections["angs"] == "angst"


def test_everyday_words_for_the_same_thing_share_a_concept():
    assert "angst" in concepts_of("nervoes")
    assert "misbrug" in concepts_of("cannabis")
    assert "misbrug" in concepts_of("hashen")
    assert "fravær" in concepts_of("pjaekker")
    assert "fravær" in concepts_of("skolevaegring")


def test_display_words_keep_the_danish_spelling():
    assert display_words("Lektiehjælp og Fravær") == {
        "lektiehjaelp": "lektiehjælp",
        "og": "og",
        "fravaer": "fravær",
    }


def test_phrases_say_what_no_single_word_says():
    from bank.matching.concepts import phrase_concepts

    said = phrase_concepts("Jeg er kørt ned, tør ikke gå ud og har ikke råd til huslejen.")
    assert said == ["stress", "angst", "økonomi"]
    assert "~stress" in _analyzer("Kursus om stress").query_features("helt kørt ned")


def test_not_knowing_what_to_become_asks_for_guidance_and_speaking_danish_for_language():
    from bank.matching.concepts import phrase_concepts

    assert phrase_concepts("Jeg ved ikke, hvad jeg skal være, og har ingen plan") == [
        "vejledning",
        "vejledning",
    ]
    assert phrase_concepts("Han har bestået Dansk 2 men vil tale dansk uden at tøve") == [
        "sprog",
        "sprog",
    ]
    assert phrase_concepts("Hun fik 4 i dansk og skal være på skolen kl. 8") == []


def test_weighing_oneself_and_losing_weight_say_eating_problems():
    from bank.matching.concepts import phrase_concepts

    said = phrase_concepts("Hun vejer sig hver dag, har tabt sig og spiser ikke i skolen")
    assert said == ["spiseproblemer"] * 3
    assert phrase_concepts("Han har tabt sin telefon og vejer 60 kg") == []


def test_a_short_danish_word_is_not_taken_for_a_typo_of_a_longer_one():
    analyzer = _analyzer("Samtaler om søvn for unge, der ikke kan sove om natten")
    assert not {"soevn", "~søvn"} & set(analyzer.query_features("Min søn har det svært"))
    assert "soevn" in analyzer.query_features("søvnn")  # a real typo is still mended


def test_irregular_forms_stem_like_their_base_form():
    # Snowball alone leaves "gik", "hjalp" and "fik" with stems of their own
    assert stem("gik") == stem("gaa") and stem("hjalp") == stem("hjaelpe")
    assert stem("fik") == stem("faar") and stem("skrev") == stem("skriver")
    assert stem("hjaelper") == stem("hjaelpe")  # regular endings are Snowball's as before


def test_a_saved_index_is_refused_when_a_word_list_of_the_engine_changes(tmp_path, monkeypatch):
    from bank.matching import store

    package = tmp_path / "matching"
    package.mkdir()
    (package / "engine.py").write_text("x = 1\n")
    (package / "words.txt").write_text("mere 6.3\n")
    (tmp_path / "vocabulary.py").write_text("")
    monkeypatch.setattr(store, "__file__", str(package / "store.py"))
    fingerprint = store.engine_fingerprint.__wrapped__  # not the cached one of this release
    before = fingerprint()
    (package / "words.txt").write_text("mere 6.2\n")
    assert fingerprint() != before
