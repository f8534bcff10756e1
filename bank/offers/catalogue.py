"""The catalogue version: one counter, bumped in the same transaction as every offer change."""

from __future__ import annotations

from typing import cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from bank.db import utcnow
from bank.offers.models import CatalogueVersion

ROW = 1


def catalogue_version(session: Session) -> int:
    """Return the catalogue's version number (0 before the first change)."""
    query = sa.select(CatalogueVersion.version).where(CatalogueVersion.id == ROW)
    return session.scalar(query) or 0


def bump_catalogue_version(session: Session) -> int:
    """Add one to the catalogue version inside the caller's transaction; return the new number.

    The UPDATE locks the row until the transaction ends, so two concurrent changes never
    read the same number; the engine rebuilds its index when the number moves.
    """
    result = session.execute(
        sa.update(CatalogueVersion)
        .where(CatalogueVersion.id == ROW)
        .values(version=CatalogueVersion.version + 1, changed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult, result).rowcount == 0:  # an UPDATE answers with a cursor result
        session.add(CatalogueVersion(id=ROW, version=1, changed_at=utcnow()))
        session.flush()
    return catalogue_version(session)
