"""The vocabulary as data: seeded from bank.vocabulary, extended by admins; and the units."""

from __future__ import annotations

import re
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from bank.auth.models import Role, Unit, User
from bank.auth.services import require_role
from bank.errors import Conflict, Invalid
from bank.offers.models import VocabularyTerm
from bank.vocabulary import VOCABULARY

KIND_LABELS = {"area": "Livsområde", "form": "Form"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")  # at most 60 characters
LABEL_MAX = 200  # characters of a term's Danish label
ICF_MAX = 100  # characters of its ICF codes


def seed_vocabulary(session: Session) -> int:
    """Add the shipped vocabulary terms that are missing; return how many were added."""
    known = set(session.scalars(sa.select(VocabularyTerm.slug)))
    added = [
        VocabularyTerm(slug=t.slug, label=t.label, kind=t.kind, icf=", ".join(t.icf))
        for t in VOCABULARY
        if t.slug not in known
    ]
    session.add_all(added)
    session.flush()
    return len(added)


def list_terms(session: Session) -> list[VocabularyTerm]:
    """Return every vocabulary term: life areas first, then forms, in the order added."""
    query = sa.select(VocabularyTerm).order_by(VocabularyTerm.kind, VocabularyTerm.id)
    return list(session.scalars(query))


def term_labels(session: Session) -> dict[str, str]:
    """Return slug -> Danish label for every vocabulary term."""
    return dict(session.execute(sa.select(VocabularyTerm.slug, VocabularyTerm.label)).all())


def add_term(session: Session, user: User, values: Mapping[str, str]) -> VocabularyTerm:
    """Add a vocabulary term (admins only); the slug must be new."""
    require_role(user, Role.ADMIN)
    slug = (values.get("slug") or "").strip()
    label = (values.get("label") or "").strip()
    errors: dict[str, list[tuple[str, str]]] = {}
    if not SLUG.match(slug):
        errors["slug"] = [
            ("use lower-case letters, digits and hyphens", "Brug små bogstaver, tal og bindestreg.")
        ]
    if not label or len(label) > LABEL_MAX:
        errors["label"] = [
            (
                f"must be 1 to {LABEL_MAX} characters",
                f"Skriv en betegnelse (højst {LABEL_MAX} tegn).",
            )
        ]
    if values.get("kind", "area") not in KIND_LABELS:
        errors["kind"] = [("must be area or form", "Vælg livsområde eller form.")]
    if errors:
        raise Invalid(errors)
    if session.scalar(sa.select(VocabularyTerm.id).where(VocabularyTerm.slug == slug)):
        raise Conflict(f"the tag {slug} exists", f"Emnet {slug} findes allerede.", "slug")
    term = VocabularyTerm(
        slug=slug,
        label=label,
        kind=values.get("kind") or "area",
        icf=(values.get("icf") or "").strip(),
        added_by_id=user.id,
    )
    session.add(term)
    session.flush()
    return term


def list_units(session: Session) -> list[Unit]:
    """Return every unit with its centre, by name."""
    query = sa.select(Unit).options(selectinload(Unit.centre)).order_by(Unit.name)
    return list(session.scalars(query))


def centre_names(session: Session) -> list[str]:
    """Return the names of the centres that have units, sorted."""
    names = {u.centre_name for u in list_units(session)}
    return sorted(n for n in names if n)
