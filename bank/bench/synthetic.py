"""A seeded synthetic Danish catalogue (offers, needs) with double offers, for benchmarks.

Texts are built from everyday Danish phrases per life area, with realistic lengths (title
3-9 words, description 60-130 words, programme theory 60-140 words), a long tail of place
and project names and compounds (so the vocabulary grows with the catalogue, as real text
does), 5 % rewritten copies of other offers (double offers) and
a mix of statuses, ages, steps and capacities.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from bank.bench.synthetic_words import (
    AREAS,
    CENTRES,
    FORMS,
    HEADS,
    MODIFIERS,
    SYLLABLES,
    UNIT_KINDS,
)
from bank.matching import NeedRecord, OfferRecord

DOUBLE_SHARE = 0.05
COMMUNITIES = ("skolen", "en forening", "arbejdsmarkedet", "en ungdomsuddannelse")
OPENERS = ("Vi tilbyder", "Forløbet giver", "Her kan unge få", "Tilbuddet er")
LINKERS = ("Vi arbejder med", "Der er fokus på", "Forløbet handler om", "Vi taler om")
SWAPS = {
    "unge": "de unge",
    "hjælp": "støtte",
    "forløb": "indsats",
    "vi": "vores medarbejdere",
    "fokus": "vægt",
    "får": "opnår",
    "gruppe": "hold",
    "samtaler": "møder",
}


@dataclass(frozen=True)
class SyntheticCatalogue:
    """Generated offers and needs, and the (source, copy) id pairs planted as double offers."""

    offers: list[OfferRecord]
    needs: list[NeedRecord]
    planted: list[tuple[str, str]]


def make_catalogue(n_offers: int, n_needs: int, seed: int = 7) -> SyntheticCatalogue:
    """Generate a catalogue of offers and a list of needs, the same for the same seed."""
    rng = random.Random(seed)
    places = _names(rng, 3000)
    names = _names(rng, 20000)
    rare = sorted(set(names) | {name + head for name in names for head in rng.sample(HEADS, 4)})
    rng.shuffle(rare)
    units = [
        (f"{kind} {rng.choice(places).title()}", rng.choice(CENTRES))
        for kind in UNIT_KINDS
        for _ in range(25)
    ]
    offers: list[OfferRecord] = []
    planted: list[tuple[str, str]] = []
    for number in range(n_offers):
        if offers and rng.random() < DOUBLE_SHARE:
            source = rng.choice(offers)
            offers.append(_rewrite(rng, source, f"s-o{number}", units))
            if source.status != "retired":
                planted.append((source.id, offers[-1].id))
        else:
            offers.append(_offer(rng, f"s-o{number}", units, places, rare))
    needs = [_need(rng, f"s-n{number}") for number in range(n_needs)]
    return SyntheticCatalogue(offers, needs, planted)


def make_needs(n_needs: int, seed: int) -> list[NeedRecord]:
    """Generate needs alone (an earlier year's needs, say), the same for the same seed."""
    rng = random.Random(seed)
    return [_need(rng, f"s-h{number}") for number in range(n_needs)]


def _names(rng: random.Random, count: int) -> list[str]:
    return sorted({"".join(rng.sample(SYLLABLES, rng.randint(2, 3))) for _ in range(count)})


def _zipf(rng: random.Random, pool: Sequence[str]) -> str:
    """Pick from a pool so that a few words are common and most are rare (a long tail)."""
    return pool[int(rng.paretovariate(0.3)) % len(pool)]


def _compound(rng: random.Random) -> str:
    return rng.choice(MODIFIERS) + rng.choice(HEADS)


def _offer(
    rng: random.Random,
    offer_id: str,
    units: Sequence[tuple[str, str]],
    places: Sequence[str],
    rare: Sequence[str],
) -> OfferRecord:
    areas = rng.sample(sorted(AREAS), rng.randint(1, 3))
    forms = rng.sample(sorted(FORMS), rng.randint(1, 2))
    topics, struggles, aims = AREAS[areas[0]]
    method = rng.choice(FORMS[forms[0]])
    place = rng.choice(places).title()
    title = f"{method.capitalize()} om {rng.choice(topics)} i {place}"
    if rng.random() < 0.4:
        title += f" – {_compound(rng)}"
    sentences = [f"{rng.choice(OPENERS)} {method} for unge, der {rng.choice(struggles)}."]
    for area in areas:
        a_topics, a_struggles, a_aims = AREAS[area]
        sentences.append(
            f"{rng.choice(LINKERS)} {rng.choice(a_topics)} og "
            f"{rng.choice(a_topics)}, så den unge {rng.choice(a_aims)}."
        )
        sentences.append(
            f"Mange af de unge {rng.choice(a_struggles)}, og vi hjælper med "
            f"{rng.choice(a_topics)} gennem {rng.choice(FORMS[rng.choice(forms)])}."
        )
    sentences.append(
        f"Vi mødes i {place} og samarbejder med {_compound(rng)} og {rng.choice(places).title()}."
    )
    sentences.append(
        f"Lokalt kender mange os som {_zipf(rng, rare).title()} eller "
        f"{_zipf(rng, rare)}, og vi bruger {_zipf(rng, rare)}."
    )
    rng.shuffle(sentences)
    low = rng.randint(12, 20)
    high = low + rng.randint(3, 10)
    unit, centre = rng.choice(units)
    programme = [
        f"Unge, der {rng.choice(struggles)}, risikerer at stå uden for fællesskabet.",
        f"Målgruppen er unge {low}-{high} år med behov for {rng.choice(topics)}.",
    ]
    programme += [
        f"{rng.choice(FORMS[f]).capitalize()} om {rng.choice(AREAS[a][0])}."
        for f in forms
        for a in areas
    ]
    programme += [f"På kort sigt: den unge {rng.choice(AREAS[a][2])}." for a in areas]
    programme += [
        f"Antal unge, der gennemfører {method}, og antal {_compound(rng)}.",
        f"På lang sigt bliver flere unge en del af {rng.choice(COMMUNITIES)} og "
        f"klarer sig bedre i {rng.choice(topics)}.",
        f"Forudsætning: samarbejde med {_zipf(rng, rare)}, {place} og forældrene, og at "
        f"den unge selv vil {rng.choice(aims)}.",
    ]
    roll = rng.random()
    status = "published" if roll < 0.85 else ("draft" if roll < 0.93 else "retired")
    return OfferRecord(
        id=offer_id,
        title=title,
        description=" ".join(sentences),
        unit=unit,
        centre=centre,
        tags=tuple(areas + forms),
        age_min=low,
        age_max=high,
        step=rng.randint(1, 6),
        status=status,
        capacity=rng.choice((None, 0, 5, 10, 20)),
        programme_text=" ".join(programme),
    )


def _rewrite(
    rng: random.Random, source: OfferRecord, offer_id: str, units: Sequence[tuple[str, str]]
) -> OfferRecord:
    words = source.description.split()
    swapped = [SWAPS.get(w, w) if rng.random() < 0.5 else w for w in words]
    sentences = " ".join(swapped).split(". ")
    rng.shuffle(sentences)
    unit, centre = rng.choice([u for u in units if u[0] != source.unit])
    title_words = [SWAPS.get(w.lower(), w) for w in source.title.split()]
    return OfferRecord(
        id=offer_id,
        title=" ".join(title_words),
        description=". ".join(sentences),
        unit=unit,
        centre=centre,
        tags=source.tags,
        age_min=source.age_min,
        age_max=source.age_max,
        step=source.step,
        status="published",
        capacity=source.capacity,
        programme_text=source.programme_text,
    )


def _need(rng: random.Random, need_id: str) -> NeedRecord:
    areas = rng.sample(sorted(AREAS), rng.randint(1, 3))
    topics, struggles, aims = AREAS[areas[0]]
    age = rng.randint(13, 29)
    person = rng.choice(("Pige", "Dreng", "Ung kvinde", "Ung mand"))
    sentences = [f"{person} på {age} år, der {rng.choice(struggles)}."]
    for area in areas:
        a_topics, a_struggles, _ = AREAS[area]
        sentences.append(
            f"Hun eller han {rng.choice(a_struggles)} og har brug for hjælp med "
            f"{rng.choice(a_topics)}."
        )
    sentences.append("Forældrene er bekymrede, og den unge vil gerne have en fast voksen.")
    tags = tuple(areas) if rng.random() < 0.8 else ()
    goals = tuple(f"At jeg {rng.choice(AREAS[a][2])}" for a in areas)
    return NeedRecord(
        id=need_id,
        title=f"Jeg {rng.choice(struggles)}",
        description=" ".join(sentences),
        goals=goals,
        tags=tags,
        age=age,
    )
