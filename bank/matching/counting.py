"""Count the words of many texts on every core, exactly as one Analyzer.count pass would."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from bank.matching.blocks import run_blocks
from bank.matching.concepts import phrase_concepts_in
from bank.matching.features import Analyzer
from bank.matching.text import words

TEXTS_PER_BLOCK = 10_000


def count_fields(
    analyzer: Analyzer,
    fields: Sequence[Sequence[str]],
    phrases: Sequence[list[list[str]]],
    workers: int | None = 1,
) -> list[sparse.csr_matrix]:
    """Count each field's texts as `analyzer.count(texts, True, phrases[k])`, field by field.

    Blocks of texts are split into words (in worker processes when `workers` allows more
    than one), each block numbering its words in a vocabulary of its own; this process then
    numbers the new words in the order they first appear, so the vocabulary, the spellings
    kept for display, the phrases and the matrices are the ones counting in one pass gives.
    """
    texts = [text for field in fields for text in field]
    parts = run_blocks(_split_block, texts, len(texts), TEXTS_PER_BLOCK, workers)
    indices, indptr, said = _merge(analyzer, texts, parts)
    matrices, row = [], 0
    width = max(len(analyzer.surface), 1)
    for field, found in zip(fields, phrases, strict=True):
        span = indptr[row : row + len(field) + 1]
        matrix = sparse.csr_matrix(
            (
                np.ones(span[-1] - span[0], dtype=np.float32),
                indices[span[0] : span[-1]],
                span - span[0],
            ),
            shape=(len(field), width),
        )
        matrix.sum_duplicates()
        matrices.append(matrix)
        found.extend(said[row : row + len(field)])
        row += len(field)
    return matrices


Block = tuple[list[str], np.ndarray, np.ndarray, list[list[str]], list[tuple[int, int, int]]]


def _split_block(texts: Sequence[str], start: int, stop: int) -> Block:
    """Split texts start..stop into words numbered in a vocabulary of the block's own.

    Returns the block's words in first-seen order, each text's word numbers (with repeats),
    its phrases, and for each text that brought new words the range of their numbers.
    """
    said, every, lengths = [], [], []
    for row in range(start, stop):
        found = words(texts[row])
        said.append(phrase_concepts_in(found))
        every.extend(found)
        lengths.append(len(found))
    vocab: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # first seen, first
    numbers = np.fromiter(map(vocab.__getitem__, every), dtype=np.int32, count=len(every))
    indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    # A text brings the numbers from the highest one before it (plus one) to its own highest.
    spoken = np.diff(indptr) > 0
    highest = np.zeros(len(lengths), dtype=np.int64)
    if numbers.size:
        highest[spoken] = np.maximum.reduceat(numbers, indptr[:-1][spoken]) + 1
    after = np.maximum.accumulate(highest) if highest.size else highest
    before = np.concatenate(([0], after[:-1]))
    new = np.flatnonzero(after > before)
    return (
        list(vocab),
        numbers,
        indptr,
        said,
        list(zip(new.tolist(), before[new].tolist(), after[new].tolist(), strict=True)),
    )


def _merge(
    analyzer: Analyzer, texts: Sequence[str], parts: Sequence[Block]
) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Number the blocks' words in the analyzer's vocabulary, block after block.

    A text keeps its spelling for display when it brought a word the whole vocabulary did
    not know yet, as in Analyzer.count.
    """
    vocab = analyzer.surface
    indices, indptr = [np.zeros(0, dtype=np.int32)], [np.zeros(1, dtype=np.int64)]
    said: list[list[str]] = []
    offset = row = 0
    for known, numbers, ends, phrases, new in parts:
        before = len(vocab)
        remap = np.asarray([vocab.setdefault(word, len(vocab)) for word in known], dtype=np.int32)
        unknown = remap >= before
        for at, first, last in new:
            if unknown[first:last].any():
                found = [known[k] for k in numbers[ends[at] : ends[at + 1]].tolist()]
                analyzer._remember_spelling(texts[row + at], found)
        indices.append(remap[numbers])
        indptr.append(ends[1:] + offset)
        said.extend(phrases)
        offset += int(ends[-1])
        row += ends.size - 1
    return np.concatenate(indices), np.concatenate(indptr), said
