"""The password rule: long enough, not too long, not common, not a sequence, not your own name."""

from __future__ import annotations

import pytest

from bank.auth.password_rules import common_passwords, password_problems

EMAIL, NAME = "mette.holm@kommune.dk", "Mette Holm"


def _refused(password: str) -> str:
    problems = password_problems(password, EMAIL, NAME)
    assert problems, f"{password!r} was accepted"
    return problems[0][1]


@pytest.mark.parametrize(
    "password",
    [
        "1234567890",
        "0987654321",
        "12345678901234",
        "abcdefghijk",
        "aaaaaaaaaaaa",
        "abababababab",
        "qwertyuiopå",
        "asdfghjklæø",
        "7890123456",
        "1212121212",
    ],
)
def test_sequences_and_repeats_are_refused_in_danish(password):
    message = _refused(password)
    assert "mest brugte" in message or "række eller en gentagelse" in message


@pytest.mark.parametrize(
    "password",
    [
        "password123",
        "Password1234",
        "sommer2026!!",
        "Kodeord12345",
        "adgangskode1",
        "Velkommen123",
        "iloveyou2024",
        "fodbold12345",
    ],
)
def test_common_passwords_alone_or_with_digits_are_refused(password):
    assert _refused(password) == "Adgangskoden er en af de mest brugte. Vælg en anden."


@pytest.mark.parametrize(
    "password", [EMAIL, "METTE.HOLM@kommune.dk", "metteholm2026", "Holm-kodeord-99", "mette.holm!!"]
)
def test_the_users_own_email_or_name_is_refused(password):
    assert _refused(password) == "Adgangskoden må ikke indeholde din e-mailadresse eller dit navn."


def test_too_short_and_too_long_passwords_are_refused_before_anything_else():
    assert _refused("kort") == "Adgangskoden skal være mindst 10 tegn."
    assert _refused("x" * 201) == "Adgangskoden må højst være 200 tegn."


@pytest.mark.parametrize(
    "password",
    ["korrekt-hest-batteri", "demo-adgang-2026", "Gul bil på vej mod Aarhus", "tr0ldmand-i-haven"],
)
def test_good_passwords_pass(password):
    assert password_problems(password, EMAIL, NAME) == []


def test_the_list_of_common_passwords_holds_a_few_hundred_lower_case_entries():
    common = common_passwords()
    assert 300 <= len(common) and all(p == p.lower() for p in common)
    assert {"123456", "password", "qwerty", "kodeord", "adgangskode"} <= common
