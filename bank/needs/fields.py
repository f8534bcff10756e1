"""Field validation shared by the need bank's services: (English, Danish) messages per field."""

from __future__ import annotations

from datetime import date

from bank.errors import Errors, Invalid


def text(
    errors: Errors, field: str, value: str | None, max_length: int, required: bool = True
) -> str:
    """Return the stripped text, noting an error when it is missing or too long."""
    value = (value or "").strip()
    if required and not value:
        errors.setdefault(field, []).append(("is required", "Skal udfyldes."))
    elif len(value) > max_length:
        errors.setdefault(field, []).append(
            (f"must be at most {max_length} characters", f"Må højst være {max_length} tegn.")
        )
    return value


def integer(errors: Errors, field: str, value: object, low: int, high: int) -> int | None:
    """Return the value as an int within [low, high], noting an error otherwise."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        errors.setdefault(field, []).append(("must be a whole number", "Skal være et helt tal."))
        return None
    if not low <= number <= high:
        errors.setdefault(field, []).append(
            (f"must be between {low} and {high}", f"Skal være mellem {low} og {high}.")
        )
        return None
    return number


def a_date(errors: Errors, field: str, value: object) -> date | None:
    """Return the value as a date (a date or YYYY-MM-DD), noting an error otherwise."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        errors.setdefault(field, []).append(
            ("must be a date (YYYY-MM-DD)", "Skal være en dato (åååå-mm-dd).")
        )
        return None


def choice(errors: Errors, field: str, value: object, enum_cls):
    """Return the enum member with this value, noting an error otherwise."""
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        errors.setdefault(field, []).append(
            (f"must be one of {allowed}", "Vælg en af mulighederne.")
        )
        return None


def raise_if(errors: Errors) -> None:
    """Raise Invalid with the collected field errors, if any."""
    if errors:
        raise Invalid(errors)


def tags(value: object) -> list[str]:
    """Return tags as a clean list: from a list or a comma-separated string, without repeats."""
    items = value if isinstance(value, list | tuple) else str(value or "").split(",")
    seen: list[str] = []
    for item in items:
        slug = str(item).strip().lower()
        if slug and slug not in seen:
            seen.append(slug)
    return seen
