"""Shared test data for the offer catalogue: a complete offer and helpers to make one."""

from __future__ import annotations

from bank.offers.services import create_offer
from bank.offers.terms import seed_vocabulary

UNIT = "Ungdomsskolen"
CENTRE = "Center for Børn og Familier"


def complete_values(**overrides) -> dict:
    """Return the values of an offer that has everything publishing requires."""
    values = {
        "title": "Lektiecafé for unge",
        "description": "Vi hjælper dig med lektier. Du kan komme hver tirsdag. Det er gratis.",
        "unit": UNIT,
        "tags": ["skole", "gruppe", "lektier"],
        "age_min": 13,
        "age_max": 17,
        "step": 2,
        "legal_basis": ["Folkeskoleloven"],
        "problem": "Unge går i stå med lektierne og mister lysten til skolen.",
        "target_group": "Elever i 7.–10. klasse",
        "activities": ["Lektiehjælp to timer om ugen", "Samtale med en voksen"],
        "outputs": ["40 unge om året"],
        "outcomes_short": ["Flere afleverede opgaver"],
        "outcomes_long": ["Flere tager en ungdomsuddannelse"],
        "community": "Skolens klassefællesskab",
        "assumptions": ["De unge kommer frivilligt"],
        "capacity": 12,
        "contact": "Mette Holm, 12 34 56 78",
        "referral": "direct",
    }
    values.update(overrides)
    return values


def editor_of(make_user, unit: str = UNIT, name: str = "Eva Redaktør", email=None):
    """Add an editor of the unit (in the demo centre)."""
    return make_user("editor", unit=unit, centre=CENTRE, name=name, email=email)


def add_offer(session, editor, publish: bool = False, **overrides):
    """Add a complete offer as the editor (published if asked) and commit."""
    seed_vocabulary(session)
    values = complete_values(**overrides)
    if publish:
        values["status"] = "published"
    offer = create_offer(session, editor, values)
    session.commit()
    return offer
