"""1,000 fuzzed import files each end in a clean error naming file and line, never a traceback,
with the database unchanged; a lost connection or a refusing database is reported the same way.

Every file holds a few good lines and one broken line, broken in one of the ways the outside
probe found (deep JSON, surrogates, NUL bytes, values the database refuses) or another way.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import DataError, OperationalError

from bank.cli import main
from bank.offers.catalogue import catalogue_version
from bank.offers.models import Offer, OfferRevision
from bank.offers.rules import LIST_LIMITS, TEXT_LIMITS
from tests.integration.test_offer_import_export import line

FIELDS = [
    "id",
    "title",
    "description",
    "unit",
    "tags",
    "age_min",
    "capacity",
    "step",
    "status",
    "contact",
    "referral",
    "reviewed_at",
    "centre",
]
WRONG_TEXTS = [{"a": 1}, [1, [2]], True, 3.5, 12]
WRONG_INTS = ["tekst", {"a": 1}, [1], 3.5, "12,5", True]
TEXT_FIELDS = ["id", "title", "description", "unit", "contact", "centre"]


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def broken_line(draw) -> bytes:
    """One offers.jsonl line, broken in one of many ways (as raw bytes)."""
    record = line(f"fz{draw(st.integers(0, 10**6))}")
    kind = draw(
        st.sampled_from(
            [
                "deep",
                "deep_field",
                "surrogate",
                "nul",
                "huge_int",
                "float_inf",
                "nan",
                "wrong_type",
                "too_long",
                "too_many_tags",
                "bad_utf8",
                "not_object",
                "broken_json",
                "missing",
                "bad_enum",
                "bad_date",
                "nested_wrong",
                "negative",
                "empty_unit",
                "deep_theory",
            ]
        )
    )
    name = draw(st.sampled_from(FIELDS))
    text_name = draw(st.sampled_from(TEXT_FIELDS))
    if kind == "deep":
        return _nested(draw(st.integers(1_000, 60_000))).encode()
    if kind == "deep_field":
        body = json.dumps(record)[:-1]
        return (body + f', "{name}": ' + _nested(draw(st.integers(900, 20_000))) + "}").encode()
    if kind == "surrogate":
        text = (
            json.dumps(record)[:-1] + f', "{text_name}": "ab\\ud8{draw(st.integers(0, 99)):02}"}}'
        )
        return text.encode()
    if kind == "nul":
        record[text_name] = "før\x00efter"
    elif kind == "huge_int":
        record[draw(st.sampled_from(["age_min", "capacity", "step"]))] = draw(
            st.integers(2**31, 2**70) | st.integers(-(2**70), -(2**31))
        )
    elif kind == "float_inf":
        return (json.dumps(record)[:-1] + ', "capacity": 1e999}').encode()
    elif kind == "nan":
        return (json.dumps(record)[:-1] + f', "{name}": NaN}}').encode()
    elif kind == "wrong_type":
        wrong = WRONG_INTS if name in ("age_min", "capacity", "step") else WRONG_TEXTS
        record[name] = draw(st.sampled_from(wrong))
    elif kind == "too_long":
        record[text_name] = "x" * (TEXT_LIMITS[{"id": "ref"}.get(text_name, text_name)] + 1)
    elif kind == "too_many_tags":
        record["tags"] = [
            f"t{i}" for i in range(LIST_LIMITS["tags"][0] + draw(st.integers(1, 500)))
        ]
    elif kind == "bad_utf8":
        return json.dumps(record).encode()[:40] + b"\xff\xfe" + json.dumps(record).encode()[40:]
    elif kind == "not_object":
        return json.dumps(draw(st.sampled_from([[1, 2], "tekst", 12, None, True]))).encode()
    elif kind == "broken_json":
        text = json.dumps(record)
        return text[: draw(st.integers(1, len(text) - 1))].encode()
    elif kind == "missing":
        del record[draw(st.sampled_from(["id", "title", "description", "unit"]))]
    elif kind == "bad_enum":
        record[draw(st.sampled_from(["status", "referral"]))] = draw(st.text(max_size=5))
    elif kind == "bad_date":
        record["reviewed_at"] = draw(st.sampled_from(["2024-13-01", "i går", "2024-01-01", 5]))
    elif kind == "nested_wrong":
        record["programme_theory"] = draw(st.sampled_from([[], "x", {"activities": "x"}]))
    elif kind == "negative":
        record[draw(st.sampled_from(["age_min", "capacity"]))] = -draw(st.integers(1, 1000))
    elif kind == "empty_unit":
        record["unit"] = draw(st.sampled_from(["", "   "]))
    elif kind == "deep_theory":
        record["programme_theory"]["activities"] = json.loads(_nested(50))
    return json.dumps(record, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def fuzzed_file(draw) -> tuple[bytes, int]:
    """A file of good lines with one broken line; return (bytes, the broken line's number)."""
    good = [json.dumps(line(f"ok{i}"), ensure_ascii=False).encode() for i in range(3)]
    before = draw(st.integers(0, 3))
    lines = [*good[:before], draw(broken_line()), *good[before:]]
    return b"\n".join(lines) + b"\n", before + 1


def _state(session) -> tuple[int, int, int]:
    session.rollback()
    count = session.scalar(sa.select(sa.func.count(Offer.id)))
    revisions = session.scalar(sa.select(sa.func.count(OfferRevision.id)))
    return count, revisions, catalogue_version(session)


@pytest.fixture
def one_offer(runner, session, tmp_path):
    """An existing import (so 'unchanged' means more than 'empty'); return the db state."""
    path = tmp_path / "first.jsonl"
    path.write_text(json.dumps(line("first"), ensure_ascii=False) + "\n")
    assert runner.invoke(main, ["import", "offers", str(path)]).exit_code == 0
    return _state(session)


def test_a_thousand_fuzzed_files_each_end_in_a_clean_error_naming_file_and_line(
    runner, session, tmp_path, one_offer
):
    path = tmp_path / "fuzz.jsonl"
    seen: list[str] = []

    @settings(
        max_examples=1000,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzed_file())
    def import_one(sample: tuple[bytes, int]) -> None:
        data, number = sample
        path.write_bytes(data)
        result = runner.invoke(main, ["import", "offers", str(path)])
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        assert f"Error: fuzz.jsonl, line {number}" in result.output, result.output
        assert "(nothing was imported)" in result.output
        assert _state(session) == one_offer
        seen.append(result.output)

    import_one()
    assert len(seen) == 1000


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            OperationalError("INSERT", {}, Exception("server closed the connection")),
            "lost the connection to the database while saving",
        ),
        (
            DataError("INSERT", {}, Exception("value too long for type character varying(200)")),
            "the database refused the offers (value too long",
        ),
    ],
)
def test_a_database_failure_while_saving_names_file_and_lines_without_a_traceback(
    runner, session, tmp_path, monkeypatch, one_offer, error, message
):
    path = tmp_path / "offers.jsonl"
    path.write_text("".join(json.dumps(line(f"n{i}")) + "\n" for i in range(3)))

    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr("bank.offers.bulk._insert", fail)
    result = runner.invoke(main, ["import", "offers", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Error: offers.jsonl, lines 1–3: {message}" in result.output
    assert "(nothing was imported)" in result.output
    assert _state(session) == one_offer
