"""The overlap report: groups of double offers from the latest scan, minus the marked pairs."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Role, Unit, User
from bank.auth.services import require_role
from bank.errors import Conflict, Invalid, NotFound
from bank.offers.access import can_edit
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer
from bank.offers.terms import term_labels
from bank.ranking import DoublePair, connected_groups
from bank.reports.models import DoubleScan, NotDoubleMark
from bank.reports.scans import latest_scan, normal_threshold, pending_scan

READERS = (Role.LEADER, Role.EDITOR)  # admins hold every role
MAX_COMMENT = 2000


@dataclass(frozen=True)
class PairView:
    """Two offers the scan found alike, the score, and the tags and words they share."""

    a: Offer
    b: Offer
    score: float
    tags: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupView:
    """A connected group of double offers with the pairs inside it and what they share."""

    offers: list[Offer]
    pairs: list[PairView]
    tags: frozenset[str] = frozenset()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class DoubleView:
    """Everything the overlap page shows."""

    threshold: float
    scan: DoubleScan | None
    pending: DoubleScan | None
    stale: bool
    groups: list[GroupView] = field(default_factory=list)
    partial: list[PairView] = field(default_factory=list)
    marks: list[NotDoubleMark] = field(default_factory=list)
    centres: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def marked_pairs(session: Session) -> set[tuple[int, int]]:
    """Return every pair (lower id first) marked as not a double offer."""
    rows = session.execute(sa.select(NotDoubleMark.offer_a_id, NotDoubleMark.offer_b_id))
    return {(a, b) for a, b in rows}


def _offers(session: Session, ids: set[int]) -> dict[int, Offer]:
    if not ids:
        return {}
    query = (
        sa.select(Offer)
        .where(Offer.id.in_(ids))
        .options(selectinload(Offer.unit).selectinload(Unit.centre))
    )
    return {o.id: o for o in session.scalars(query)}


def _pairs(raw: list[dict], offers: dict[int, Offer], marked: set) -> list[PairView]:
    out = []
    for item in raw:
        a, b = offers.get(item["a"]), offers.get(item["b"])
        if a is None or b is None or (item["a"], item["b"]) in marked:
            continue
        why = item.get("why") or {}
        out.append(
            PairView(a, b, item["score"], tuple(why.get("tags", ())), tuple(why.get("terms", ())))
        )
    return out


def _matches(offer: Offer, centre: str | None, tag: str | None) -> bool:
    return (not centre or offer.centre_name == centre) and (not tag or tag in (offer.tags or []))


def _groups(pairs: list[PairView]) -> list[GroupView]:
    found = connected_groups([DoublePair(str(p.a.id), str(p.b.id), p.score) for p in pairs])
    by_id = {o.id: o for p in pairs for o in (p.a, p.b)}
    groups = []
    for members in found:
        ids = {int(m) for m in members}
        inside = [p for p in pairs if p.a.id in ids]
        terms = list(dict.fromkeys(t for p in inside for t in p.terms))
        offers = sorted((by_id[i] for i in ids), key=lambda o: (o.centre_name, o.title, o.id))
        groups.append(
            GroupView(offers, inside, frozenset(t for p in inside for t in p.tags), tuple(terms))
        )
    return sorted(groups, key=lambda g: (-len(g.offers), -max(p.score for p in g.pairs)))


def double_report(
    session: Session,
    viewer: User | None,
    threshold: float | str | None = None,
    centre: str | None = None,
    tag: str | None = None,
) -> DoubleView:
    """Return the latest scan's groups and overlaps for leaders and editors, marks left out."""
    require_role(viewer, *READERS)
    threshold = normal_threshold(threshold)
    scan = latest_scan(session, threshold)
    pending = pending_scan(session, threshold)
    marks = list(
        session.scalars(
            sa.select(NotDoubleMark)
            .order_by(NotDoubleMark.created_at.desc(), NotDoubleMark.id.desc())
            .options(
                selectinload(NotDoubleMark.offer_a),
                selectinload(NotDoubleMark.offer_b),
                selectinload(NotDoubleMark.user),
            )
        )
    )
    if scan is None:
        return DoubleView(threshold, None, pending, True, marks=marks)
    raw_pairs, raw_partial = scan.results.get("pairs", []), scan.results.get("partial", [])
    ids = {p[k] for p in raw_pairs + raw_partial for k in ("a", "b")}
    offers = _offers(session, ids)
    marked = marked_pairs(session)
    groups = _groups(_pairs(raw_pairs, offers, marked))
    partial = _pairs(raw_partial, offers, marked)
    every = [o for g in groups for o in g.offers] + [o for p in partial for o in (p.a, p.b)]
    return DoubleView(
        threshold,
        scan,
        pending,
        scan.catalogue_version != catalogue_version(session),
        [g for g in groups if any(_matches(o, centre, tag) for o in g.offers)],
        [p for p in partial if _matches(p.a, centre, tag) or _matches(p.b, centre, tag)],
        marks,
        sorted({o.centre_name for o in every if o.centre_name}),
        _vocabulary_tags(session, every),
    )


