"""The finder's "Passer til" names a question's goal only when the offer serves that goal."""

from __future__ import annotations

from bank.matching import Match
from bank.plans.finder import _merge


def test_a_hit_for_a_second_goal_it_shares_no_telling_word_with_does_not_fit_it():
    exam = "Lektiehjælp før prøverne"
    morning = "Hjælp til at komme afsted om morgenen"
    found = [
        (Match("klar", 0.6, {"goals": ["Klare prøverne"]}), exam),
        (Match("klar", 0.3, {"terms": ["hjælp"]}), morning),  # a hit there, but serves nothing
        (Match("ven", 0.5, {"goals": ["Komme op om morgenen"]}), morning),
        (Match("ven", 0.4, {"goals": ["Klare prøverne"]}), exam),
    ]
    merged = {match.offer_id: labels for match, labels in _merge(found)}
    assert merged["klar"] == [exam]
    assert merged["ven"] == [morning, exam]


def test_a_question_without_goals_is_fitted_by_every_hit():
    found = [
        (Match("klar", 0.6, {"goals": ["Klare prøverne"]}), "Prøverne"),
        (Match("klar", 0.3, {"terms": ["skole"]}), "Et behov uden mål"),
    ]
    merged = dict((m.offer_id, labels) for m, labels in _merge(found, {"Et behov uden mål"}))
    assert merged["klar"] == ["Prøverne", "Et behov uden mål"]
