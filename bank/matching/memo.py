"""Bounded memos kept on an object: answers worked out once per key, never pickled."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remembered(owner: Any, name: str, key: K, limit: int, work: Callable[[K], V]) -> V:
    """Return work(key), kept in owner.<name> (a dict emptied when it holds `limit` keys).

    The memo lives in the owner's __dict__, so the owner's __getstate__ can leave it out.
    """
    memo: dict[K, V] = owner.__dict__.setdefault(name, {})
    found = memo.get(key)
    if found is None:
        found = work(key)
        if len(memo) >= limit:
            memo.clear()
        memo[key] = found
    return found
