"""Find offers with the young person: the engine's ranking for the course's needs and goals."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import User
from bank.decisions import services as decisions
from bank.decisions.models import Decision
from bank.needs.models import Bid, BidState, Course, NeedState
from bank.offers.models import Offer
from bank.plans.overview import live, open_for
from bank.plans.services import course_items, servable
from bank.ranking import (
    CatalogueIndex,
    Match,
    NeedRecord,
    course_need_record,
    doubles_of,
    get_index,
    goal_record,
    item_record,
    offer_record,
)

OPEN_NEEDS = (NeedState.DRAFT, NeedState.PUBLISHED)
PER_QUESTION = 10  # also: a searched offer serves a goal when it ranks this high for it


@dataclass
class Hit:
    """One offer found, why, which needs or goals it fits, and what it would double."""

    offer: Offer
    score: float
    reasons: tuple[str, ...]
    full: bool
    fits: list[str] = field(default_factory=list)
    doubles: list[str] = field(default_factory=list)
    on_plan: bool = False
    goals: list[str] = field(default_factory=list)  # the young person's goals it serves
    maybe: bool = False  # a weaker match, shown under "Måske også"
    need_id: int | None = None  # the need (or else goal) it was found for: "Passer ikke"
    goal_id: int | None = None


@dataclass
class FinderResult:
    """The hits with the filters used, and accepted bids that are not yet in the plan."""

    course: Course
    hits: list[Hit]
    age: int | None
    step_max: int | None
    text: str
    bids: list[Bid]
    hidden: list[Decision] = field(default_factory=list)  # marked "Passer ikke", newest first


Source = tuple[int | None, int | None]  # (need id, goal id) a question was asked for
Question = tuple[NeedRecord, str, str, Source]


def _questions(course: Course, age: int | None) -> list[Question]:
    """Return (record, label, the goal it serves, source) for each open need and bare goal."""
    asked: list[Question] = []
    needed_goals = set()
    for need in course.needs:
        if need.state in OPEN_NEEDS:
            needed_goals.add(need.goal_id)
            record = course_need_record(need, age)
            serves = need.goal.text if need.goal else need.title
            asked.append((record, _label(need.title), serves, (need.id, need.goal_id)))
    for goal in course.goals:
        if servable(goal) and goal.id not in needed_goals:
            asked.append((goal_record(goal, age), _label(goal.text), goal.text, (None, goal.id)))
    return asked


def _label(text: str) -> str:
    """Return a need's title or a goal as "Passer til" names it: without a closing full stop."""
    return text.rstrip(". ")


def _closest(
    index: CatalogueIndex, asked: list[Question], offer_ids: list[str]
) -> dict[str, Question]:
    """Return, for each found offer, the question it ranks highest for (if any)."""
    wanted = set(offer_ids)
    best: dict[str, tuple[float, Question]] = {}
    for question in asked if wanted else ():
        for match in index.rank(question[0], top=PER_QUESTION):
            if match.offer_id in wanted and match.score > best.get(match.offer_id, (0.0,))[0]:
                best[match.offer_id] = (match.score, question)
    return {offer_id: question for offer_id, (_, question) in best.items()}


def _merge(
    found: list[tuple[Match, str]], goalless: Collection[str] = ()
) -> list[tuple[Match, list[str]]]:
    """Keep each offer once, with its best match and the questions it really fits.

    An offer fits a question when it is a hit there (not merely "Måske også") and, when the
    question has goals, the engine says it serves one of them (it shares a telling word or
    concept with it); an offer that is a hit nowhere keeps the question it came closest to,
    and stays a weaker match.
    """
    best: dict[str, tuple[Match, list[str]]] = {}
    for match, label in sorted(found, key=lambda f: -f[0].score):
        if match.offer_id not in best:
            best[match.offer_id] = (match, [label])
            continue
        kept, labels = best[match.offer_id]
        serves = label in goalless or bool(match.why.get("goals"))
        if match.hit and label not in labels and serves:
            if not kept.hit:
                best[match.offer_id] = (replace(kept, hit=True), [label])
            else:
                labels.append(label)
    return sorted(best.values(), key=lambda m: (not m[0].hit, -m[0].score))


def offers_by_record_id(session: Session, ids: list[str]) -> dict[str, Offer]:
    """Return the offers behind the engine's record ids (the interchange ref)."""
    if not ids:
        return {}
    offers = session.scalars(sa.select(Offer).where(Offer.ref.in_(ids)))
    return {o.ref: o for o in offers}


def find_offers(
    session: Session,
    user: User,
    course_id: int,
    text: str = "",
    age: int | None = None,
    step_max: int | None = None,
    top: int = 15,
    today: date | None = None,
) -> FinderResult:
    """Rank offers for the course's needs and goals (or a search text), with reasons."""
    course = open_for(session, user, course_id, "find tilbud")
    today = today or date.today()
    if age is None:
        age = course.citizen.age(today)
    index = get_index(session)
    text = text.strip()
    asked = _questions(course, age)
    hidden = decisions.hidden_for_course(session, course.id)
    gone = {d.offer.ref for d in hidden if d.offer is not None}
    if text:
        found = [
            (m, "Jeres søgning")
            for m in index.search(text, age=age, top=top + len(gone), step_max=step_max)
        ]
    else:
        found = [
            (m, label)
            for record, label, _, _ in asked
            for m in index.rank(record, top=PER_QUESTION + len(gone), step_max=step_max)
        ]
    found = [(m, label) for m, label in found if m.offer_id not in gone]
    goalless = {label for record, label, _, _ in asked if not record.goals}
    merged = _merge(found, goalless)[:top]
    if text:
        closest = _closest(index, asked, [m.offer_id for m, _ in merged])
        serves = {offer_id: [q[2]] for offer_id, q in closest.items()}
        source = {offer_id: q[3] for offer_id, q in closest.items()}
    else:
        goal_of = {label: goal for _, label, goal, _ in asked}
        source_of = {label: src for _, label, _, src in asked}
        serves = {
            m.offer_id: list(dict.fromkeys(goal_of[label] for label in labels))
            for m, labels in merged
        }
        source = {m.offer_id: source_of[labels[0]] for m, labels in merged}
    offers = offers_by_record_id(session, [m.offer_id for m, _ in merged])
    items = course_items(session, course)
    current = [i for i in items if live(i)]
    records = [item_record(i) for i in current]
    on_plan = {i.offer_id for i in current}
    titles = {r.id: i.title for r, i in zip(records, current, strict=True)}
    hits = []
    for match, labels in merged:
        offer = offers.get(match.offer_id)
        if offer is None:
            continue
        pairs = doubles_of(index, offer_record(offer), records) if offer.id not in on_plan else []
        twins = [titles[p.b] for p in pairs]
        hits.append(
            Hit(
                offer,
                match.score,
                match.reasons,
                match.full,
                labels,
                twins,
                offer.id in on_plan,
                serves.get(match.offer_id, []),
                not match.hit,
                *source.get(match.offer_id, (None, None)),
            )
        )
    bids = unplanned_bids(course, items)
    return FinderResult(course, hits, age, step_max, text, bids, hidden)


def unplanned_bids(course: Course, items) -> list[Bid]:
    """Return the bids accepted on the course's needs that no live plan item uses yet."""
    used = {i.bid_id for i in items if live(i)}
    need_bids = [b for n in course.needs for b in n.bids]
    return [b for b in need_bids if b.state == BidState.ACCEPTED and b.id not in used]
