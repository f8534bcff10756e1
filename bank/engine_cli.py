"""The engine's file-based commands (match, overlaps, evaluate, bench): no app, no database.

Attach ENGINE_COMMANDS to the `bank` group. Every command reads all its input before it
writes anything, so a bad file ends it with a message on stderr and nothing on stdout.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import click

from bank.bench.engine import format_bench, run_bench
from bank.bench.evaluate import (
    compare_systems,
    format_learned,
    format_table,
    learned_metrics,
    load_duplicate_labels,
    load_judgments,
)
from bank.matching import (
    BadCatalogueLine,
    CatalogueIndex,
    find_double_offers,
    load_needs,
    load_offers,
)

PG_ENV = "BANK_TEST_DATABASE_URL"
T = TypeVar("T")


def _load(loader: Callable[[str], T], path: str) -> T:
    try:
        return loader(path)
    except BadCatalogueLine as error:
        raise click.ClickException(str(error)) from None


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@click.command("match")
@click.option("--offers", "offers_path", required=True, help="offers.jsonl (interchange).")
@click.option("--needs", "needs_path", required=True, help="needs.jsonl (interchange).")
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="At most this many offers per need.",
)
def match_command(offers_path: str, needs_path: str, top: int) -> None:
    """Rank the offers for each need: one JSON object per need, in the order of NEEDS."""
    offers = _load(load_offers, offers_path)
    needs = _load(load_needs, needs_path)
    index = CatalogueIndex.build(offers)
    lines = []
    for need in needs:
        matches = [m.to_interchange() for m in index.rank(need, top=top)]
        lines.append(_json({"need": need.id, "matches": matches}))
    if lines:
        click.echo("\n".join(lines))


@click.command("overlaps")
@click.option("--offers", "offers_path", required=True, help="offers.jsonl (interchange).")
@click.option(
    "--threshold",
    default=None,
    type=click.FloatRange(0.0, 1.0),
    help="Score from which a pair is a double offer (default: the engine's).",
)
@click.option(
    "--with-partial",
    is_flag=True,
    help="Also list overlapping pairs that are not double offers, as `partial`.",
)
def overlaps_command(offers_path: str, threshold: float | None, with_partial: bool) -> None:
    """Find double offers: one JSON object with `pairs` (best first) and `groups`."""
    offers = _load(load_offers, offers_path)
    report = find_double_offers(offers, threshold=threshold)
    result = report.to_interchange()
    if with_partial:
        result["partial"] = [pair.to_interchange() for pair in report.partial]
    click.echo(_json(result))


@click.command("evaluate")
@click.option("--offers", "offers_path", required=True, help="offers.jsonl (interchange).")
@click.option("--needs", "needs_path", required=True, help="needs.jsonl (interchange).")
@click.option(
    "--judgments",
    "judgments_path",
    required=True,
    help="judgments.jsonl: {need, offer, grade} per line.",
)
@click.option(
    "--duplicates",
    "duplicates_path",
    default=None,
    help="duplicates.jsonl: {a, b, label} per line.",
)
@click.option(
    "--pg-url",
    default=None,
    help=f"PostgreSQL URL for the full-text baseline (default: ${PG_ENV}; '' = off).",
)
@click.option(
    "--strip-tags",
    is_flag=True,
    help="Take every tag off the needs first: does the text carry the match?",
)
@click.option(
    "--learned",
    is_flag=True,
    help="Instead: NDCG@5 before/after the signal learned from decisions, "
    "5-fold over needs (the training folds' judgments are the decisions).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
def evaluate_command(
    offers_path: str,
    needs_path: str,
    judgments_path: str,
    duplicates_path: str | None,
    pg_url: str | None,
    strip_tags: bool,
    learned: bool,
    as_json: bool,
) -> None:
    """Compare the engine with BM25 (and PostgreSQL full-text search) on a labelled set."""
    offers = _load(load_offers, offers_path)
    needs = _load(load_needs, needs_path)
    if strip_tags:
        needs = [replace(need, tags=()) for need in needs]
    grades = _load(load_judgments, judgments_path)
    if learned:
        found = learned_metrics(offers, needs, grades)
        click.echo(_json(found) if as_json else format_learned(found))
        return
    labels = _load(load_duplicate_labels, duplicates_path) if duplicates_path else None
    url = (os.environ.get(PG_ENV) if pg_url is None else pg_url) or None
    try:
        results = compare_systems(offers, needs, grades, labels, url)
    except Exception as error:  # the database baseline: connection or SQL errors
        if url and type(error).__module__.startswith("psycopg"):
            raise click.ClickException(f"PostgreSQL baseline failed: {error}") from None
        raise
    click.echo(_json(results) if as_json else format_table(results))


@click.command("bench")
@click.option(
    "--offers",
    "n_offers",
    required=True,
    type=click.IntRange(min=2),
    help="Number of synthetic offers.",
)
@click.option(
    "--needs",
    "n_needs",
    default=200,
    show_default=True,
    type=click.IntRange(min=1),
    help="Number of synthetic needs to rank.",
)
@click.option("--seed", default=7, show_default=True, help="Seed for the generator.")
@click.option(
    "--compare",
    type=click.Choice(["bm25s"]),
    multiple=True,
    help="Also measure this library on the same catalogue in the same run.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
def bench_command(
    n_offers: int, n_needs: int, seed: int, compare: tuple[str, ...], as_json: bool
) -> None:
    """Measure build time and memory, ranking latency and the double-offer scan."""
    result = run_bench(n_offers, n_needs, seed, compare)
    click.echo(_json(result) if as_json else format_bench(result))


ENGINE_COMMANDS: list[click.Command] = [
    match_command,
    overlaps_command,
    evaluate_command,
    bench_command,
]
