"""Published needs as needs.jsonl of interchange.md (anonymised; the age derived now)."""

from __future__ import annotations

import json
from datetime import date
from typing import TextIO

from sqlalchemy.orm import Session

from bank.auth.services import record_audit
from bank.needs.published import visible_needs


def need_line(need, today: date) -> dict:
    """Return one need as an interchange dict: id, title, description, goals, tags, age."""
    return {
        "id": str(need.id),
        "title": need.title,
        "description": need.description,
        "goals": list(need.goal_texts),
        "tags": list(need.tags or ()),
        "age": need.course.citizen.age(today),
    }


def export_needs(session: Session, stream: TextIO, today: date | None = None) -> int:
    """Write every need published to all units as JSON Lines; return how many (audited)."""
    today = today or date.today()
    needs = sorted(visible_needs(session, None), key=lambda n: n.id)
    for need in needs:
        stream.write(json.dumps(need_line(need, today), ensure_ascii=False) + "\n")
    record_audit(session, None, "export", "needs", "needs.jsonl", f"{len(needs)} behov")
    session.commit()
    return len(needs)
