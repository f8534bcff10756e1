"""The import's fast path loads exactly what the interchange schema loads, or steps aside."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from bank.offers.fast_load import fast_load
from bank.offers.schemas import interchange_schema

SCHEMA = interchange_schema()
ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def mostly(good: st.SearchStrategy, odd: st.SearchStrategy = ODD) -> st.SearchStrategy:
    """Draw from good nine times in ten, from odd otherwise."""
    return st.integers(0, 9).flatmap(lambda roll: odd if roll == 0 else good)


TEXT = st.text(max_size=30) | st.text(min_size=190, max_size=210)
LINES = st.lists(st.text(max_size=20), max_size=4) | st.lists(
    st.just("x"), min_size=29, max_size=32
)
THEORY = st.fixed_dictionaries(
    {},
    optional={
        "problem": mostly(TEXT),
        "target_group": TEXT,
        "community": TEXT,
        "activities": mostly(LINES),
        "outputs": LINES,
        "outcomes_short": LINES,
        "outcomes_long": LINES,
        "assumptions": LINES,
        "extra": st.integers(),
    },
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": mostly(st.text(max_size=70)),
        "title": mostly(TEXT),
        "description": TEXT,
        "unit": mostly(TEXT),
        "centre": TEXT,
        "contact": mostly(st.text(max_size=310)),
        "tags": mostly(LINES | st.lists(st.just(""), max_size=2)),
        "legal_basis": mostly(LINES),
        "age_min": mostly(st.integers(-5, 105)),
        "age_max": st.integers(0, 99) | st.none(),
        "step": mostly(st.integers(0, 7)),
        "capacity": mostly(st.integers(-1, 10_001)),
        "status": mostly(st.sampled_from(["draft", "published", "retired", "x"])),
        "referral": mostly(st.sampled_from(["direct", "visitation", None, "y"])),
        "programme_theory": mostly(THEORY),
        "reviewed_at": st.just("2024-05-01T08:30:00+00:00"),
        "version": st.integers(),
        "note": st.text(max_size=3),
    },
)


@settings(
    max_examples=1500, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(RECORD)
def test_the_fast_path_loads_what_the_schema_loads_or_leaves_the_line_to_the_schema(record):
    fast = fast_load(record)
    if fast is None:
        return
    try:
        assert SCHEMA.load(record) == fast
    except ValidationError as exc:
        raise AssertionError(f"the fast path took a line the schema refuses: {exc}") from None


def test_a_plain_complete_line_takes_the_fast_path():
    record = {
        "id": "o1",
        "title": "Lektiecafé",
        "description": "Lektier.",
        "unit": "Ungdomsskolen",
        "centre": "Center",
        "tags": ["skole"],
        "age_min": 13,
        "age_max": 17,
        "step": 2,
        "capacity": None,
        "status": "published",
        "referral": "direct",
        "programme_theory": {"problem": "Lektier.", "activities": ["Hjælp"]},
    }
    assert fast_load(record) == SCHEMA.load(record)
