"""Bounded memos kept on an object: answers worked out once per key, never pickled.

Every memo of an object lives under one attribute, MEMOS, so `forget` empties them all and
`without_memos` leaves them all out of a pickled state.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
MEMOS = "_memos"


def remembered(owner: Any, name: str, key: K, limit: int, work: Callable[[K], V]) -> V:
    """Return work(key), kept in the owner's memo `name` (emptied when it holds `limit`)."""
    memos = owner.__dict__.get(MEMOS)
    memo: dict[K, V] | None = memos.get(name) if memos is not None else None
    if memo is not None:
        found = memo.get(key)
        if found is not None:
            return found
    else:  # the first answer of this memo (or of any memo of the owner)
        memo = owner.__dict__.setdefault(MEMOS, {}).setdefault(name, {})
    found = work(key)
    if len(memo) >= limit:
        memo.clear()
    memo[key] = found
    return found


def memo_of(owner: Any, name: str) -> dict[Any, Any]:
    """Return the owner's memo `name` itself, to look many keys up without a call each."""
    memo: dict[Any, Any] = owner.__dict__.setdefault(MEMOS, {}).setdefault(name, {})
    return memo


def forget(owner: Any) -> None:
    """Empty every memo of an object (its answers no longer hold)."""
    owner.__dict__.pop(MEMOS, None)


def without_memos(owner: Any) -> dict[str, object]:
    """Return an object's state for pickling, without its memos (for __getstate__)."""
    state = dict(owner.__dict__)
    state.pop(MEMOS, None)
    return state
