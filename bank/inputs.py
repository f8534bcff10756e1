"""Input the database cannot take is refused at the door, once, for every route.

- NUL bytes anywhere (path, query string, form fields, JSON keys and values) and lone
  surrogates in JSON: PostgreSQL cannot store either, so they answer 400.
- Integers: the route converter `int` is bounded to a PostgreSQL integer (2^31-1), so
  `/behov/2147483648` is simply not found (404). Query and form fields that carry numbers
  (ids, pages, ages, versions) answer 400 when a number is too big; so does any number above
  2^31-1 in a JSON body. Views read query numbers with `query_int`.
- JSON nested deeper than MAX_JSON_DEPTH answers 400 (not a RecursionError).
- Bodies above MAX_CONTENT_LENGTH answer 413 (Flask), in Danish or JSON like every error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from flask import Flask, request
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

MAX_INT = 2**31 - 1
MAX_JSON_DEPTH = 64
NUMBER_FIELDS = frozenset(
    {
        "side",
        "page",
        "per_page",
        "age",
        "step",
        "bud",
        "tilbud",
        "version",
        "a",
        "b",
        "age_min",
        "age_max",
        "birth_year",
        "duration_weeks",
        "waiting_weeks",
    }
)
_ID_FIELD = re.compile(r"(^|_)ids?$")
_NUMBER = re.compile(r"\s*[-+]?\d+\s*")


class BadInput(BadRequest):
    """A request carries input the bank cannot take; says what and where in both languages."""

    def __init__(self, english: str, danish: str):
        super().__init__(english)
        self.english, self.danish = english, danish


class BoundedIntConverter(IntegerConverter):
    """The `int` route converter, limited to what a PostgreSQL integer column holds."""

    def __init__(
        self,
        url_map,
        fixed_digits: int = 0,
        min: int | None = None,  # noqa: A002
        max: int | None = None,
        signed: bool = False,
    ) -> None:
        super().__init__(url_map, fixed_digits, min, MAX_INT if max is None else max, signed)


def is_number_field(name: str) -> bool:
    """Return whether a query or form field carries a whole number (an id, a page, an age)."""
    return name in NUMBER_FIELDS or bool(_ID_FIELD.search(name))


def too_big(value: str) -> bool:
    """Return whether a text is a whole number outside the range of a database integer."""
    if not _NUMBER.fullmatch(value):
        return False
    digits = value.strip().lstrip("+-").lstrip("0")
    return len(digits) > 10 or int(digits or "0") > MAX_INT


def query_int(
    name: str,
    default: int | None = None,
    low: int = 0,
    high: int = MAX_INT,
    values: Mapping[str, str] | None = None,
) -> int | None:
    """Return the query argument (or a field of `values`) as a whole number in [low, high].

    Anything else (empty, not ASCII digits, too big, out of range) gives the default.
    """
    value = (request.args if values is None else values).get(name, "").strip()
    if not value.isascii() or not value.isdigit() or too_big(value):
        return default
    number = int(value)
    return number if low <= number <= high else default


def _nul(where: str) -> BadInput:
    return BadInput(
        f"{where} contains a NUL character", f"Feltet »{where}« indeholder et ugyldigt tegn (NUL)."
    )


def _check_fields(source: str, fields) -> None:
    for name, value in fields.items(multi=True):
        if "\x00" in name or "\x00" in value:
            raise _nul(name.replace("\x00", "") or source)
        if is_number_field(name) and too_big(value):
            raise BadInput(
                f"{source} field {name}: the number is too big (at most {MAX_INT})",
                f"Tallet i feltet »{name}« er for stort.",
            )


def _check_json(value, path: str = "body", depth: int = 0) -> None:
    if depth > MAX_JSON_DEPTH:
        raise BadInput(
            f"{path}: JSON nested deeper than {MAX_JSON_DEPTH} levels",
            "Data er indlejret for dybt.",
        )
    if isinstance(value, str):
        if "\x00" in value:
            raise _nul(path)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadInput(
                f"{path}: text with an unpaired surrogate",
                f"Feltet »{path}« indeholder et ugyldigt tegn.",
            ) from None
    elif isinstance(value, bool) or value is None or isinstance(value, float):
        return
    elif isinstance(value, int):
        if abs(value) > MAX_INT:
            raise BadInput(
                f"{path}: the number is too big (at most {MAX_INT})",
                f"Tallet i feltet »{path}« er for stort.",
            )
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_json(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(key, path, depth + 1)
            _check_json(item, f"{path}.{key}" if path != "body" else key, depth + 1)


def guard_request() -> None:
    """Before every request: refuse NUL bytes, too-big numbers and too-deep JSON (400)."""
    if "\x00" in request.path:
        raise BadInput(
            "the address contains a NUL character", "Adressen indeholder et ugyldigt tegn (NUL)."
        )
    _check_fields("query", request.args)
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        _check_fields("form", request.form)
    elif request.is_json and request.content_length != 0:
        raw = request.get_data(cache=True)
        try:
            data = json.loads(raw)
        except RecursionError:
            raise BadInput(
                f"body: JSON nested deeper than {MAX_JSON_DEPTH} levels",
                "Data er indlejret for dybt.",
            ) from None
        except ValueError:
            return  # the view's JSON parser answers malformed JSON itself
        _check_json(data)


def init_app(app: Flask) -> None:
    """Bound the `int` route converter and install the guard before every other hook."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.before_request_funcs.setdefault(None, []).insert(0, guard_request)
