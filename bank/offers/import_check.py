"""Reading and checking an offers.jsonl file: every line against the schema, the field limits,
the rules a save keeps and what the database can store; errors name file, line and field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from marshmallow import ValidationError

from bank.errors import BankError
from bank.offers.fast_load import fast_load
from bank.offers.fields import FIELDS, PROGRAMME_THEORY
from bank.offers.models import OfferStatus
from bank.offers.rules import check_values, publish_problems
from bank.offers.schemas import OfferSchema, interchange_schema
from bank.ranking import BadCatalogueLine
from bank.ranking import read_jsonl as jsonl_lines

REQUIRED = ("id", "title", "description", "unit")
LISTS = {name for name, (kind, _label) in FIELDS.items() if kind == "lines"}
# What a field absent from a line means: an import line replaces the whole offer.
DEFAULTS: dict[str, Any] = {
    name: [] if name in LISTS else None for name in FIELDS if name != "status"
}
DEFAULTS.update({"title": "", "description": "", "problem": "", "target_group": ""})
DEFAULTS.update({"community": "", "contact": ""})
INTERCHANGE_NAMES = {"ref": "id", **{name: f"programme_theory.{name}" for name in PROGRAMME_THEORY}}

Progress = Callable[[str, int], None]  # (stage: "check" or "save", lines done)


class ImportFailed(BankError):
    """A line of an import file is wrong; nothing of the file was saved."""

    status = 422

    def __init__(self, filename: str, line: int | str | None, field_name: str | None, problem: str):
        where = filename
        if line:
            where += f", line {line}" if isinstance(line, int) else f", lines {line}"
        where += f", field {field_name}" if field_name else ""
        super().__init__(f"{where}: {problem}", field=field_name)
        self.filename, self.line = filename, line


@dataclass
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    filename: str
    offers: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    ignored: dict[str, list[int]] = field(default_factory=dict)  # unknown key -> lines
    version: int | None = None  # the catalogue version after the import
    seconds: dict[str, float] = field(default_factory=dict)  # stage ("check", "save") -> time


def first_error(messages: dict, prefix: str = "") -> tuple[str, str]:
    """Return (field path, message) of the first error in marshmallow's nested messages."""
    name, problem = next(iter(messages.items()))
    path = f"{prefix}.{name}" if prefix else str(name)
    if isinstance(problem, dict):
        return first_error(problem, path)
    if isinstance(problem, list) and problem and isinstance(problem[0], dict | list):
        return first_error(dict(enumerate(problem)), path)
    return path, problem[0] if isinstance(problem, list) else str(problem)


def read_jsonl(stream: IO[str] | IO[bytes], filename: str) -> Iterator[tuple[int, dict]]:
    """Yield (line number, object) for every non-blank line; raise ImportFailed on bad JSON."""
    try:
        yield from jsonl_lines(stream, filename)
    except BadCatalogueLine as bad:
        raise ImportFailed(filename, bad.line, None, bad.reason) from None


def _storable_text(values: dict, filename: str, number: int) -> None:
    """Refuse text the database cannot store: NUL characters and unpaired surrogates."""
    for name, value in values.items():
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            where = INTERCHANGE_NAMES.get(name, name)
            if "\x00" in text:
                raise ImportFailed(filename, number, where, "contains a NUL character")
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                problem = f"contains an unpaired surrogate ({text[exc.start]!a})"
                raise ImportFailed(filename, number, where, problem) from None


def _check_rules(values: dict, filename: str, number: int) -> None:
    """Check the rules every save keeps, so the saving never meets a bad value."""
    errors = check_values(values)
    if not str(values.get("unit") or "").strip():
        errors.setdefault("unit", []).append(("must not be empty", "Vælg en enhed."))
    if not errors and values["status"] == OfferStatus.PUBLISHED:
        errors = publish_problems(values)
    if errors:
        name, messages = next(iter(errors.items()))
        raise ImportFailed(filename, number, INTERCHANGE_NAMES.get(name, name), messages[0][0])


def parse_offer_line(
    record: dict, filename: str, number: int, schema: OfferSchema | None = None
) -> dict:
    """Check one offers.jsonl object against the schema and rules; return the values to save."""
    try:
        values = fast_load(record)
        if values is None:
            values = (schema or interchange_schema()).load(record)
    except ValidationError as exc:
        raise ImportFailed(filename, number, *first_error(exc.normalized_messages())) from None
    except (ArithmeticError, RecursionError, TypeError, ValueError) as exc:
        raise ImportFailed(filename, number, None, f"cannot be read ({exc})") from None
    for name in REQUIRED:
        if name not in record:
            raise ImportFailed(filename, number, name, "is required")
    _storable_text(values, filename, number)
    values.setdefault("status", OfferStatus.PUBLISHED)
    values = {**DEFAULTS, **values}
    _check_rules(values, filename, number)
    return values


def check_lines(
    stream: IO[str] | IO[bytes],
    filename: str,
    report: ImportReport,
    progress: Progress | None = None,
) -> list[tuple[int, dict]]:
    """Read and check every line of the file; return (line number, values) for each offer."""
    schema = interchange_schema()
    schema_keys = set(schema.fields)
    lines: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for number, record in read_jsonl(stream, filename):
        values = parse_offer_line(record, filename, number, schema)
        if values["ref"] in seen:
            problem = f"id {values['ref']} is also on line {seen[values['ref']]}"
            raise ImportFailed(filename, number, "id", problem)
        seen[values["ref"]] = number
        for key in sorted(set(record) - schema_keys):
            report.ignored.setdefault(key, []).append(number)
        lines.append((number, values))
        if progress is not None and len(lines) % 500 == 0:
            progress("check", len(lines))
    if progress is not None:
        progress("check", len(lines))
    return lines
