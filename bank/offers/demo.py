"""The demo catalogue: units from fixtures/units.jsonl, offers from fixtures/offers.jsonl."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bank.offers.interchange import import_offers, load_units
from bank.offers.terms import seed_vocabulary


def load_demo(session: Session, fixtures: Path) -> None:
    """Seed the vocabulary, load the units, import the demo offers (the caller commits)."""
    seed_vocabulary(session)
    units = fixtures / "units.jsonl"
    if units.exists():
        load_units(session, units)
    offers = fixtures / "offers.jsonl"
    if offers.exists():
        with offers.open(encoding="utf-8") as stream:
            import_offers(session, stream, offers.name)
