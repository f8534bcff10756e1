"""The catalogue's engine index, one per process and database, shared through saved files.

Each process keeps one engine index per database and changes it only when the catalogue
version (bumped in the transaction of every offer change) has moved. A built index is saved
under INDEX_DIR (bank.ranking.index_files) and mapped by every other process from the same
files.
"""

from __future__ import annotations

import logging
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.matching import CatalogueIndex, load_index, read_meta, save_index
from bank.offers.models import Offer
from bank.ranking.index_files import (
    Stamp,
    build_lock,
    current_stamp,
    index_root,
    newest_saved,
    prune,
    saved,
)
from bank.ranking.learning import attach_learned
from bank.ranking.records import all_offer_records

BACKGROUND_FROM = 2000  # offers from which a new version is built while the old one serves
OLDER = Stamp(-1, None)  # an earlier saved version, serving until the current one is ready
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Built:
    stamp: Stamp
    index: CatalogueIndex
    source: str  # "built" here, "mapped" from a saved directory, "memory" when not saved
    saved_at: str | None = None


_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[sa.Engine, _Built] = weakref.WeakKeyDictionary()
_building: set[str] = set()


def get_index(session: Session) -> CatalogueIndex:
    """Return the engine index of the catalogue's current version, with its learned model.

    The learned model (bank.ranking.learning) is the newest one adopted from the bank's own
    decisions; the index is the catalogue's (see `catalogue_index`).
    """
    index = catalogue_index(session)
    attach_learned(session, index)
    return index


def catalogue_index(session: Session) -> CatalogueIndex:
    """Return the engine index of the catalogue's current version.

    In order: the one this process holds; the one saved on disk (mapped, shared with the
    other processes); else built here under the build lock and saved. A large catalogue
    (BACKGROUND_FROM offers) is rebuilt in a thread while the previous version serves.
    """
    engine = _engine(session)
    stamp = current_stamp(session)
    built = _indexes.get(engine)
    if built is not None and built.stamp == stamp:
        return built.index
    with _lock:
        built = _indexes.get(engine)
        if built is not None and built.stamp == stamp:
            return built.index
        root = index_root(engine) if stamp.persistent else None
        if root is None:
            return _keep(engine, _Built(stamp, _build(session), "memory")).index
        path = saved(root, stamp)
        if path is not None:
            return _keep(engine, _mapped(path, stamp)).index
        if built is None:
            older = newest_saved(root, BACKGROUND_FROM)
            built = _keep(engine, _mapped(older, OLDER)) if older is not None else None
        if built is not None and len(built.index) >= BACKGROUND_FROM:
            _build_in_background(engine, root)
            return built.index
        return _keep(engine, _build_and_save(session, root, stamp)).index


def warm_index(session: Session) -> None:
    """Load the index before a process takes requests, never blocking on a large build."""
    engine = _engine(session)
    stamp = current_stamp(session)
    root = index_root(engine) if stamp.persistent else None
    small = (session.scalar(sa.select(sa.func.count(Offer.id))) or 0) < BACKGROUND_FROM
    if root is None or small or saved(root, stamp) or newest_saved(root, BACKGROUND_FROM):
        get_index(session)
    else:  # nothing on disk to serve meanwhile: build aside, the first searches wait for it
        _build_in_background(engine, root)


def save_current_index(session: Session) -> Path | None:
    """Build and save the current version's index unless it is on disk (the worker's job)."""
    stamp = current_stamp(session)
    root = index_root(_engine(session)) if stamp.persistent else None
    if root is None:
        return None
    if saved(root, stamp) is None:
        _build_and_save(session, root, stamp)
    return saved(root, stamp)


def index_state(session: Session) -> dict[str, object]:
    """Describe this process's index: version, source, offers, when saved (for /healthz)."""
    built = _indexes.get(_engine(session))
    if built is None:
        return {"loaded": False}
    return {
        "loaded": True,
        "version": built.stamp.version,
        "source": built.source,
        "offers": len(built.index),
        "saved_at": built.saved_at,
    }


def _engine(session: Session) -> sa.Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, sa.Connection) else bind


def _keep(engine: sa.Engine, built: _Built) -> _Built:
    _indexes[engine] = built
    return built


def _build(session: Session) -> CatalogueIndex:
    return CatalogueIndex.build(all_offer_records(session))


def _mapped(path: Path, stamp: Stamp) -> _Built:
    return _Built(stamp, load_index(path), "mapped", read_meta(path).get("saved_at"))


def _build_and_save(session: Session, root: Path, stamp: Stamp) -> _Built:
    """Build under the lock (or map what another process built meanwhile) and save it."""
    with build_lock(root):
        path = saved(root, stamp)
        if path is not None:
            return _mapped(path, stamp)
        index = _build(session)
        try:
            path = save_index(index, root / stamp.name, stamp.name)
        except OSError as error:
            log.warning("could not save the engine index under %s: %s", root, error)
            return _Built(stamp, index, "memory")
        prune(root)
    log.info("built and saved the engine index %s (%d offers)", path, len(index))
    return _mapped(path, stamp)


def _build_in_background(engine: sa.Engine, root: Path) -> None:
    """Start one thread that builds (or waits for) the current version, then swaps it in."""
    key = str(root)
    if key in _building:
        return
    _building.add(key)

    def work() -> None:
        try:
            with Session(engine) as session:
                stamp = current_stamp(session)
                built = _build_and_save(session, root, stamp)
            with _lock:
                _keep(engine, built)
        except Exception:  # the old index keeps serving; the next request tries again
            log.exception("building the engine index in the background failed")
        finally:
            _building.discard(key)

    threading.Thread(target=work, name="bank-index-build", daemon=True).start()
