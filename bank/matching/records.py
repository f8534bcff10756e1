"""Plain records for offers and needs, and loading them from interchange JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

STATUSES = ("draft", "published", "retired")
_PROGRAMME_FIELDS = (
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


T = TypeVar("T")


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; raise BadCatalogueLine on errors."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise BadCatalogueLine(path, None, f"cannot read the file ({error.strerror})") from None
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise BadCatalogueLine(path, number, "the line is not UTF-8") from None
        except json.JSONDecodeError as error:
            raise BadCatalogueLine(path, number, f"not valid JSON ({error.msg})") from None
        if not isinstance(value, dict):
            raise BadCatalogueLine(path, number, "the line is not a JSON object")
        yield number, value


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
    for field in _PROGRAMME_FIELDS:
        item = value.get(field)
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, list) and all(isinstance(entry, str) for entry in item):
            parts.extend(item)
        elif item is not None:
            raise BadRecord(f"field 'programme_theory.{field}' must be a string or a list")
    return "\n".join(part for part in parts if part)
