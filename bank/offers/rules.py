"""The rules an offer's values must keep, and what publishing requires; English and Danish."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bank.errors import Errors

# The one source of field limits: the editor form, the API schema and the import all check
# them (through check_values, which every save runs, and through the schema's validators).
TEXT_LIMITS = {
    "ref": 64,
    "title": 200,
    "description": 10_000,
    "unit": 200,
    "centre": 200,
    "problem": 4_000,
    "target_group": 4_000,
    "community": 2_000,
    "contact": 300,
}
LIST_LIMITS = {  # list field -> (most items, most characters per item)
    "tags": (30, 60),
    "legal_basis": (20, 200),
    "activities": (30, 1_000),
    "outputs": (30, 1_000),
    "outcomes_short": (30, 1_000),
    "outcomes_long": (30, 1_000),
    "assumptions": (30, 1_000),
}
INT_RANGES = {
    "age_min": (0, 99, "Skriv en alder mellem 0 og 99."),
    "age_max": (0, 99, "Skriv en alder mellem 0 og 99."),
    "step": (1, 6, "Vælg et trin fra 1 til 6."),
    "capacity": (0, 10_000, "Skriv et antal pladser mellem 0 og 10.000."),
}

PUBLISH_NEEDS = {
    "title": "Skriv en titel.",
    "description": "Skriv en beskrivelse.",
    "unit": "Vælg en enhed.",
    "age_min": "Skriv, hvilken alder tilbuddet er for (fra).",
    "age_max": "Skriv, hvilken alder tilbuddet er for (til).",
    "tags": "Vælg mindst ét emne.",
    "problem": "Skriv, hvilket problem tilbuddet løser.",
    "activities": "Skriv mindst én aktivitet.",
    "outcomes_short": "Skriv mindst ét resultat (kort eller lang sigt).",
    "community": "Skriv, hvilket fællesskab tilbuddet fører hen mod.",
}


def _add(errors: Errors, field: str, english: str, danish: str) -> None:
    errors.setdefault(field, []).append((english, danish))


def _check_list(errors: Errors, field: str, items: Sequence[Any], most: int, chars: int) -> None:
    if len(items) > most:
        noun = "emner" if field == "tags" else "punkter"
        _add(errors, field, f"must have at most {most} items", f"Højst {most} {noun}.")
    elif any(len(str(item)) > chars for item in items):
        _add(
            errors,
            field,
            f"each item must be at most {chars} characters",
            f"Højst {chars} tegn i hvert punkt.",
        )


def check_values(values: Mapping[str, Any]) -> Errors:
    """Return the field errors in these values (only the fields given are checked)."""
    errors: Errors = {}
    if "title" in values and not str(values["title"] or "").strip():
        _add(errors, "title", "must not be empty", "Skriv en titel.")
    for field, limit in TEXT_LIMITS.items():
        if len(str(values.get(field) or "")) > limit:
            _add(errors, field, f"must be at most {limit} characters", f"Højst {limit} tegn.")
    for field, (most, chars) in LIST_LIMITS.items():
        _check_list(errors, field, values.get(field) or [], most, chars)
    for field, (low, high, danish) in INT_RANGES.items():
        value = values.get(field)
        if value is None:
            continue
        if value < low or (high is not None and value > high):
            english = f"must be between {low} and {high}" if high else f"must be at least {low}"
            _add(errors, field, english, danish)
    age_min, age_max = values.get("age_min"), values.get("age_max")
    ages_valid = not {"age_min", "age_max"} & errors.keys()
    if age_min is not None and age_max is not None and age_min > age_max and ages_valid:
        _add(
            errors,
            "age_max",
            "must not be lower than age_min",
            "Alder til må ikke være lavere end alder fra.",
        )
    return errors


def publish_problems(values: Mapping[str, Any]) -> Errors:
    """Return what is missing before an offer with these values may be published."""
    errors: Errors = {}
    for field, danish in PUBLISH_NEEDS.items():
        present = values.get(field)
        if field == "outcomes_short":
            present = values.get("outcomes_short") or values.get("outcomes_long")
            english = "at least one outcome (short or long term) is required to publish"
        else:
            english = "is required to publish"
        if present is None or present == "" or present == []:
            _add(errors, field, english, danish)
    return errors
