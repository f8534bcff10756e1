"""The offer's editable fields: their kind and their Danish label, shared by forms and history."""

from __future__ import annotations

# Field name (as on the Offer model) -> (kind, Danish label). Kinds: text, lines, int, choice.
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("text", "Titel"),
    "description": ("text", "Beskrivelse"),
    "unit": ("choice", "Enhed"),
    "tags": ("lines", "Emner"),
    "age_min": ("int", "Alder fra"),
    "age_max": ("int", "Alder til"),
    "step": ("int", "Trin på indsatstrappen"),
    "legal_basis": ("lines", "Lovgrundlag"),
    "problem": ("text", "Problem"),
    "target_group": ("text", "Målgruppe"),
    "activities": ("lines", "Aktiviteter"),
    "outputs": ("lines", "Leverancer"),
    "outcomes_short": ("lines", "Kortsigtede resultater"),
    "outcomes_long": ("lines", "Langsigtede resultater"),
    "community": ("text", "Fællesskab"),
    "assumptions": ("lines", "Antagelser"),
    "capacity": ("int", "Ledige pladser"),
    "contact": ("text", "Kontaktperson"),
    "referral": ("choice", "Sådan kommer man i gang"),
    "status": ("choice", "Status"),
    "reviewed_at": ("date", "Sidst bekræftet"),
}

# The programme theory's parts, in the order of the chain drawn on the offer page.
PROGRAMME_THEORY = (
    "problem",
    "target_group",
    "activities",
    "outputs",
    "outcomes_short",
    "outcomes_long",
    "community",
    "assumptions",
)

# What an offer must have before it is published (issue: the publish rules).
REQUIRED_TO_PUBLISH = (
    "title",
    "description",
    "unit",
    "age_min",
    "age_max",
    "tags",
    "problem",
    "activities",
    "outcomes",
    "community",
)

STEP_LABELS = {
    1: "1 · Åben rådgivning og almene fællesskaber",
    2: "2 · Forebyggende tilbud i nærmiljøet",
    3: "3 · Korte, målrettede forløb",
    4: "4 · Længere, intensive forløb",
    5: "5 · Omfattende støtte i hjemmet",
    6: "6 · Anbringelse uden for hjemmet",
}


def label(field: str) -> str:
    """Return the Danish label of an offer field."""
    if field == "created":
        return "Oprettet"
    if field == "retired_reason":
        return "Grund til at tage tilbuddet ud"
    return FIELDS.get(field, ("text", field))[1]
