"""Mark the words two offers share in their text, matched as the engine matches them.

A word is marked when its Danish stem (after folding æ/ø/å) equals the stem of one of the
shared terms, so "mentoren" is marked for the shared term "mentor".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from bank.ranking import stem, words

_WORD = re.compile(r"[^\W_]+")


def term_stems(terms: Iterable[str]) -> frozenset[str]:
    """Return the stems of every word of the shared terms."""
    return frozenset(stem(w) for term in terms for w in words(term))


def highlight(text: str, terms: Iterable[str]) -> Markup:
    """Return the text, escaped, with every shared word wrapped in <mark>."""
    stems = term_stems(terms)
    if not stems or not text:
        return Markup(escape(text or ""))
    out, last = [], 0
    for match in _WORD.finditer(text):
        folded = words(match.group())
        if folded and all(stem(w) in stems for w in folded):
            out.append(escape(text[last : match.start()]))
            out.append(Markup("<mark>") + escape(match.group()) + Markup("</mark>"))
            last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)
