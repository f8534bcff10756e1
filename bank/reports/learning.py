"""What the leader sees of the signal learned from decisions: when it was fitted, on how many."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bank.decisions import services as decisions
from bank.ranking.learning import LearnedFit, adopted_fit, latest_fit


@dataclass(frozen=True)
class LearningState:
    """The fit in use (None: the untrained engine), the last attempt, and decisions standing."""

    used: LearnedFit | None
    last: LearnedFit | None
    decisions: int

    @property
    def last_rejected(self) -> bool:
        """Tell whether the newest attempt was not adopted (the previous fit, or none, stays)."""
        return self.last is not None and not self.last.adopted


def learning_state(session: Session) -> LearningState:
    """Return the learned signal's state for the reports page."""
    return LearningState(
        adopted_fit(session), latest_fit(session), decisions.decision_count(session)
    )
