"""Small hand-made catalogues for the engine's unit tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from bank.bench.synthetic import make_catalogue
from bank.matching import NeedRecord, OfferRecord
from bank.matching.features import Analyzer
from bank.matching.scoring import FUZZY_WORD


def offer(offer_id: str, title: str, description: str = "", **fields: Any) -> OfferRecord:
    """Return an offer with sensible defaults for a test."""
    fields.setdefault("unit", f"Enhed {offer_id}")
    return OfferRecord(id=offer_id, title=title, description=description or title, **fields)


def need(need_id: str, title: str, description: str = "", **fields: Any) -> NeedRecord:
    """Return a need with sensible defaults for a test."""
    return NeedRecord(id=need_id, title=title, description=description or title, **fields)


CATALOGUE = [
    offer(
        "o1",
        "Mentor til job i fritiden",
        "En fast mentor hjælper unge med at finde et job i fritiden og holde fast i det.",
        tags=("job", "mentor"),
        age_min=15,
        age_max=25,
        step=2,
        capacity=4,
    ),
    offer(
        "o2",
        "Gruppeforløb for unge med angst",
        "Kognitiv adfærdsterapi i gruppe for unge, der er bange og undgår skolen.",
        tags=("psykisk-trivsel", "gruppe", "behandling"),
        age_min=13,
        age_max=17,
        step=3,
        capacity=0,
    ),
    offer(
        "o3",
        "Lektiecafé i klubben",
        "Hjælp til lektier og afleveringer to eftermiddage om ugen.",
        tags=("skole", "faellesskab"),
        age_min=13,
        age_max=17,
        step=1,
    ),
    offer(
        "o4",
        "Rusmiddelbehandling for unge",
        "Behandling for unge, der ryger hash eller drikker for meget.",
        tags=("misbrug", "behandling"),
        age_min=15,
        age_max=25,
        step=3,
    ),
    offer(
        "o5",
        "Gammel mentorordning",
        "En mentorordning, der er lukket.",
        tags=("mentor",),
        status="retired",
        step=1,
    ),
    offer(
        "o6",
        "Kladde: jobmentor",
        "En mentor til job, endnu ikke udgivet.",
        tags=("job", "mentor"),
        status="draft",
        step=1,
    ),
]


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    """Write rows (dicts, or raw strings taken as they are) as JSON Lines."""
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def offer_dict(offer_id: str, title: str, **fields: Any) -> dict[str, Any]:
    """Return an interchange offer dict."""
    return {
        "id": offer_id,
        "title": title,
        "description": fields.pop("description", title),
        "unit": fields.pop("unit", f"Enhed {offer_id}"),
        **fields,
    }


def need_dict(need_id: str, title: str, **fields: Any) -> dict[str, Any]:
    """Return an interchange need dict."""
    return {
        "id": need_id,
        "title": title,
        "description": fields.pop("description", title),
        **fields,
    }


def word_by_word_cover(said: list[str], contents: list[str]) -> np.ndarray:
    """The share of the said words each title holds, word against word, as first written."""
    found = np.zeros(len(contents), dtype=np.float32)
    for k, own in enumerate(contents):
        spoken = own.split()
        if spoken:
            held = [
                any(fuzz.ratio(q, w) >= FUZZY_WORD or (len(q) >= 3 and q in w) for w in spoken)
                for q in said
            ]
            found[k] = np.mean(held)
    return found


def synthetic_analyzer(offers: int, seed: int) -> Analyzer:
    """Return an analyzer fitted on a small synthetic catalogue's offer texts."""
    analyzer = Analyzer()
    catalogue = make_catalogue(offers, 0, seed=seed).offers
    analyzer.count(f"{o.title} {o.description} {o.programme_text}" for o in catalogue)
    analyzer.fit()
    return analyzer
