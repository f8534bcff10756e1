"""Baselines the engine must beat: BM25 (rank-bm25) and PostgreSQL full-text search (danish).

Both see the same fields and obey the same hard filters as the engine (published offers
whose age range holds the need's age); they differ only in how text is matched. For double
offers both flag mutual nearest neighbours whose score, relative to an offer's score
against itself, reaches DOUBLE_SHARE.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi

from bank.matching import NeedRecord, OfferRecord

DOUBLE_SHARE = 0.4  # the best of a few shares on the public set, to be fair to them
_TOKEN = re.compile(r"\w+")


def offer_text(offer: OfferRecord) -> str:
    """Return the text a baseline indexes for an offer."""
    return " ".join((offer.title, offer.description, offer.programme_text, " ".join(offer.tags)))


def need_text(need: NeedRecord) -> str:
    """Return the text a baseline queries with for a need."""
    return " ".join((need.title, need.description, *need.goals, *need.tags))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, the way a plain BM25 setup splits text."""
    return _TOKEN.findall(text.lower())


class BM25Baseline:
    """Okapi BM25 over lower-cased words, no stemming and no Danish handling."""

    def __init__(self, offers: Sequence[OfferRecord]) -> None:
        self.offers = list(offers)
        self.bm25 = BM25Okapi([tokens(offer_text(o)) or ["_"] for o in self.offers])

    def rank(self, need: NeedRecord, top: int = 10) -> list[str]:
        """Return the ids of the best published offers whose age range holds the need's age."""
        scores = self.bm25.get_scores(tokens(need_text(need)))
        order = np.argsort(-scores, kind="stable")
        ok = [i for i in order if scores[i] > 0 and _eligible(self.offers[i], need.age)]
        return [self.offers[i].id for i in ok[:top]]

    def doubles(self) -> list[tuple[str, str]]:
        """Return mutual nearest neighbours whose relative BM25 score is high enough."""
        active = [i for i, o in enumerate(self.offers) if o.status != "retired"]
        best: dict[int, tuple[int, float]] = {}
        for i in active:
            scores = self.bm25.get_scores(tokens(offer_text(self.offers[i])))
            own = scores[i] or 1.0
            others = [(scores[j] / own, j) for j in active if j != i]
            if others:
                share, j = max(others)
                best[i] = (j, share)
        return mutual_pairs(self.offers, best)


def mutual_pairs(
    offers: Sequence[OfferRecord], best: dict[int, tuple[int, float]]
) -> list[tuple[str, str]]:
    """Return (a, b) id pairs that are each other's best match with a high enough share."""
    pairs = set()
    for i, (j, share) in best.items():
        if share >= DOUBLE_SHARE and best.get(j, (-1, 0.0))[0] == i:
            a, b = sorted((offers[i].id, offers[j].id))
            pairs.add((a, b))
    return sorted(pairs)


def _eligible(offer: OfferRecord, age: int | None) -> bool:
    return offer.status == "published" and offer.holds_age(age)


class PostgresBaseline:
    """PostgreSQL full-text search with the `danish` configuration, in a temporary table."""

    def __init__(self, offers: Sequence[OfferRecord], url: str) -> None:
        import psycopg

        self.offers = list(offers)
        self.conn = psycopg.connect(plain_url(url), autocommit=True)
        rows = [
            (i, o.id, o.status, o.age_min, o.age_max, offer_text(o))
            for i, o in enumerate(self.offers)
        ]
        with self.conn.cursor() as cur:
            cur.execute(
                "CREATE TEMP TABLE baseline_offers (row int PRIMARY KEY, id text,"
                " status text, age_min int, age_max int, doc tsvector)"
            )
            cur.executemany(
                "INSERT INTO baseline_offers VALUES (%s, %s, %s, %s, %s,"
                " to_tsvector('danish', %s))",
                rows,
            )

    def close(self) -> None:
        """Close the connection (the temporary table goes with it)."""
        self.conn.close()

    def rank(self, need: NeedRecord, top: int = 10) -> list[str]:
        """Return the ids of the best eligible offers by ts_rank of an OR query."""
        query = self._or_query(need_text(need))
        if not query:
            return []
        sql = (
            "SELECT id FROM baseline_offers WHERE status = 'published'"
            " AND (%(age)s::int IS NULL OR ((age_min IS NULL OR age_min <= %(age)s)"
            " AND (age_max IS NULL OR age_max >= %(age)s)))"
            " AND doc @@ to_tsquery('simple', %(q)s)"
            " ORDER BY ts_rank(doc, to_tsquery('simple', %(q)s)) DESC, id LIMIT %(top)s"
        )
        with self.conn.cursor() as cur:
            cur.execute(sql, {"age": need.age, "q": query, "top": top})
            return [row[0] for row in cur.fetchall()]

    def doubles(self) -> list[tuple[str, str]]:
        """Return mutual nearest neighbours whose relative ts_rank is high enough."""
        best: dict[int, tuple[int, float]] = {}
        sql = (
            "SELECT row, ts_rank(doc, to_tsquery('simple', %s)) FROM baseline_offers"
            " WHERE status <> 'retired'"
        )
        for i, offer in enumerate(self.offers):
            query = self._or_query(offer_text(offer))
            if offer.status == "retired" or not query:
                continue
            with self.conn.cursor() as cur:
                cur.execute(sql, (query,))
                scores: dict[int, float] = dict(cur.fetchall())
            own = scores.pop(i, 0.0) or 1.0
            if scores:
                j, value = max(scores.items(), key=lambda item: (item[1], -item[0]))
                best[i] = (j, value / own)
        return mutual_pairs(self.offers, best)

    def _or_query(self, text: str) -> str:
        with self.conn.cursor() as cur:
            cur.execute("SELECT lexeme FROM unnest(to_tsvector('danish', %s))", (text,))
            lexemes = [row[0] for row in cur.fetchall()]
        return " | ".join("'" + lexeme.replace("'", "''") + "'" for lexeme in lexemes)


def plain_url(url: str) -> str:
    """Turn a SQLAlchemy-style URL (postgresql+psycopg://) into one psycopg accepts."""
    return re.sub(r"^postgresql\+\w+://", "postgresql://", url)
