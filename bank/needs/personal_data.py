"""The personal-data check: finds what must never be published in a need (pure, no database).

The text is normalised first (NFKC, every dash and space variant, invisible characters), then
searched for CPR numbers in any common written form (day and month validated), Danish phone
numbers with any separators, e-mail addresses (also obfuscated: (at), [at], "at ... dot dk"),
street addresses, and the citizen's pseudonym or any name the coordinator recorded for the
family, in any case, hyphenated or in the genitive. CVR and P-numbers, years, ages,
percentages, dates, weeks, places and class numbers are ordinary text and pass. The patterns
live in `personal_data_patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bank.needs.personal_data_patterns import (
    cpr_numbers,
    email_addresses,
    name_patterns,
    normalise,
    phone_numbers,
    street_addresses,
)

KINDS = {
    "cpr": ("a CPR number", "et CPR-nummer"),
    "phone": ("a phone number", "et telefonnummer"),
    "email": ("an e-mail address", "en e-mailadresse"),
    "address": ("a street address", "en adresse"),
    "name": ("a name", "et navn"),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: what kind, in which field, the text found and its context."""

    kind: str
    field: str
    found: str
    snippet: str

    def english(self, field_label: str | None = None) -> str:
        """Say in English what was found and where."""
        what = KINDS[self.kind][0]
        where = field_label or self.field
        return f'{where} contains {what}: "{self.found}" (in "{self.snippet}")'

    def danish(self, field_label: str | None = None) -> str:
        """Say in Danish what was found and where, so the coordinator can rewrite it."""
        what = KINDS[self.kind][1]
        return (
            f"{field_label or self.field} indeholder {what}: »{self.found}« "
            f"(i »{self.snippet}«). Skriv det om, så den unge ikke kan genkendes."
        )


def _snippet(text: str, start: int, end: int, width: int = 25) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _candidates(text: str, names: list[re.Pattern]) -> Iterable[tuple[str, re.Match]]:
    """Yield (kind, match) in priority order: a span found first is not reported again."""
    yield from (("email", m) for m in email_addresses(text))
    yield from (("cpr", m) for m in cpr_numbers(text))
    yield from (("phone", m) for m in phone_numbers(text))
    yield from (("address", m) for m in street_addresses(text))
    for pattern in names:
        yield from (("name", m) for m in pattern.finditer(text))


def check_text(
    fields: Mapping[str, str], pseudonym: str = "", family_names: Iterable[str] = ()
) -> list[Finding]:
    """Return every piece of personal data in the fields, in field order and text order."""
    names = name_patterns(pseudonym, list(family_names))
    findings: list[Finding] = []
    for field, original in fields.items():
        original = original or ""
        text, where = normalise(original)
        spans: list[tuple[int, int, str]] = []
        for kind, match in _candidates(text, names):
            start, end = match.span()
            if start < end and not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, kind))
        for start, end, kind in sorted(spans):
            first, last = where[start], where[end - 1] + 1
            found = original[first:last]
            findings.append(Finding(kind, field, found, _snippet(original, first, last)))
    return findings
