"""Where the saved engine index lives, and the lock that lets one process build it.

Layout: `<INDEX_DIR>/<database>/<stamp>/` (see the engine's save_index), where `<database>` is
a short hash of the database URL (without its password) and `<stamp>` names the catalogue
version and the engine: `v<version>-<hash of the version's change time>-<engine>`, so two
databases that both reach version 7 never share a directory, and a new release never maps
an older release's files. INDEX_DIR is BANK_INDEX_DIR or instance/index."""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.orm import Session

from bank.matching import engine_fingerprint
from bank.offers.models import CatalogueVersion

ENGINE = engine_fingerprint()  # indexes saved by another release are never mapped

KEEP = 3  # versions kept on disk: the current one and those processes may still map
STALE_TEMP_S = 3600  # a half-written directory this old was left by a crashed builder


@dataclass(frozen=True)
class Stamp:
    """One catalogue version as stored: its number and when it was made."""

    version: int
    changed_at: datetime | None

    @property
    def name(self) -> str:
        """Return the directory name of this version's index (built by this engine)."""
        when = self.changed_at.isoformat() if self.changed_at else "never"
        return f"v{self.version}-{hashlib.sha1(when.encode()).hexdigest()[:10]}-{ENGINE}"

    @property
    def persistent(self) -> bool:
        """Tell whether an index of this version may be saved (version 0 names no state)."""
        return self.version > 0 and self.changed_at is not None


def current_stamp(session: Session) -> Stamp:
    """Return the catalogue's current version and its change time (one small query)."""
    row = session.execute(
        sa.select(CatalogueVersion.version, CatalogueVersion.changed_at).where(
            CatalogueVersion.id == 1
        )
    ).first()
    return Stamp(row[0], row[1]) if row is not None else Stamp(0, None)


def index_root(engine: sa.Engine) -> Path | None:
    """Return the folder for this database's saved indexes, or None when saving is off."""
    base = current_app.config.get("INDEX_DIR") if has_app_context() else None
    if not base:
        return None
    url = engine.url.render_as_string(hide_password=True)
    return Path(str(base)) / hashlib.sha1(url.encode()).hexdigest()[:12]


def saved(root: Path, stamp: Stamp) -> Path | None:
    """Return the directory of a complete saved index of this version, if there is one."""
    path = root / stamp.name
    return path if (path / "meta.json").exists() else None


def newest_saved(root: Path, at_least: int = 0) -> Path | None:
    """Return the most recently saved index with at least this many offers, if any."""
    found = sorted(
        (p for p in root.glob(f"v*-{ENGINE}") if (p / "meta.json").exists()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for path in found:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if meta.get("offers", 0) >= at_least:
            return path
    return None


@contextmanager
def build_lock(root: Path, wait: bool = True) -> Iterator[bool]:
    """Hold the database's build lock (an flock, so one builder per host); yield if held."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "build.lock", "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prune(root: Path, keep: int = KEEP) -> None:
    """Remove all but the newest saved versions and temporary directories left by crashes."""
    versions = sorted(
        (p for p in root.glob("v*") if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in versions[keep:]:
        shutil.rmtree(old, ignore_errors=True)  # a process mapping it keeps its pages
    for temp in root.glob(".v*"):
        if time.time() - temp.stat().st_mtime > STALE_TEMP_S:
            shutil.rmtree(temp, ignore_errors=True)
