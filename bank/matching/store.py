"""A built catalogue index on disk, mapped back into memory so processes share one copy.

`save_index` pickles the index with protocol 5 and every numpy buffer out of band (the
arrays of the sparse matrices, the idf, the filters' codes ...) into one `arrays.npy`; the
offer records go one by one into `offers.npy` with their offsets. `load_index` maps both
files read-only with `np.load(mmap_mode="r")` and hands the mapped buffers to the
unpickler, so the arrays are views of the page cache: N processes on one host hold the
big matrices once. Only the small Python objects (the analyzer's vocabulary, titles, ids)
are private to each process; offer records are decoded when an attribute is first read.

A directory is written under a temporary name and renamed into place, so a reader sees a
whole index or none. Pure: numpy and the standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from bank.matching.index import CatalogueIndex, give_back_freed_memory

FORMAT = 1
ALIGN = 64  # every buffer starts on a cache line, as numpy likes its arrays
META, OBJECTS, ARRAYS, OFFERS, OFFSETS = (
    "meta.json",
    "index.pickle",
    "arrays.npy",
    "offers.npy",
    "offsets.npy",
)


class MappedOffers(Sequence):
    """The offer records of a mapped index: ids in memory, the rest decoded when read."""

    def __init__(self, ids: list[str], blob: np.ndarray, offsets: np.ndarray) -> None:
        self.ids, self._blob, self._offsets = ids, blob, offsets

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, row):
        if isinstance(row, slice):
            return [self[r] for r in range(*row.indices(len(self)))]
        return LazyOffer(self, int(row))

    def __iter__(self) -> Iterator[LazyOffer]:
        return (LazyOffer(self, row) for row in range(len(self.ids)))

    def record(self, row: int) -> Any:
        """Decode the full offer record of one row from the mapped file."""
        start, end = int(self._offsets[row]), int(self._offsets[row + 1])
        return pickle.loads(self._blob[start:end].data)


class LazyOffer:
    """An offer record whose id is at hand and whose other fields are decoded on first use."""

    __slots__ = ("_offers", "_record", "_row", "id")

    def __init__(self, offers: MappedOffers, row: int) -> None:
        self._offers, self._row, self._record = offers, row, None
        self.id = offers.ids[row]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        record = self._record
        if record is None:
            record = self._record = self._offers.record(self._row)
        return getattr(record, name)

    def __repr__(self) -> str:
        return f"LazyOffer({self.id!r})"


@cache
def engine_fingerprint() -> str:
    """Return a hash of the engine's code and this file format: a saved index fits only it.

    The files hold pickled engine objects, so an index saved by another release (or another
    edit of bank/matching, its word lists included) is never mapped: its directory name and
    metadata differ.
    """
    digest = hashlib.sha1(f"format {FORMAT}".encode())
    package = Path(__file__).resolve().parent
    sources = sorted([*package.glob("*.py"), *package.glob("*.txt")])  # code and word lists
    for source in [*sources, package.parent / "vocabulary.py"]:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def save_index(index: CatalogueIndex, directory: str | Path, version: str) -> Path:
    """Write an index to `directory` atomically (temp dir, then rename); return the path."""
    target = Path(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _write(index, work, version)
        give_back_freed_memory()  # the pickles written
        try:
            os.rename(work, target)
        except OSError:
            if not (target / META).exists():  # someone else's copy would be just as good
                raise
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def load_index(directory: str | Path) -> CatalogueIndex:
    """Map a saved index read-only; its arrays stay in the files (shared page cache)."""
    where = Path(directory)
    meta = json.loads((where / META).read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{where}: index format {meta.get('format')!r}, expected {FORMAT}")
    if meta.get("engine") != engine_fingerprint():
        raise ValueError(
            f"{where}: saved by another engine ({meta.get('engine')}),"
            f" this one is {engine_fingerprint()}"
        )
    arrays = np.load(where / ARRAYS, mmap_mode="r")
    buffers = [memoryview(arrays[start:end]) for start, end in meta["buffers"]]
    blob = np.load(where / OFFERS, mmap_mode="r")
    offsets = np.load(where / OFFSETS, mmap_mode="r")
    offers = MappedOffers([], blob, offsets)

    def mapped(pid: object) -> MappedOffers:
        if pid != "offers":
            raise pickle.UnpicklingError(f"unknown reference {pid!r} in {where}")
        return offers

    with open(where / OBJECTS, "rb") as objects:
        unpickler = pickle.Unpickler(objects, buffers=buffers)
        unpickler.persistent_load = mapped  # type: ignore[method-assign]
        index = unpickler.load()
    if not isinstance(index, CatalogueIndex):
        raise ValueError(f"{where} does not hold a catalogue index")
    ids: list[str] = [""] * len(index.rows)
    for offer_id, row in index.rows.items():
        ids[row] = offer_id
    offers.ids = ids
    return index


def read_meta(directory: str | Path) -> dict[str, Any]:
    """Return a saved index's metadata (version, offers, bytes, saved_at)."""
    return dict(json.loads((Path(directory) / META).read_text(encoding="utf-8")))


def _write(index: CatalogueIndex, work: Path, version: str) -> None:
    """Write the four files of an index into an empty directory."""
    offers = index.offers
    blob = bytearray()  # one growing buffer: 100,000 pickles kept apart stay in the heap
    offsets = np.zeros(len(offers) + 1, dtype=np.int64)
    for row, offer in enumerate(offers):
        blob += pickle.dumps(offer, protocol=5)
        offsets[row + 1] = len(blob)
    np.save(work / OFFERS, np.frombuffer(blob, dtype=np.uint8))
    np.save(work / OFFSETS, offsets)
    del blob

    buffers: list[pickle.PickleBuffer] = []
    with open(work / OBJECTS, "wb") as objects:
        pickler = pickle.Pickler(objects, protocol=5, buffer_callback=buffers.append)
        pickler.persistent_id = (  # type: ignore[method-assign]
            lambda obj: "offers" if obj is offers else None
        )
        pickler.dump(index)
    spans, total = [], 0
    for buffer in buffers:
        size = buffer.raw().nbytes
        spans.append((total, total + size))
        total += size + (-size) % ALIGN
    _save_packed(work / ARRAYS, buffers, spans, total)
    meta = {
        "format": FORMAT,
        "engine": engine_fingerprint(),
        "version": version,
        "offers": len(offers),
        "buffers": spans,
        "bytes": int(total),
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (work / META).write_text(json.dumps(meta), encoding="utf-8")
    for name in (META, OBJECTS, ARRAYS, OFFERS, OFFSETS):
        with open(work / name, "rb") as written:
            os.fsync(written.fileno())


def _save_packed(
    path: Path, buffers: Sequence[pickle.PickleBuffer], spans: list[tuple[int, int]], total: int
) -> None:
    """Write the buffers as one uint8 .npy of `total` bytes, each at its span, zeros between.

    The same file as np.save of the packed array, written buffer by buffer, so saving does
    not hold a second copy of every matrix.
    """
    header = {"descr": "|u1", "fortran_order": False, "shape": (total,)}
    with open(path, "wb") as out:
        np.lib.format.write_array_header_1_0(out, header)
        at = 0
        for (start, end), buffer in zip(spans, buffers, strict=True):
            out.write(bytes(start - at))
            out.write(buffer.raw())
            at = end
        out.write(bytes(total - at))
