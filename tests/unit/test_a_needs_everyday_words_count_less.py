"""A need's words count less the commoner they are in general Danish (bank.matching.frequency)."""

from __future__ import annotations

from bank.matching import CatalogueIndex, frequency
from bank.matching.frequency import FLOOR, everyday_weight
from tests.unit.engine_support import need, offer


def test_danish_words_count_less_and_telling_words_count_fully():
    assert everyday_weight("autisme") == 1.0  # a word of general Danish, but a rare one
    assert everyday_weight("angst") == 1.0  # listed, but not common enough to lose weight
    assert FLOOR <= everyday_weight("mere") < everyday_weight("skole") < 1.0
    assert everyday_weight("naesten") < 1.0  # folded as the engine folds "næsten"


def test_the_list_of_danish_words_is_folded_and_sorted_commonest_first():
    listed = [
        line.split()
        for line in frequency.WORDS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(listed) > 20000
    assert all(word.isascii() and word.isalpha() and word == word.lower() for word, _ in listed)
    zipfs = [float(z) for _, z in listed]
    assert zipfs == sorted(zipfs, reverse=True)


CHATTY_NEED = need(
    "n",
    "Vores søn har autisme",
    "Vores søn har autisme. Han siger hele tiden, at han ikke har nogen at være sammen med, "
    "og vi er bekymrede. Vi ved ikke, hvad vi mere kan gøre, og det fylder hele tiden.",
    age=14,
)
CATALOGUE = [
    offer(
        "talk",
        "Samtaler for bekymrede forældre",
        "Er I bekymrede? Vi taler med jer om det, der fylder hele tiden, og om hvad I kan gøre "
        "mere af derhjemme. Mange forældre siger, at det hjælper at tale med nogen.",
        age_min=0,
        age_max=17,
        step=1,
    ),
    offer(
        "club",
        "Klub for unge med autisme",
        "En klub med faste rammer for unge med autisme, hvor man møder andre og laver "
        "aktiviteter i små grupper to aftener om ugen.",
        age_min=12,
        age_max=18,
        step=1,
    ),
]


def test_the_offer_that_shares_the_need_s_telling_word_comes_before_the_one_that_shares_its_chat():
    index = CatalogueIndex.build(CATALOGUE)
    assert [m.offer_id for m in index.rank(CHATTY_NEED)][0] == "club"


def test_without_the_weights_the_chat_would_win(monkeypatch):
    monkeypatch.setattr(frequency, "FLOOR", 1.0)  # every word counts fully: the old engine
    index = CatalogueIndex.build(CATALOGUE)
    assert [m.offer_id for m in index.rank(CHATTY_NEED)][0] == "talk"


def test_a_search_counts_every_word_it_was_given_and_only_a_need_counts_danish_words_less():
    analyzer = CatalogueIndex.build(CATALOGUE).m.analyzer
    search = analyzer.query_features("mere autisme")
    needed = analyzer.query_features("mere autisme", everyday=True)
    (common,) = analyzer.features_of("mere")
    assert needed[common] < search[common] == 1.0
    for telling in analyzer.features_of("autisme"):  # the word, and the concept it says
        assert needed[telling] == search[telling]


def test_a_real_word_is_never_taken_for_a_typo_of_a_catalogue_word():
    grief = offer(
        "grief", "Sorggruppe", "En gruppe om morgenen for unge, der sørger over en, de har mistet."
    )
    analyzer = CatalogueIndex.build([grief, *CATALOGUE]).m.analyzer
    for word in ("spoerger", "soerrger", "morgen"):
        analyzer.features_of(word)
    # "spørger" (asks) is a word of its own; "sørrger" is a typo; "morgen" a form of "morgenen"
    assert analyzer.corrections == {"soerrger": "soerger", "morgen": "morgenen"}


def test_the_reasons_never_name_a_need_s_chatty_words_as_what_it_shares_with_an_offer():
    index = CatalogueIndex.build(CATALOGUE)
    talk = next(m for m in index.rank(CHATTY_NEED) if m.offer_id == "talk")
    shared = next(r for r in talk.reasons if r.startswith("Fælles ord: "))
    assert "bekymrede" in shared
    assert not {"hele", "mere", "siger", "tiden"} & set(shared[len("Fælles ord: ") :].split(", "))
