"""The learned signal in the bank: fit it from decisions, keep every fit, serve the adopted one.

The worker refits (`refit`) when enough new decisions have arrived; each attempt is kept as a
`LearnedFit` row with its cross-validated scores, adopted or not. Every process gives the
newest adopted fit to its catalogue index (`attach_learned`), looking again at most every
LOOK_AGAIN seconds, as it follows the catalogue version for the index itself.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from bank.db import Base, UTCDateTime, utcnow
from bank.matching import CatalogueIndex
from bank.matching.learned import Decision, LearnedModel, fit

LOOK_AGAIN = 10.0  # seconds a process trusts its learned model before it looks for a newer one
Example = tuple[str, str, str, bool]  # (need or goal, its published text, offer ref, fits)
log = logging.getLogger(__name__)


class LearnedFit(Base):
    """One refit of the learned signal: when, on what, how it scored, and whether adopted.

    `decisions` holds the adopted model's examples as [group, text, offer ref, fits]; the
    text is the published, anonymised need (or a goal that passed the personal-data check).
    """

    __tablename__ = "learned_fits"

    id: Mapped[int] = mapped_column(primary_key=True)
    fitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    catalogue_version: Mapped[int] = mapped_column(default=0)
    decision_count: Mapped[int] = mapped_column(default=0)
    needs: Mapped[int] = mapped_column(default=0)
    before: Mapped[float] = mapped_column(sa.Float, default=0.0)
    after: Mapped[float] = mapped_column(sa.Float, default=0.0)
    weight: Mapped[float] = mapped_column(sa.Float, default=0.0)
    adopted: Mapped[bool] = mapped_column(default=False, index=True)
    why: Mapped[str] = mapped_column(sa.Text, default="")
    decisions: Mapped[list] = mapped_column(sa.JSON, default=list)


def refit(
    session: Session,
    index: CatalogueIndex,
    examples: Sequence[Example],
    catalogue_version: int,
    decision_count: int,
) -> LearnedFit:
    """Fit the signal on the decisions' examples, guarded by cross-validation; add the attempt.

    `decision_count` is the number of decisions the attempt answers (what `refit_due` counts).
    """
    decisions = [Decision(g, text, offer, bool(fits)) for g, text, offer, fits in examples]
    result = fit(decisions, index.fit_ranker())
    row = LearnedFit(
        catalogue_version=catalogue_version,
        decision_count=decision_count,
        needs=result.needs,
        before=round(result.before, 4),
        after=round(result.after, 4),
        weight=result.weight,
        adopted=result.adopted,
        why=result.why,
        decisions=[list(e) for e in examples] if result.adopted else [],
    )
    session.add(row)
    log.info("learned signal refit on %d decisions: %s", len(decisions), result.why)
    return row


def latest_fit(session: Session) -> LearnedFit | None:
    """Return the newest refit attempt, adopted or not."""
    return session.scalar(sa.select(LearnedFit).order_by(LearnedFit.id.desc()).limit(1))


def adopted_fit(session: Session) -> LearnedFit | None:
    """Return the fit the ranking uses: the newest adopted one (None: the untrained engine)."""
    query = sa.select(LearnedFit).where(LearnedFit.adopted.is_(True))
    return session.scalar(query.order_by(LearnedFit.id.desc()).limit(1))


def refit_due(session: Session, decision_count: int, threshold: int) -> bool:
    """Tell whether enough decisions arrived since the last attempt to refit."""
    last = latest_fit(session)
    return decision_count - (last.decision_count if last is not None else 0) >= threshold


def forget_fits(session: Session) -> int:
    """Delete every fit, so the ranking is the untrained engine's again; return how many."""
    count = session.scalar(sa.select(sa.func.count(LearnedFit.id))) or 0
    session.execute(sa.delete(LearnedFit))
    return int(count)


_lock = threading.Lock()
_attached: weakref.WeakKeyDictionary[CatalogueIndex, tuple[float, int | None]] = (
    weakref.WeakKeyDictionary()
)


def attach_learned(session: Session, index: CatalogueIndex) -> None:
    """Give the index the newest adopted model (or none), looking at most every LOOK_AGAIN s."""
    now = time.monotonic()
    seen = _attached.get(index)
    if seen is not None and now - seen[0] < LOOK_AGAIN:
        return
    newest = session.scalar(
        sa.select(sa.func.max(LearnedFit.id)).where(LearnedFit.adopted.is_(True))
    )
    with _lock:
        if seen is None or seen[1] != newest:
            row = session.get(LearnedFit, newest) if newest is not None else None
            index.learned = index.learn(_model(row)) if row is not None else None
        _attached[index] = (now, newest)


def forget_attached() -> None:
    """Make every process-local index look for its learned model on the next search (tests)."""
    with _lock:
        _attached.clear()


def _model(row: LearnedFit) -> LearnedModel:
    decisions = tuple(Decision(g, t, o, bool(f)) for g, t, o, f in row.decisions)
    return LearnedModel(decisions, row.weight)
