"""Concepts: map a word to the everyday meanings it shares with other words (see the table)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bank.matching.concept_table import CONCEPTS, PHRASES
from bank.matching.text import fold, stem

_WORDS = re.compile(r"[a-z0-9]+")
_EXACT: dict[bool, dict[str, list[str]]] = {False: {}, True: {}}
_AS_WRITTEN: dict[bool, dict[str, list[str]]] = {False: {}, True: {}}  # "=" patterns
_PREFIX: dict[bool, dict[str, list[tuple[str, str]]]] = {False: {}, True: {}}
_NOT: list[tuple[str, str]] = []  # "!" patterns: words (and their parts) that do not say it
for _key, (_tag, _patterns) in CONCEPTS.items():
    for _pattern in _patterns:
        if _pattern.startswith("!"):
            _NOT.append((_pattern[1:].rstrip("*"), _key))
            continue
        _weak = _pattern.startswith("?")
        _bare = _pattern.lstrip("?")
        if _bare.endswith("*"):
            _PREFIX[_weak].setdefault(_bare[:3], []).append((_bare[:-1], _key))
        elif _bare.startswith("="):
            _AS_WRITTEN[_weak].setdefault(_bare[1:], []).append(_key)
        else:
            _EXACT[_weak].setdefault(_bare, []).append(_key)


@lru_cache(maxsize=200_000)
def concepts_of(word: str, weak: bool = False) -> tuple[str, ...]:
    """Return the concepts a folded word (or compound part) expresses, in table order.

    With weak=True, return instead the concepts the word may mean but often does not
    (spiller: gambling or football); such a word is evidence only beside another one.
    """
    exact, prefixes = _EXACT[weak], _PREFIX[weak]
    found = set(exact.get(word, ())) | set(exact.get(stem(word), ()))
    found.update(_AS_WRITTEN[weak].get(word, ()))
    found.update(key for prefix, key in prefixes.get(word[:3], ()) if word.startswith(prefix))
    if weak:
        found -= set(concepts_of(word))
    return tuple(key for key in CONCEPTS if key in found)


@lru_cache(maxsize=200_000)
def concepts_not_said(word: str) -> frozenset[str]:
    """Return the concepts a folded word does not say, whatever its parts say.

    A "sagsbehandler" is a caseworker: its part "behandler" says nothing of treatment.
    """
    return frozenset(key for prefix, key in _NOT if word.startswith(prefix))


_PHRASE_STARTS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _key, _phrases in PHRASES.items():
    for _phrase in _phrases:
        _parts = tuple(_phrase.split())
        _PHRASE_STARTS.setdefault(_parts[0], []).append((_parts, _key))


def phrase_concepts(text: str) -> list[str]:
    """Return the concepts said by phrases in a text (one entry per occurrence)."""
    return phrase_concepts_in(_WORDS.findall(fold(text)))


def phrase_concepts_in(found: list[str]) -> list[str]:
    """Return the concepts said by phrases in a list of folded words (longest phrase wins)."""
    said, free = [], 0
    for at in [k for k, word in enumerate(found) if word in _PHRASE_STARTS]:
        fits = [
            (len(parts), key)
            for parts, key in _PHRASE_STARTS[found[at]]
            if at >= free and tuple(found[at : at + len(parts)]) == parts
        ]
        if fits:
            length, key = max(fits)
            said.append(key)
            free = at + length
    return said


_BITS = {"~" + key: 1 << bit for bit, key in enumerate(CONCEPTS)}  # table order, one each
if len(_BITS) >= 64:
    raise ValueError("the concept table holds more concepts than an int64 mask has bits")


def concept_mask(features: Iterable[str]) -> int:
    """Return the concepts among a text's features ("~angst" ...) as one bit each."""
    mask = 0
    for feature in features:
        mask |= _BITS.get(feature, 0)
    return mask


def concept_tag(concept: str) -> str | None:
    """Return the vocabulary tag a concept belongs to, if any."""
    return CONCEPTS[concept][0]