def _vocabulary_tags(session: Session, offers: list[Offer]) -> list[str]:
    """Return the report's tags that are terms of the controlled vocabulary (no free keywords),
    in the order of their Danish labels."""
    labels = term_labels(session)
    found = {t for o in offers for t in (o.tags or []) if t in labels}
    return sorted(found, key=lambda slug: labels[slug].casefold())


def mark_not_double(
    session: Session, user: User | None, offer_a: int, offer_b: int, comment: str
) -> NotDoubleMark:
    """Record that two offers are not the same offer twice; the caller commits."""
    reader = require_role(user, *READERS)
    comment = (comment or "").strip()
    errors: dict[str, list[tuple[str, str]]] = {}
    if not comment:
        errors["comment"] = [
            (
                "say why the two offers are not the same",
                "Skriv kort, hvorfor de to tilbud ikke er det samme.",
            )
        ]
    elif len(comment) > MAX_COMMENT:
        errors["comment"] = [(f"at most {MAX_COMMENT} characters", f"Højst {MAX_COMMENT} tegn.")]
    if offer_a == offer_b:
        errors["offer_b"] = [("choose two different offers", "Vælg to forskellige tilbud.")]
    if errors:
        raise Invalid(errors)
    low, high = sorted((offer_a, offer_b))
    if session.get(Offer, low) is None or session.get(Offer, high) is None:
        raise NotFound("no such offer", "Tilbuddet findes ikke.", "offer_a")
    existing = session.scalar(
        sa.select(NotDoubleMark).where(
            NotDoubleMark.offer_a_id == low, NotDoubleMark.offer_b_id == high
        )
    )
    if existing is not None:
        raise Conflict("the pair is already marked", "Parret er allerede markeret.", "offer_a")
    mark = NotDoubleMark(offer_a_id=low, offer_b_id=high, comment=comment, user_id=reader.id)
    session.add(mark)
    session.flush()
    return mark


def unmark_not_double(session: Session, user: User | None, mark_id: int) -> tuple[str, str]:
    """Undo a not-double mark: the pair returns to the report. Return the two offers' titles."""
    require_role(user, *READERS)
    mark = session.get(NotDoubleMark, mark_id)
    if mark is None:
        raise NotFound(
            "no such mark", "Markeringen findes ikke. Måske er den allerede fortrudt.", "mark"
        )
    titles = (mark.offer_a.title, mark.offer_b.title)
    session.delete(mark)
    session.flush()
    return titles


def editable_refs(viewer: User | None, view: DoubleView) -> frozenset[str]:
    """Return the refs of the report's offers the viewer may change (so only those get a link)."""
    return frozenset(o.ref for g in view.groups for o in g.offers if can_edit(viewer, o))
