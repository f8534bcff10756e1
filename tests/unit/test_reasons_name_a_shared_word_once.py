"""A reason says a topic is shared "in other words" only when the words really differ."""

from bank.matching.explain import reasons


def test_a_concept_already_shared_as_the_same_word_is_not_said_again():
    said = reasons({"terms": ["mentor", "job"], "concepts": ["mentor", "ensomhed"]})
    assert "Fælles ord: mentor, job" in said
    assert "Samme emne med andre ord: ensomhed" in said


def test_only_concepts_shared_as_words_leave_no_other_words_reason():
    said = reasons({"terms": ["mentor"], "concepts": ["mentor"]})
    assert not any(line.startswith("Samme emne med andre ord") for line in said)


def test_a_concept_met_in_other_words_is_still_said():
    said = reasons({"terms": [], "concepts": ["mentor"]})
    assert "Samme emne med andre ord: mentor" in said
