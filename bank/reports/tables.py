"""The reports as tables for CSV and XLSX export, with Danish headings."""

from __future__ import annotations

from bank import danish
from bank.plans.dimensions import BUILT_IN
from bank.reports.coverage import COUNT_SERIES, FORMS, NO_FORM, TagCoverage
from bank.reports.doubles import DoubleView, PairView
from bank.reports.export import Cell, Table
from bank.reports.figures import CourseGroup
from bank.reports.gaps import GapGroup
from bank.reports.management import Management
from bank.reports.stats import Summary

PAIR_HEADINGS = (
    "Gruppe",
    "Tilbud A",
    "Enhed A",
    "Center A",
    "Tilbud B",
    "Enhed B",
    "Center B",
    "Lighed (%)",
    "Fælles emner",
    "Fælles ord",
    "Id A",
    "Id B",
)
DIMENSION_LABELS = {d.key: d.label for d in BUILT_IN}


def _pair_row(group: int | str, pair: PairView, tags: dict[str, str]) -> list:
    return [
        group,
        pair.a.title,
        pair.a.unit_name,
        pair.a.centre_name,
        pair.b.title,
        pair.b.unit_name,
        pair.b.centre_name,
        danish.whole_percent(pair.score),
        ", ".join(tags.get(t, t) for t in pair.tags),
        ", ".join(pair.terms),
        pair.a.ref,
        pair.b.ref,
    ]


def double_tables(view: DoubleView, tags: dict[str, str] | None = None) -> list[Table]:
    """Return the double-offer pairs (by group) and the overlapping pairs, tags by label."""
    tags = tags or {}
    doubles = [_pair_row(n, p, tags) for n, g in enumerate(view.groups, start=1) for p in g.pairs]
    partial = [_pair_row("", p, tags) for p in view.partial]
    marks: list[list[Cell]] = [
        [m.offer_a.title, m.offer_b.title, m.comment, m.user.name if m.user else "", m.created_at]
        for m in view.marks
    ]
    return [
        Table("Dobbelttilbud", PAIR_HEADINGS, doubles),
        Table("Delvist overlap", PAIR_HEADINGS, partial),
        Table(
            "Ikke dobbelttilbud", ("Tilbud A", "Tilbud B", "Kommentar", "Af", "Tidspunkt"), marks
        ),
    ]


def _percent(share: float | None) -> int | None:
    """Return a share as the whole percent the page shows (51 for 0.505), None for none."""
    return None if share is None else danish.whole_percent(share)


def _summary(s: Summary) -> list:
    return [s.median, s.mean, s.minimum, s.maximum]


def _course_rows(kind: str, groups: list[CourseGroup]) -> list[list]:
    return [
        [kind, g.name, g.running, g.ended, *_summary(g.ended_days), g.running_days.median]
        for g in groups
    ]


def management_tables(m: Management) -> list[Table]:
    """Return every management figure as tables: courses, needs, meetings, outcomes."""
    c = m.courses
    course_rows = (
        _course_rows("I alt", [c.total])
        + _course_rows("Center", c.by_centre)
        + _course_rows("Enhed", c.by_unit)
        + _course_rows("Tovholder", c.by_coordinator)
    )
    n = m.needs
    need_rows: list[list[Cell]] = [
        ["Offentliggjorte behov", n.published],
        ["Behov med mindst ét bud", n.with_bid],
        ["Dage til første bud, median", n.days_to_first_bid.median],
        ["Dage til første bud, gennemsnit", n.days_to_first_bid.mean],
        ["Bud pr. behov, median", n.bids_per_need.median],
        ["Bud pr. behov, gennemsnit", n.bids_per_need.mean],
        ["Behov med et accepteret bud", n.with_accepted],
        ["Andel med et accepteret bud (%)", _percent(n.accepted_share)],
        ["Behov offentliggjort for mindst 14 dage siden", n.old_enough],
        ["Heraf uden bud efter 14 dage", n.no_bid_in_14_days],
    ]
    g = m.meetings
    meeting_rows: list[list[Cell]] = [
        ["Forløb i gang", g.running],
        ["Forløb, der mangler et teammøde", len(g.overdue)],
        ["Overgange (16 og 17½ år) i perioden", g.milestones_due],
        ["Forberedt til tiden", g.on_time],
        ["Forberedt for sent", g.late],
        ["Ikke forberedt", g.missing],
        ["Andel til tiden (%)", _percent(g.on_time_share)],
    ]
    outcome_rows: list[list[Cell]] = []
    for o in m.outcomes:
        if o.suppressed:
            outcome_rows.append(
                [o.offer, o.centre, o.courses, "Færre end 5 forløb: vises ikke", None, None, None]
            )
        for d in o.changes:
            label = DIMENSION_LABELS.get(d.dimension, d.dimension)
            if d.change is None:
                outcome_rows.append(
                    [
                        o.offer,
                        o.centre,
                        o.courses,
                        label + ": for få målinger",
                        d.courses,
                        None,
                        None,
                    ]
                )
            else:
                outcome_rows.append(
                    [o.offer, o.centre, o.courses, label, d.courses, d.change.median, d.change.mean]
                )
    return [
        Table(
            "Forløb",
            (
                "Opdelt på",
                "Navn",
                "I gang",
                "Afsluttet",
                "Varighed median (dage)",
                "Varighed gennemsnit (dage)",
                "Korteste (dage)",
                "Længste (dage)",
                "I gang, median (dage)",
            ),
            course_rows,
        ),
        Table("Behov og bud", ("Tal", "Værdi"), need_rows),
        Table("Møder og overgange", ("Tal", "Værdi"), meeting_rows),
        Table(
            "Resultater pr. tilbud",
            (
                "Tilbud",
                "Center",
                "Forløb",
                "Dimension",
                "Forløb med måling",
                "Ændring median",
                "Ændring gennemsnit",
            ),
            outcome_rows,
        ),
    ]


def gap_tables(groups: list[GapGroup]) -> list[Table]:
    """Return the gaps as one table: tag, need, best offer and its score."""
    rows = [
        [
            g.label,
            gap.need.title,
            gap.need.published_at,
            gap.offer.title if gap.offer else "",
            danish.whole_percent(gap.score),
        ]
        for g in groups
        for gap in g.gaps
    ]
    headings = ("Emne", "Behov", "Offentliggjort", "Bedste tilbud", "Score (%)")
    return [Table("Huller", headings, rows)]


def coverage_tables(rows: list[TagCoverage]) -> list[Table]:
    """Return the coverage per area: offers, needs and the offers' forms."""
    headings = ("Emne", *COUNT_SERIES, *(name for _, name in FORMS), NO_FORM)
    return [
        Table(
            "Dækning",
            headings,
            [[r.label, r.offers, r.needs_open, r.needs_year, *r.forms] for r in rows],
        )
    ]
