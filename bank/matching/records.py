"""Plain records for offers and needs, and loading them from interchange JSON Lines."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

STATUSES = ("draft", "published", "retired")
PROGRAMME_FIELDS = (  # the interchange's programme_theory keys (docs/interchange.md)
    "problem",
    "target_group",
    "activities",
    "outputs",
    "outcomes_short",
    "outcomes_long",
    "community",
    "assumptions",
)


class BadCatalogueLine(Exception):
    """A catalogue file that cannot be read, or one of its lines that breaks the format."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class BadRecord(ValueError):
    """A dict that does not describe a valid offer or need."""


@dataclass(frozen=True)
class OfferRecord:
    """One offer (tilbud / kompetence) as the engine sees it."""

    id: str
    title: str
    description: str
    unit: str
    centre: str = ""
    tags: tuple[str, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    step: int | None = None
    status: str = "published"
    capacity: int | None = None
    legal_basis: tuple[str, ...] = ()
    programme_text: str = ""
    target_group: str = ""  # who the offer is for, from the programme theory

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OfferRecord:
        """Build an offer from an interchange dict, or raise BadRecord naming the field."""
        _require_object(data)
        age_min, age_max = _opt_int(data, "age_min", 0), _opt_int(data, "age_max", 0)
        if age_min is not None and age_max is not None and age_min > age_max:
            raise BadRecord("age_min is greater than age_max")
        step = _opt_int(data, "step", 1)
        if step is not None and step > 6:
            raise BadRecord("field 'step' must be between 1 and 6")
        status = data.get("status", "published")
        if status not in STATUSES:
            raise BadRecord(f"field 'status' must be one of {', '.join(STATUSES)}")
        return cls(
            id=_text(data, "id", required=True),
            title=_text(data, "title", required=True),
            description=_text(data, "description", required=True),
            unit=_text(data, "unit", required=True),
            centre=_text(data, "centre"),
            tags=_strings(data, "tags"),
            age_min=age_min,
            age_max=age_max,
            step=step,
            status=status,
            capacity=_opt_int(data, "capacity", 0),
            legal_basis=_strings(data, "legal_basis"),
            programme_text=_programme_text(data.get("programme_theory")),
            target_group=_target_group(data.get("programme_theory")),
        )

    def holds_age(self, age: int | None) -> bool:
        """Tell whether a citizen of this age is inside the offer's age range."""
        if age is None:
            return True
        low_ok = self.age_min is None or age >= self.age_min
        return low_ok and (self.age_max is None or age <= self.age_max)


@dataclass(frozen=True)
class NeedRecord:
    """One published, anonymised need (behov) as the engine sees it."""

    id: str
    title: str
    description: str
    goals: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    age: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NeedRecord:
        """Build a need from an interchange dict, or raise BadRecord naming the field."""
        _require_object(data)
        return cls(
            id=_text(data, "id", required=True),
            title=_text(data, "title", required=True),
            description=_text(data, "description", required=True),
            goals=_strings(data, "goals"),
            tags=_strings(data, "tags"),
            age=_opt_int(data, "age", 0),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the need as an interchange dict (the inverse of from_dict)."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "goals": list(self.goals),
            "tags": list(self.tags),
            "age": self.age,
        }


T = TypeVar("T")


def read_jsonl(
    source: str | Path | Iterable[str | bytes], name: str | Path | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of a file, or of a stream's lines.

    A path is read as bytes; a stream (text or binary) is read line by line and named by
    `name` in errors. Every line must be a UTF-8 JSON object (a byte-order mark before the
    first is ignored; NaN, infinities and out-of-range numbers are not JSON). The first bad
    line raises BadCatalogueLine naming the file and the line.
    """
    lines: Iterable[str | bytes]
    if isinstance(source, str | Path):
        name = source if name is None else name
        try:
            lines = Path(source).read_bytes().split(b"\n")
        except OSError as error:
            reason = f"cannot read the file ({error.strerror})"
            raise BadCatalogueLine(name, None, reason) from None
    else:
        lines = source
    where = str(name) if name is not None else "<stream>"
    try:
        for number, line in enumerate(lines, start=1):
            value = _json_object(line, where, number)
            if value is not None:
                yield number, value
    except UnicodeDecodeError:  # a text stream whose decoding failed
        raise BadCatalogueLine(where, None, "the file is not UTF-8 text") from None


def _json_object(line: str | bytes, name: str, number: int) -> dict[str, Any] | None:
    """Return the line's object, None for a blank line, or raise BadCatalogueLine."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as error:
            reason = f"the line is not UTF-8 text (byte {error.start + 1} of the line)"
            raise BadCatalogueLine(name, number, reason) from None
    if number == 1:
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return None
    try:
        value = json.loads(line, parse_float=_finite, parse_constant=_not_a_number)
    except json.JSONDecodeError as error:
        raise BadCatalogueLine(name, number, f"not valid JSON ({error.msg})") from None
    except RecursionError:
        raise BadCatalogueLine(name, number, "JSON is nested too deeply") from None
    except ValueError as error:
        raise BadCatalogueLine(name, number, f"not valid JSON ({error})") from None
    if not isinstance(value, dict):
        raise BadCatalogueLine(name, number, "the line is not a JSON object")
    return value


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text} is out of range")
    return value


def _not_a_number(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def load_records(path: str | Path, build: Callable[[dict[str, Any]], T]) -> list[T]:
    """Load records from a JSON Lines file with unique ids, naming file and line on errors."""
    records: list[T] = []
    seen: dict[str, int] = {}
    for number, value in read_jsonl(path):
        try:
            record = build(value)
        except BadRecord as error:
            raise BadCatalogueLine(path, number, str(error)) from None
        record_id = str(getattr(record, "id", ""))
        if record_id in seen:
            reason = f"duplicate id {record_id!r} (first on line {seen[record_id]})"
            raise BadCatalogueLine(path, number, reason)
        seen[record_id] = number
        records.append(record)
    return records


def load_offers(path: str | Path) -> list[OfferRecord]:
    """Load offers from an interchange offers.jsonl file."""
    return load_records(path, OfferRecord.from_dict)


def load_needs(path: str | Path) -> list[NeedRecord]:
    """Load needs from an interchange needs.jsonl file."""
    return load_records(path, NeedRecord.from_dict)


def _require_object(data: Any) -> None:
    if not isinstance(data, Mapping):
        raise BadRecord("a record must be a JSON object")


def _text(data: Mapping[str, Any], field: str, required: bool = False) -> str:
    if field not in data or data[field] is None:
        if required:
            raise BadRecord(f"missing required field {field!r}")
        return ""
    value = data[field]
    if not isinstance(value, str):
        raise BadRecord(f"field {field!r} must be a string")
    if required and field == "id" and not value.strip():
        raise BadRecord("field 'id' must not be empty")
    return value


def _strings(data: Mapping[str, Any], field: str) -> tuple[str, ...]:
    value = data.get(field)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadRecord(f"field {field!r} must be a list of strings")
    return tuple(value)


def _opt_int(data: Mapping[str, Any], field: str, minimum: int) -> int | None:
    value = data.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRecord(f"field {field!r} must be an integer")
    if value < minimum:
        raise BadRecord(f"field {field!r} must be at least {minimum}")
    return value


def _target_group(value: Any) -> str:
    item = value.get("target_group") if isinstance(value, Mapping) else None
    return item if isinstance(item, str) else ""


def _programme_text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, Mapping):
        raise BadRecord("field 'programme_theory' must be an object")
    parts: list[str] = []
    for field in PROGRAMME_FIELDS:
        item = value.get(field)
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list) and all(isinstance(entry, str) for entry in item):
            parts.extend(item)
        elif item is not None:
            raise BadRecord(f"field 'programme_theory.{field}' must be a string or a list")
    return "\n".join(part for part in parts if part)
