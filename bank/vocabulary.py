"""The controlled vocabulary for tags, with each life area's ICF codes (see docs/design.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

Kind = Literal["area", "form"]


@dataclass(frozen=True)
class VocabularyTerm:
    """One tag: its slug, its Danish label, whether it is a life area or a form, its ICF codes."""

    slug: str
    label: str
    kind: Kind
    icf: tuple[str, ...] = ()


VOCABULARY: tuple[VocabularyTerm, ...] = (
    VocabularyTerm("skole", "Skolegang (grundskole)", "area", ("d820",)),
    VocabularyTerm("uddannelse", "Ungdomsuddannelse og videre uddannelse", "area", ("d825–d839",)),
    VocabularyTerm("job", "Job og beskæftigelse", "area", ("d840–d859",)),
    VocabularyTerm("praktik", "Praktik og virksomhedsforløb", "area", ("d840–d845",)),
    VocabularyTerm("vejledning", "Uddannelses- og jobvejledning", "area", ("d810–d859",)),
    VocabularyTerm("fravaer", "Fravær og mødestabilitet", "area", ("d230",)),
    VocabularyTerm(
        "hverdagsmestring", "Hverdagsmestring, struktur og rutiner", "area", ("d230", "d6")
    ),
    VocabularyTerm("okonomi", "Økonomi og gæld", "area", ("d860–d879",)),
    VocabularyTerm("bolig", "Bolig", "area", ("d610",)),
    VocabularyTerm(
        "psykisk-trivsel", "Psykisk trivsel (angst, depression, stress)", "area", ("b152", "d240")
    ),
    VocabularyTerm("adfaerd", "Adfærd og impulskontrol", "area", ("d250", "d720")),
    VocabularyTerm("misbrug", "Rusmidler og misbrug", "area", ("d570",)),
    VocabularyTerm("kriminalitet", "Kriminalitet og risikoadfærd", "area", ("d7", "d9")),
    VocabularyTerm("relationer", "Relationer og netværk", "area", ("d7",)),
    VocabularyTerm("familie", "Familie og forældreskab", "area", ("d760",)),
    VocabularyTerm("fritid", "Fritid, sport og foreningsliv", "area", ("d920",)),
    VocabularyTerm("faellesskab", "Deltagelse i almene fællesskaber", "area", ("d910",)),
    VocabularyTerm("sundhed", "Fysisk sundhed", "area", ("d570",)),
    VocabularyTerm("selvvaerd", "Selvværd og handlekraft", "area", ("b126",)),
    VocabularyTerm(
        "eftervaern", "Efterværn og hjemkomst efter anbringelse", "area", ("e310–e355",)
    ),
    VocabularyTerm("sprog", "Dansk sprog og kommunikation", "area", ("d3",)),
    VocabularyTerm("handicap", "Funktionsnedsættelse og diagnoser", "area", ("b", "s")),
    VocabularyTerm("mentor", "Mentor, kontaktperson eller fast voksen", "form"),
    VocabularyTerm("gruppe", "Gruppeforløb", "form"),
    VocabularyTerm("individuel", "Individuelt forløb", "form"),
    VocabularyTerm("familieforloeb", "Forløb med hele familien", "form"),
    VocabularyTerm(
        "behandling",
        "Terapi og behandling (fx kognitiv adfærdsterapi, psykoedukation)",
        "form",
    ),
    VocabularyTerm("virksomhedsrettet", "Foregår på en almindelig arbejdsplads", "form"),
    VocabularyTerm("civilsamfund", "Sammen med foreninger og frivillige", "form"),
)

SHORT_LABELS: dict[str, str] = {
    "skole": "skole",
    "uddannelse": "uddannelse",
    "job": "job",
    "praktik": "praktik",
    "vejledning": "vejledning",
    "fravaer": "fravær",
    "hverdagsmestring": "hverdagsmestring",
    "okonomi": "økonomi",
    "bolig": "bolig",
    "psykisk-trivsel": "psykisk trivsel",
    "adfaerd": "adfærd",
    "misbrug": "misbrug",
    "kriminalitet": "kriminalitet",
    "relationer": "relationer",
    "familie": "familie",
    "fritid": "fritid",
    "faellesskab": "fællesskab",
    "sundhed": "sundhed",
    "selvvaerd": "selvværd",
    "eftervaern": "efterværn",
    "sprog": "sprog",
    "handicap": "handicap",
    "mentor": "mentor",
    "gruppe": "gruppeforløb",
    "individuel": "individuelt forløb",
    "familieforloeb": "familieforløb",
    "behandling": "behandling",
    "virksomhedsrettet": "virksomhedsrettet",
    "civilsamfund": "civilsamfund",
}

BY_SLUG: dict[str, VocabularyTerm] = {term.slug: term for term in VOCABULARY}

_CODE = re.compile(r"^([bdes])(\d?)")


def term(slug: str) -> VocabularyTerm | None:
    """Return the vocabulary term for a slug, or None for a free keyword."""
    return BY_SLUG.get(slug)


def label(slug: str) -> str:
    """Return the Danish label of a tag, or the slug itself for a free keyword."""
    found = BY_SLUG.get(slug)
    return found.label if found else slug


def short_label(slug: str) -> str:
    """Return a tag's name for running Danish text ("fravær"), or a free keyword as it is."""
    return SHORT_LABELS.get(slug, slug)


def icf_chapters(slug: str) -> set[str]:
    """Return the ICF chapters (letter + first digit, e.g. d8, b1) a tag belongs to.

    A code given as a bare component ("b", "s") stands for the whole component and is
    returned as the letter alone. Form tags and free keywords have no chapters.
    """
    return set(chapter_set(slug))


@cache
def chapter_set(slug: str) -> frozenset[str]:
    """Return icf_chapters(slug) as a cached frozen set."""
    found = BY_SLUG.get(slug)
    if found is None:
        return frozenset()
    chapters: set[str] = set()
    for code in found.icf:
        for part in re.split(r"[–-]", code):
            match = _CODE.match(part.strip())
            if match:
                chapters.add(match.group(1) + match.group(2))
    return frozenset(chapters)


def chapters_meet(first: str, second: str) -> bool:
    """Tell whether two ICF chapters meet (equal, or one is the component of the other)."""
    return first.startswith(second) or second.startswith(first)
