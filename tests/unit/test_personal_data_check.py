"""The personal-data check finds what would identify a young person, and nothing else."""

from __future__ import annotations

import pytest

from bank.needs.personal_data import check_text
from bank.needs.personal_data_patterns import cpr_date_is_valid

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
        ("title", "name"),
        ("description", "email"),
        ("description", "cpr"),
    ]


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("2902004321", True),
        ("2902011234", False),
        ("3104901234", False),
        ("3112991234", True),
        ("0001901234", False),
        ("0906202797", True),
    ],
)
def test_cpr_dates_are_checked_for_a_real_day_and_month_in_the_century_the_serial_gives(
    digits, valid
):
    assert cpr_date_is_valid(digits) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CPR-nr.090620-2797", "090620-2797"),
        ("født 09.06.20-2797", "09.06.20-2797"),
        ("cpr 09 06 20 2797", "09 06 20 2797"),
        ("cpr 090620/2797", "090620/2797"),
        ("cpr 090620—2797 (em dash)", "090620—2797"),
        ("cpr 090620−2797 (minus)", "090620−2797"),
        ("cpr 090620\u00a02797 (nbsp)", "090620\u00a02797"),
        ("cpr 090620\t2797 (tab)", "090620\t2797"),
        ("cpr ０９０６２０-２７９７ (fullwidth)", "０９０６２０-２７９７"),
        ("cpr 090620\u200b-2797 (zero width space)", "090620\u200b-2797"),
    ],
)
def test_a_cpr_number_in_the_forms_the_probe_missed_is_found(text, expected):
    assert found(text) == [("cpr", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring 12.34.56.78", "12.34.56.78"),
        ("ring 12-34-56-78", "12-34-56-78"),
        ("ring +45-12-34-56-78", "+45-12-34-56-78"),
        ("tlf.12345678", "12345678"),
        ("ring 123 456 78", "123 456 78"),
        ("ring 23\u00a045\u00a067\u00a089", "23\u00a045\u00a067\u00a089"),
        ("ring 23.45.67.89.", "23.45.67.89"),
    ],
)
def test_a_phone_number_in_the_forms_the_probe_missed_is_found(text, expected):
    assert found(text) == [("phone", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "skriv til ung(at)mail.dk",
        "skriv til ung[at]mail[dot]dk",
        "skriv til ung @ mail.dk",
        "skriv til ung at mail dot dk",
        "skriv til ung AT mail DOT dk",
        "skriv til ung＠mail.dk",
        "skriv til ung (at) mail (punktum) dk",
    ],
)
def test_an_obfuscated_email_address_is_found(text):
    assert [kind for kind, _ in found(text)] == ["email"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fiktivsens mor er syg", "Fiktivsens"),
        ("hos fiktivsen", "fiktivsen"),
        ("GITTE FIKTIVSEN ringede", "GITTE FIKTIVSEN"),
        ("Ung-A vil gerne", "Ung-A"),
        ("Ung A's mor", "Ung A's"),
        ("Tjalfes cykel", "Tjalfes"),
    ],
)
def test_a_recorded_name_in_any_case_genitive_or_hyphenated_is_found(text, expected):
    found_names = [
        (f.kind, f.found)
        for f in check_text({"description": text}, PSEUDONYM, [*FAMILY, "Gitte Fiktivsen"])
    ]
    assert found_names == [("name", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun bor på Toften 7", "Toften 7"),
        ("adressen er Ringvej Syd 104", "Ringvej Syd 104"),
        ("Gammel Kongevej 10", "Kongevej 10"),
        ("i Bøgeparken 3", "Bøgeparken 3"),
        ("på Strandboulevarden 12", "Strandboulevarden 12"),
        ("bor på nørre allé 5", "nørre allé 5"),
    ],
)
def test_a_street_address_with_a_common_danish_street_word_is_found(text, expected):
    assert found(text) == [("address", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Virksomheden har CVR 29189706.",
        "CVR-nr. 12345678",
        "P-nr. 1012345678",
        "Pladser: 20 30 40 50",
        "Uge 34 35 36 37",
        "I ugerne 34 35 36 37 er der lukket.",
        "Træning kl. 20.30-22.30",
        "Mødet er den 24.12.2026.",
        "Hun har svært ved at se. Nu får hun briller.",
        "Budgettet er 12.500.000 kr.",
        "Han tager en omvej 3 gange om ugen.",
    ],
)
def test_business_numbers_weeks_places_times_and_amounts_are_not_personal_data(text):
    assert found(text) == []


def test_a_pseudonym_whose_letter_makes_a_word_is_not_found_in_that_word():
    text = "De unge kommer, og de UNGE får hjælp. Ung E kommer også, og ung-e's mor."
    findings = check_text({"description": text}, "Ung E", [])
    assert [f.found for f in findings] == ["Ung E", "ung-e's"]
