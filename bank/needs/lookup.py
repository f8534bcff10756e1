"""Load need-bank records by id (raising NotFound), and match needs to a search."""

from __future__ import annotations

import unicodedata
from typing import TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.errors import NotFound
from bank.needs.models import Bid, Course, Goal, Need

T = TypeVar("T")


def _by_id(session: Session, model: type[T], record_id: int, english: str, danish: str) -> T:
    """Return the record with this id, or raise NotFound in both languages."""
    found = session.get(model, record_id)
    if found is None:
        raise NotFound(f"no {english} with id {record_id}", danish)
    return found


def course(session: Session, course_id: int) -> Course:
    """Return the course or raise NotFound."""
    return _by_id(session, Course, course_id, "course", "Forløbet findes ikke.")


def goal(session: Session, goal_id: int) -> Goal:
    """Return the goal or raise NotFound."""
    return _by_id(session, Goal, goal_id, "goal", "Målet findes ikke.")


def need(session: Session, need_id: int, for_update: bool = False) -> Need:
    """Return the need (optionally locking its row until commit) or raise NotFound."""
    query = sa.select(Need).where(Need.id == need_id)
    if for_update:
        query = query.with_for_update()
    found = session.scalar(query)
    if found is None:
        raise NotFound(f"no need with id {need_id}", "Behovet findes ikke.")
    return found


def bid(session: Session, bid_id: int) -> Bid:
    """Return the bid or raise NotFound."""
    return _by_id(session, Bid, bid_id, "bid", "Buddet findes ikke.")


def transition(session: Session, model, record_id: int, from_states, **values) -> bool:
    """Change a record's state only if it is still in one of from_states; tell if it did.

    A conditional UPDATE: of two people changing the same record at the same moment,
    the database lets exactly one through (the other's WHERE no longer matches).
    """
    update = (
        sa.update(model)
        .where(model.id == record_id, model.state.in_(list(from_states)))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    result = cast(sa.CursorResult, session.execute(update))  # an UPDATE: it has a rowcount
    changed = result.rowcount == 1
    obj = session.get(model, record_id)
    if obj is not None:
        session.refresh(obj)
    return changed


_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def fold(text: str) -> str:
    """Fold text for search: case, accents, and æ/ø/å however typed (æ, ae or a)."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(_DANISH))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace("aa", "a").replace("ae", "a").replace("oe", "o").replace("-", " ")


def search_words(q: str) -> list[str]:
    """Return the folded words of a search; a need must contain every one."""
    return [w for w in fold(q).split() if w]


def need_matches(need: Need, words: list[str], tag_labels: dict[str, str]) -> bool:
    """Tell whether every word occurs in the need's title, description or tags (label or slug)."""
    tags = " ".join(f"{slug} {tag_labels.get(slug, '')}" for slug in need.tags or ())
    haystack = fold(f"{need.title} {need.description} {tags}")
    return all(word in haystack for word in words)
