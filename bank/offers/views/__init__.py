"""The catalogue's pages: one blueprint, routes split by job over this package's modules."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from bank import db
from bank.offers.terms import term_labels

bp = Blueprint("offers", __name__)


def _term_labels() -> dict[str, str]:
    """Return the vocabulary's labels, read once per request."""
    held: Any = request  # the request object carries them for the rest of the request
    if getattr(held, "_bank_term_labels", None) is None:
        held._bank_term_labels = term_labels(db.session)
    return held._bank_term_labels


def tag_label(slug: str) -> str:
    """Return the Danish label of a tag for templates (free keywords as they are)."""
    return _term_labels().get(slug, slug)


def shown_tags(slugs: list[str]) -> list[tuple[str, bool]]:
    """Return an offer's tags as templates show them: (label, is a vocabulary term) each."""
    labels = _term_labels()
    return [(labels.get(slug, slug), slug in labels) for slug in slugs]


from bank.offers.views import apidocs, catalogue, editor, vocabulary  # noqa: E402,F401
