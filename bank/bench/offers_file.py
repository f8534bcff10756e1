"""Write the engine's seeded synthetic catalogue as an offers.jsonl import file (for benchmarks).

    python -m bank.bench.offers_file 100000 /tmp/offers-100k.jsonl

Each offer gets interchange.md's programme theory from the generated sentences; published
offers carry everything publishing requires, so the file imports as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

import click

from bank.bench.synthetic import make_catalogue
from bank.matching import OfferRecord


def _sentences(text: str) -> list[str]:
    return [s.strip() + "." for s in text.split(".") if s.strip()]


def interchange_line(offer: OfferRecord) -> dict:
    """Return an offers.jsonl object for a synthetic offer."""
    theory = _sentences(offer.programme_text)
    problem, target, *middle = theory or ["", ""]
    middle = middle or ["Samtaler med den unge."]
    line = {
        "id": offer.id,
        "title": offer.title[:200],
        "description": offer.description,
        "unit": offer.unit,
        "centre": offer.centre,
        "tags": list(offer.tags),
        "age_min": offer.age_min,
        "age_max": offer.age_max,
        "step": offer.step,
        "status": offer.status,
        "capacity": offer.capacity,
        "programme_theory": {
            "problem": problem,
            "target_group": target,
            "activities": middle[:-3] or middle[:1],
            "outputs": middle[-3:-2],
            "outcomes_short": middle[-2:-1] or middle[:1],
            "outcomes_long": middle[-1:],
            "community": "Skolen, en forening eller arbejdspladsen",
            "assumptions": ["Den unge vil selv."],
        },
    }
    return {key: value for key, value in line.items() if value is not None}


def synthetic_lines(n_offers: int, seed: int = 7) -> Iterator[str]:
    """Yield n_offers JSON Lines of the seeded synthetic catalogue."""
    for offer in make_catalogue(n_offers, 0, seed).offers:
        yield json.dumps(interchange_line(offer), ensure_ascii=False) + "\n"


def write_synthetic(stream: IO[str], n_offers: int, seed: int = 7) -> int:
    """Write n_offers synthetic offers to the stream; return how many."""
    count = 0
    for line in synthetic_lines(n_offers, seed):
        stream.write(line)
        count += 1
    return count


@click.command()
@click.argument("n_offers", type=click.IntRange(min=1))
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@click.option("--seed", default=7, show_default=True, help="Seed of the synthetic catalogue.")
def main(n_offers: int, path: str, seed: int) -> None:
    """Write N_OFFERS synthetic offers to PATH as offers.jsonl."""
    with open(path, "w", encoding="utf-8") as stream:
        count = write_synthetic(stream, n_offers, seed)
    click.echo(f"Wrote {count} synthetic offers to {path}.")


if __name__ == "__main__":
    main()
