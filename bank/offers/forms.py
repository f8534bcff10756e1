"""The editor form: parse posted fields into offer values, with Danish messages for bad input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bank.offers.models import Referral
from bank.offers.rules import Errors, check_values

TEXT = ("title", "description", "problem", "target_group", "community", "contact")
LINES = ("legal_basis", "activities", "outputs", "outcomes_short", "outcomes_long", "assumptions")
INTS = ("age_min", "age_max", "step", "capacity")
# Field groups validated together as you type (an error box per group on the page).
GROUPS = {"age": ("age_min", "age_max")}


@dataclass
class OfferForm:
    """What the editor typed (kept as typed, to show again) and the values it means."""

    raw: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    errors: Errors = field(default_factory=dict)
    version: int | None = None

    def danish(self, name: str) -> list[str]:
        """Return the Danish messages for a field (or a group of fields)."""
        names = GROUPS.get(name, (name,))
        return [da for n in names for _en, da in self.errors.get(n, [])]


def _lines(text: str) -> list[str]:
    return [line.strip(" \t-•") for line in text.splitlines() if line.strip(" \t-•")]


def parse_offer_form(form: Mapping) -> OfferForm:
    """Turn the posted editor form into offer values; collect Danish errors as well."""
    parsed = OfferForm()
    raw, values, errors = parsed.raw, parsed.values, parsed.errors
    for name in TEXT:
        raw[name] = form.get(name, "")
        values[name] = raw[name].strip()
    for name in LINES:
        raw[name] = form.get(name, "")
        values[name] = _lines(raw[name])
    for name in INTS:
        raw[name] = form.get(name, "").strip()
        if not raw[name]:
            values[name] = None
        elif raw[name].lstrip("-").isdigit():
            values[name] = int(raw[name])
        else:
            errors[name] = [("must be a whole number", "Skriv et helt tal.")]
    chosen = form.getlist("tags") if hasattr(form, "getlist") else list(form.get("tags", []))
    raw["tags"] = chosen
    raw["keywords"] = form.get("keywords", "")
    keywords = [k.strip() for k in raw["keywords"].replace("\n", ",").split(",") if k.strip()]
    values["tags"] = list(dict.fromkeys([*chosen, *keywords]))
    raw["referral"] = form.get("referral", "")
    if raw["referral"] in {r.value for r in Referral}:
        values["referral"] = Referral(raw["referral"])
    elif not raw["referral"]:
        values["referral"] = None
    else:
        errors["referral"] = [("is not a known referral route", "Vælg en af mulighederne.")]
    if form.get("unit"):
        raw["unit"] = values["unit"] = form["unit"]
    version = form.get("version", "")
    parsed.version = int(version) if version.isdigit() else None
    for name, messages in check_values(values).items():
        errors.setdefault(name, messages)
    return parsed


def form_from_offer(offer, vocabulary: set[str]) -> OfferForm:
    """Fill the editor form from a saved offer."""
    parsed = OfferForm(version=offer.version_id)
    raw = parsed.raw
    for name in (*TEXT, *LINES):
        value = getattr(offer, name)
        raw[name] = "\n".join(value) if isinstance(value, list) else value or ""
    for name in INTS:
        value = getattr(offer, name)
        raw[name] = "" if value is None else str(value)
    raw["tags"] = [t for t in offer.tags if t in vocabulary]
    raw["keywords"] = ", ".join(t for t in offer.tags if t not in vocabulary)
    raw["referral"] = offer.referral.value if offer.referral else ""
    raw["unit"] = offer.unit_name
    return parsed
