"""The personal-data check: finds what must never be published in a need (pure, no database).

It looks for CPR numbers (with or without the dash, with a plausible day and month), Danish
phone numbers, e-mail addresses, street addresses, and the citizen's pseudonym or any name
the coordinator recorded for the family. Years, ages, percentages, dates and class numbers
are ordinary text and pass.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KINDS = {
    "cpr": ("a CPR number", "et CPR-nummer"),
    "phone": ("a phone number", "et telefonnummer"),
    "email": ("an e-mail address", "en e-mailadresse"),
    "address": ("a street address", "en adresse"),
    "name": ("a name", "et navn"),
}

_CPR = re.compile(r"(?<![\d.,/-])(\d{2})(\d{2})(\d{2})[ ]?[-‐–]?[ ]?(\d{4})(?![\d.,/-]?\d)")
_PHONE = re.compile(
    r"(?<![\d.,/-])(?:(?:\+|00)45[ ]?)?([2-9]\d(?:[ ]?\d{2}){3})(?![\d]|[.,/-]\d|[ ]?%)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_STREET_WORDS = (
    "vej", "vejen", "gade", "gaden", "allé", "alle", "stræde", "vænget", "vænge", "boulevard",
    "plads", "pladsen", "torv", "torvet", "parken", "stien", "vang", "bakken", "toften",
)
_STREET = "|".join(sorted(_STREET_WORDS, key=len, reverse=True))
# A compound street name (Vestergade 12), or a capitalised name before a street word
# (H.C. Andersens Boulevard 27), followed by a house number that is not an amount of time.
_ADDRESS = re.compile(
    rf"(?:\b[A-ZÆØÅa-zæøåé]{{2,}}(?i:{_STREET})"
    rf"|\b[A-ZÆØÅ][\wæøåé.]*\s+(?i:{_STREET}))"
    r"\s+(\d{1,4}(?:\s?[A-Za-z](?![a-zæøå]))?)\b"
    r"(?!\s*(?:[.,]\s*)?(?:dage?|gange?|timer?|uger?|måneder?|mdr|år|kr|km|min|minutter|"
    r"procent|%|klasse|klassetrin|personer|elever|unge|pladser)\b)",
    re.UNICODE,
)
_LOOKS_LIKE_YEAR = re.compile(r"^(?:19|20)\d{2}$")


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


def plausible_cpr_date(day: int, month: int, year2: int) -> bool:
    """Tell whether DDMMYY could be a real birth date (any century), as a CPR number starts."""
    if not 1 <= month <= 12 or day < 1:
        return False
    leap_possible = year2 % 4 == 0  # 2000 was a leap year, and 1900 is outside our ages
    days = 29 if month == 2 and leap_possible else calendar.monthrange(2001, month)[1]
    return day <= days


def _cpr(text: str) -> Iterable[re.Match]:
    for match in _CPR.finditer(text):
        day, month, year2 = (int(match.group(i)) for i in (1, 2, 3))
        if plausible_cpr_date(day, month, year2):
            yield match


def _phones(text: str) -> Iterable[re.Match]:
    for match in _PHONE.finditer(text):
        digits = match.group(1)
        groups = digits.split(" ")
        if len(groups) == 2 and all(_LOOKS_LIKE_YEAR.match(g) for g in groups):
            continue  # "2019 2020": two years, not a phone number
        yield match


def _name_patterns(pseudonym: str, family_names: Iterable[str]) -> list[re.Pattern]:
    """Return patterns for the pseudonym and each recorded name (and each part of it)."""
    whole = [n.strip() for n in [pseudonym, *family_names] if n and n.strip()]
    patterns = [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])", re.IGNORECASE) for n in whole]
    for name in family_names:
        for part in re.split(r"[\s-]+", name or ""):
            if len(part) >= 3 and part[0].isupper():
                patterns.append(re.compile(rf"(?<!\w){re.escape(part)}(?!\w)"))
    return patterns


def _candidates(text: str, names: list[re.Pattern]) -> Iterable[tuple[str, re.Match]]:
    """Yield (kind, match) in priority order: a span found first is not reported again."""
    yield from (("email", m) for m in _EMAIL.finditer(text))
    yield from (("cpr", m) for m in _cpr(text))
    yield from (("phone", m) for m in _phones(text))
    yield from (("address", m) for m in _ADDRESS.finditer(text))
    for pattern in names:
        yield from (("name", m) for m in pattern.finditer(text))


def check_text(
    fields: Mapping[str, str], pseudonym: str = "", family_names: Iterable[str] = ()
) -> list[Finding]:
    """Return every piece of personal data in the fields, in field order and text order."""
    family_names = list(family_names)
    names = _name_patterns(pseudonym, family_names)
    findings: list[Finding] = []
    for field, text in fields.items():
        text = text or ""
        spans: list[tuple[int, int, str]] = []
        for kind, match in _candidates(text, names):
            start, end = match.span()
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, kind))
        for start, end, kind in sorted(spans):
            findings.append(Finding(kind, field, text[start:end], _snippet(text, start, end)))
    return findings
