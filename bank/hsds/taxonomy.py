"""The taxonomies the bank publishes in HSDS: its vocabulary, the intervention ladder, its fields.

HSDS carries a service's name, description, status, eligibility, age range, contacts and
the date it was checked. What the standard has no field for (the step on the intervention
ladder, the programme theory, tags, legal basis, capacity, the bank's own id) travels as
HSDS `attributes`, each pointing at a term of one of these three taxonomies. Every id is a
UUID derived from a fixed namespace and a stable key, so the same record always gets it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache

from bank.offers.fields import STEP_LABELS, label
from bank.offers.models import VocabularyTerm

NAMESPACE = uuid.UUID("0b5e4a8c-2f7d-5c1e-9a3b-6d4f8e2c1a70")
TAGS, LADDER, FIELDS = "emner", "indsatstrappen", "felter"


def uid(kind: str, key: object) -> str:
    """Return the stable UUID of a record of this kind with this key."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


@cache
def _shared_uid(kind: str, key: str) -> str:
    return uid(kind, key)  # taxonomies and terms: few, asked for on every attribute


@dataclass(frozen=True)
class Taxonomy:
    """One of the bank's published taxonomies."""

    key: str
    name: str
    description: str

    @property
    def id(self) -> str:
        """Return the taxonomy's HSDS id."""
        return _shared_uid("taxonomy", self.key)


TAXONOMIES = (
    Taxonomy(
        TAGS,
        "Kompetencebankens emner",
        "Det fælles faglige sprog, som tilbud og behov beskrives med (emner med ICF-koder).",
    ),
    Taxonomy(
        LADDER,
        "Indsatstrappen",
        "Trin 1 (åben rådgivning og almene fællesskaber) til 6 (anbringelse uden for hjemmet).",
    ),
    Taxonomy(
        FIELDS,
        "Kompetencebankens felter",
        "Felter i Kompetencebanken, som HSDS ikke selv har: forandringsteori, lovgrundlag, "
        "ledige pladser og bankens eget id. Værdien står i attributtens value.",
    ),
)
BY_KEY = {t.key: t for t in TAXONOMIES}

# Offer field -> term code in the fields taxonomy; lists travel one attribute per line.
FIELD_CODES = {
    "ref": "kompetencebanken_id",
    "problem": "problem",
    "activities": "activities",
    "outputs": "outputs",
    "outcomes_short": "outcomes_short",
    "outcomes_long": "outcomes_long",
    "community": "community",
    "assumptions": "assumptions",
    "legal_basis": "legal_basis",
    "capacity": "capacity",
    "keyword": "keyword",
}
FIELD_NAMES = {
    "ref": "Kompetencebankens id",
    "keyword": "Frit nøgleord (ikke i emnelisten)",
}
LIST_FIELDS = {
    "activities",
    "outputs",
    "outcomes_short",
    "outcomes_long",
    "assumptions",
    "legal_basis",
}


@dataclass(frozen=True)
class Term:
    """A term of one of the bank's taxonomies."""

    taxonomy: str
    code: str
    name: str
    description: str = ""

    @property
    def id(self) -> str:
        """Return the term's HSDS id."""
        return _shared_uid("term", f"{self.taxonomy}:{self.code}")

    def to_hsds(self) -> dict:
        """Return the term as an HSDS taxonomy_term object."""
        taxonomy = BY_KEY[self.taxonomy]
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "description": self.description or self.name,
            "taxonomy": taxonomy.name,
            "taxonomy_id": taxonomy.id,
            "language": "da",
        }


def tag_term(slug: str, vocabulary: dict[str, VocabularyTerm]) -> Term:
    """Return the term of a vocabulary tag."""
    term = vocabulary[slug]
    kind = "Livsområde" if term.kind == "area" else "Form"
    icf = f"; ICF: {term.icf}" if term.icf else ""
    return Term(TAGS, slug, term.label, f"{kind}{icf}")


def ladder_term(step: int) -> Term:
    """Return the term of a step on the intervention ladder."""
    return Term(LADDER, str(step), STEP_LABELS[step], f"Trin {step} på indsatstrappen.")


def field_term(field: str) -> Term:
    """Return the term of one of the bank's own fields."""
    name = FIELD_NAMES.get(field) or label(field)
    return Term(FIELDS, FIELD_CODES[field], name, f"Feltet »{name}« i Kompetencebanken.")


def all_terms(vocabulary: dict[str, VocabularyTerm]) -> list[Term]:
    """Return every published term: the vocabulary, the six steps, the bank's fields."""
    return [
        *(tag_term(slug, vocabulary) for slug in vocabulary),
        *(ladder_term(step) for step in sorted(STEP_LABELS)),
        *(field_term(field) for field in FIELD_CODES),
    ]


def taxonomy_to_hsds(taxonomy: Taxonomy) -> dict:
    """Return a taxonomy as an HSDS taxonomy object."""
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "version": "1",
    }
