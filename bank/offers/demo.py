"""The demo catalogue: units from fixtures/units.jsonl, offers from fixtures/offers.jsonl."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from bank.db import utcnow
from bank.offers.interchange import import_offers, load_units
from bank.offers.terms import seed_vocabulary


def _with_review_dates(path: Path) -> io.StringIO:
    """Give offers without `reviewed_at` a spread of review dates, about a quarter stale."""
    lines = []
    now = utcnow().replace(microsecond=0)
    with path.open(encoding="utf-8") as stream:
        for number, text in enumerate(stream):
            if text.strip():
                record = json.loads(text)
                days = (number * 37) % 500  # deterministic; above 365 is stale
                record.setdefault("reviewed_at", (now - timedelta(days=days)).isoformat())
                text = json.dumps(record, ensure_ascii=False) + "\n"
            lines.append(text)
    return io.StringIO("".join(lines))


def load_demo(session: Session, fixtures: Path) -> None:
    """Seed the vocabulary, load the units, import the demo offers (the caller commits)."""
    seed_vocabulary(session)
    units = fixtures / "units.jsonl"
    if units.exists():
        load_units(session, units)
    offers = fixtures / "offers.jsonl"
    if offers.exists():
        import_offers(session, _with_review_dates(offers), offers.name)
