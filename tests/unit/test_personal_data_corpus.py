"""A generated corpus measures the personal-data check: ≥ 99 % of personal data found, ≤ 1 %
false alarms on plain Danish with harmless numbers (CVR, P-numbers, weeks, places, years ...).

Hypothesis draws each text (derandomised, so the corpus is the same on every run); a probe
function collects whether the check flagged it, and the test asserts the rate.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bank.needs.personal_data import check_text
from tests.unit.personal_data_samples import (
    FAMILY,
    PSEUDONYM,
    addresses,
    cpr_numbers,
    emails,
    names,
    phone_numbers,
    plain_danish,
)

EXAMPLES = 1000


def flagged(text: str) -> bool:
    """Tell whether the check finds anything in a text."""
    return bool(check_text({"description": text}, PSEUDONYM, FAMILY))


def measure(strategy: st.SearchStrategy, judge: Callable[[str], bool]) -> list[str]:
    """Draw EXAMPLES texts from the strategy; return those the judge says the check got wrong."""
    wrong: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def probe(text: str) -> None:
        if not judge(text):
            wrong.append(text)

    probe()
    return wrong


def _found_rate_is_at_least_99_percent(strategy: st.SearchStrategy) -> None:
    missed = measure(strategy, flagged)
    assert len(missed) <= EXAMPLES // 100, missed[:20]


def test_at_least_99_percent_of_cpr_numbers_in_every_written_form_are_found():
    _found_rate_is_at_least_99_percent(cpr_numbers())


def test_at_least_99_percent_of_phone_numbers_with_any_separators_are_found():
    _found_rate_is_at_least_99_percent(phone_numbers())


def test_at_least_99_percent_of_plain_and_obfuscated_email_addresses_are_found():
    _found_rate_is_at_least_99_percent(emails())


def test_at_least_99_percent_of_recorded_names_in_any_case_and_inflection_are_found():
    _found_rate_is_at_least_99_percent(names())


def test_at_least_99_percent_of_street_addresses_are_found():
    _found_rate_is_at_least_99_percent(addresses())


def test_at_most_1_percent_of_plain_danish_with_harmless_numbers_is_flagged():
    alarms = measure(plain_danish(), lambda text: not flagged(text))
    assert len(alarms) <= EXAMPLES // 100, alarms[:20]
