"""The one adapter between the database and the ranking engine (bank.matching).

Each process keeps one engine index per database and rebuilds it only when the
catalogue version (bumped in the transaction of every offer change) has moved.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import Session

from bank.auth.models import Unit
from bank.matching import CatalogueIndex, OfferRecord
from bank.offers.catalogue import catalogue_version
from bank.offers.fields import PROGRAMME_THEORY
from bank.offers.models import Offer


def offer_record(offer: Offer) -> OfferRecord:
    """Return the engine's record of an offer from the catalogue."""
    parts: list[str] = []
    for name in PROGRAMME_THEORY:
        value = getattr(offer, name)
        parts.extend(value if isinstance(value, list) else [value])
    return OfferRecord(
        id=offer.ref,
        title=offer.title,
        description=offer.description,
        unit=offer.unit_name,
        centre=offer.centre_name,
        tags=tuple(offer.tags or ()),
        age_min=offer.age_min,
        age_max=offer.age_max,
        step=offer.step,
        status=offer.status.value,
        capacity=offer.capacity,
        legal_basis=tuple(offer.legal_basis or ()),
        programme_text="\n".join(p for p in parts if p),
    )


def catalogue_records(session: Session) -> list[OfferRecord]:
    """Return every offer of the catalogue as engine records (the engine applies the filters)."""
    query = sa.select(Offer).options(orm.selectinload(Offer.unit).selectinload(Unit.centre))
    return [offer_record(o) for o in session.scalars(query.order_by(Offer.id))]


@dataclass(frozen=True)
class _Built:
    version: int
    index: CatalogueIndex


_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[sa.Engine, _Built] = weakref.WeakKeyDictionary()


def get_index(session: Session) -> CatalogueIndex:
    """Return the engine index of the catalogue, rebuilt only when its version has moved."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, sa.Connection) else bind
    version = catalogue_version(session)
    built = _indexes.get(engine)
    if built is not None and built.version == version:
        return built.index
    with _lock:
        built = _indexes.get(engine)
        if built is None or built.version != version:
            built = _Built(version, CatalogueIndex.build(catalogue_records(session)))
            _indexes[engine] = built
    return built.index
