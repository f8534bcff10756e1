"""Published needs as needs.jsonl of interchange.md (anonymised; the age derived now)."""

from __future__ import annotations

import json
from datetime import date
from typing import TextIO

from sqlalchemy.orm import Session

from bank.auth.services import record_audit
from bank.needs.published import visible_needs
from bank.ranking import need_record


def export_needs(session: Session, stream: TextIO, today: date | None = None) -> int:
    """Write every need published to all units as JSON Lines; return how many (audited)."""
    today = today or date.today()
    needs = sorted(visible_needs(session, None), key=lambda n: n.id)
    for need in needs:
        stream.write(json.dumps(need_record(need, today).to_dict(), ensure_ascii=False) + "\n")
    record_audit(session, None, "export", "needs", "needs.jsonl", f"{len(needs)} behov")
    return len(needs)
