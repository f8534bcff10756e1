"""Progress dimensions are data, and values are checked against their scale."""

from __future__ import annotations

import pytest

from bank.errors import Invalid
from bank.plans.dimensions import (
    ATTENDANCE,
    BUILT_IN,
    COPING,
    PARTICIPATION,
    WELLBEING,
    Kind,
    custom_dimension,
)


def test_the_four_built_in_dimensions_have_their_scales():
    assert [(d.key, d.kind, d.low, d.high) for d in BUILT_IN] == [
        ("attendance", Kind.PERCENT, 0, 100),
        ("coping", Kind.SCALE, 1, 10),
        ("wellbeing", Kind.SCALE, 1, 10),
        ("participation", Kind.CHOICE, 0, 2),
    ]
    assert WELLBEING.young_persons_own and not COPING.young_persons_own
    assert PARTICIPATION.choices == ("Ingen", "Prøver", "Fast")


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        (ATTENDANCE, "87,5", 87.5),
        (ATTENDANCE, "0", 0.0),
        (ATTENDANCE, 100, 100.0),
        (COPING, "7", 7.0),
        (WELLBEING, " 10 ", 10.0),
        (PARTICIPATION, "prøver", 1.0),
        (PARTICIPATION, "2", 2.0),
    ],
)
def test_values_on_the_scale_are_accepted(spec, raw, value):
    assert spec.parse(raw) == value


@pytest.mark.parametrize(
    ("spec", "raw", "danish"),
    [
        (ATTENDANCE, "101", "Skal være mellem 0 og 100."),
        (ATTENDANCE, "-1", "Skal være mellem 0 og 100."),
        (COPING, "0", "Skal være mellem 1 og 10."),
        (COPING, "6,5", "Skal være et helt tal."),
        (WELLBEING, "godt", "Skriv et tal."),
        (WELLBEING, "", "Skriv et tal."),
        (PARTICIPATION, "tit", "Vælg en af: Ingen, Prøver, Fast."),
        (PARTICIPATION, "3", "Vælg en af: Ingen, Prøver, Fast."),
    ],
)
def test_values_off_the_scale_are_refused_naming_the_field(spec, raw, danish):
    with pytest.raises(Invalid) as caught:
        spec.parse(raw)
    assert caught.value.danish_errors() == {"value": [danish]}


def test_values_read_as_people_say_them():
    assert ATTENDANCE.text(87.5) == "87,5 %"
    assert COPING.text(7) == "7 af 10"
    assert PARTICIPATION.text(2) == "Fast"


def test_a_team_can_add_its_own_dimensions():
    sleep = custom_dimension("Søvn", "scale", 1, 5)
    assert (sleep.key, sleep.low, sleep.high) == ("team-soevn", 1, 5)
    assert sleep.parse("5") == 5.0
    school = custom_dimension("Morgenrutine", "choice", choices=["Nej", "Nogle dage", "Hver dag"])
    assert school.axis().ticks == ((0, "Nej"), (1, "Nogle dage"), (2, "Hver dag"))
    assert custom_dimension("Lektier lavet", Kind.PERCENT).high == 100


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("", "scale"), "label"),
        (("Fremmøde", "percent"), "label"),
        (("Søvn", "scale", 5, 5), "high"),
        (("Søvn", "graf"), "kind"),
        (("Humør", "choice", None, None, ["Godt"]), "choices"),
        (("Humør", "choice", None, None, ["Godt", "godt"]), "choices"),
    ],
)
def test_a_bad_team_dimension_is_refused_naming_the_field(args, field):
    with pytest.raises(Invalid) as caught:
        custom_dimension(*args)
    assert field in caught.value.errors


def test_a_team_dimension_cannot_take_a_name_the_course_already_uses():
    with pytest.raises(Invalid):
        custom_dimension("søvn", "scale", taken=["Søvn"])
