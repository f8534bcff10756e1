"""The personal-data check finds what would identify a young person, and nothing else."""

from __future__ import annotations

import pytest

from bank.needs.personal_data import check_text, plausible_cpr_date

PSEUDONYM = "Ung A"
FAMILY = ["Bodil Krogh-Madsen", "Tjalfe"]


def found(text: str) -> list[tuple[str, str]]:
    """Return (kind, text found) for a description."""
    return [(f.kind, f.found) for f in check_text({"description": text}, PSEUDONYM, FAMILY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun har CPR 010190-1234 i papirerne", "010190-1234"),
        ("cpr 0101901234", "0101901234"),
        ("født 290200-4321", "290200-4321"),
        ("nr. 311299–1234 med en lang streg", "311299–1234"),
    ],
)
def test_a_cpr_number_with_or_without_the_dash_is_found(text, expected):
    assert found(text) == [("cpr", expected)]


@pytest.mark.parametrize("text", ["3213991234", "0013991234", "310490-1234", "290201-1234"])
def test_ten_digits_that_cannot_be_a_birth_date_are_not_taken_for_a_cpr_number(text):
    assert [kind for kind, _ in found(text)] != ["cpr"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring på 23456789", "23456789"),
        ("ring på 23 45 67 89", "23 45 67 89"),
        ("ring på 2345 6789", "2345 6789"),
        ("ring på +45 23 45 67 89", "+45 23 45 67 89"),
        ("ring på +4523456789", "+4523456789"),
        ("ring på 0045 23456789", "0045 23456789"),
    ],
)
def test_a_danish_phone_number_in_any_common_spelling_is_found(text, expected):
    assert found(text) == [("phone", expected)]


@pytest.mark.parametrize("text", ["skriv til ung.a@example.dk", "mail: MOR+skole@skole-intra.dk"])
def test_an_email_address_is_found(text):
    assert [kind for kind, _ in found(text)] == ["email"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun bor på Vestergade 12, 2. th.", "Vestergade 12"),
        ("adresse: Skolevej 4B", "Skolevej 4B"),
        ("tæt på H.C. Andersens Boulevard 27", "Andersens Boulevard 27"),
        ("bor hos far på Nørre Allé 3", "Nørre Allé 3"),
        ("Kirkestræde 9 ligger tæt på", "Kirkestræde 9"),
        ("i Rosenvænget 14", "Rosenvænget 14"),
        ("mødes på Rådhuspladsen 1", "Rådhuspladsen 1"),
    ],
)
def test_a_street_address_with_a_house_number_is_found(text, expected):
    assert found(text) == [("address", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ung A vil gerne i praktik", "Ung A"),
        ("ung a vil gerne i praktik", "ung a"),
        ("Mor (Bodil Krogh-Madsen) er med", "Bodil Krogh-Madsen"),
        ("Bodil kommer også", "Bodil"),
        ("hun bor hos Tjalfe", "Tjalfe"),
    ],
)
def test_the_pseudonym_and_the_recorded_family_names_are_found(text, expected):
    assert found(text) == [("name", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Hun gik ud af 9. klasse i 2019 og er 16 år.",
        "Han har gået i 7. klasse to gange.",
        "Fremmødet var 45 % sidste år og 80% i år.",
        "Vi mødes den 12.03.2026 kl. 9.30 og igen 1/4.",
        "I skoleåret 2019/2020 og 2020-2021 var der meget fravær.",
        "Klasse 8B, lokale 204, bus 150S.",
        "Han er 17 år og har 2 søskende på 12 og 14 år.",
        "Praktik på en arbejdsplads 2 dage om ugen, 3 timer ad gangen.",
        "Er på vej 2 gange om ugen til træning.",
        "Hun får 12000 kr. om måneden og skylder 3500 kr.",
        "En ung arbejder bedst om morgenen; en ung a-kasse-medlem hjælper.",
        "Hun vil gerne i 10. klasse på efterskole i 2027.",
    ],
)
def test_ordinary_text_with_years_ages_percentages_dates_and_classes_passes(text):
    assert found(text) == []


def test_the_finding_says_what_was_found_in_which_field_with_the_text_around_it():
    findings = check_text(
        {"title": "Fritidsjob", "description": "Hun kan ringes op på 23 45 67 89 efter skole."}
    )
    assert len(findings) == 1
    message = findings[0].danish("Beskrivelse")
    assert "Beskrivelse" in message and "telefonnummer" in message
    assert "»23 45 67 89«" in message and "ringes op på 23 45 67 89 efter" in message
    assert findings[0].field == "description"


def test_every_finding_in_every_field_is_reported_in_order():
    findings = check_text(
        {"title": "Ung A", "description": "Mail ung@a.dk eller 010190-1234"}, PSEUDONYM, FAMILY
    )
    assert [(f.field, f.kind) for f in findings] == [
        ("title", "name"), ("description", "email"), ("description", "cpr"),
    ]


@pytest.mark.parametrize(
    ("day", "month", "year", "plausible"),
    [(29, 2, 0, True), (29, 2, 1, False), (31, 4, 90, False), (31, 12, 99, True),
     (0, 1, 90, False)],
)
def test_cpr_dates_are_checked_for_a_real_day_and_month(day, month, year, plausible):
    assert plausible_cpr_date(day, month, year) is plausible
