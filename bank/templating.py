"""Every template filter and global, registered in this one place under the names templates use.

The functions live with the feature they serve; only their registration is here, so a
template's helper is found by its name in this file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask

from bank import danish
from bank.needs.views import label_da, plan_link
from bank.offers.views import shown_tags, tag_label
from bank.plans import course_link
from bank.plans.dimensions import BUILT_IN
from bank.plans.views import past_end_date
from bank.reports.highlight import highlight

DIMENSION_LABELS = {d.key: d.label for d in BUILT_IN}


def dimension_label(key: str) -> str:
    """Return the Danish label of a built-in progress dimension (other keys as they are)."""
    return DIMENSION_LABELS.get(key, key)


FILTERS: dict[str, Callable[..., Any]] = {
    "local_time": danish.local_time,
    "danish_day": danish.day,
    "dansk_dato": danish.short_date,
    "dk": danish.number,
    "pct": danish.percent,
    "highlight": highlight,
}

GLOBALS: dict[str, Callable[..., Any]] = {
    "signed": danish.signed,
    "tag_label": tag_label,
    "shown_tags": shown_tags,
    "label_da": label_da,
    "plan_link": plan_link,
    "course_link": course_link,
    "past_end_date": past_end_date,
    "dimension_label": dimension_label,
}


def init_app(app: Flask) -> None:
    """Register every template filter and global."""
    for name, function in FILTERS.items():
        app.add_template_filter(function, name)
    for name, function in GLOBALS.items():
        app.add_template_global(function, name)
