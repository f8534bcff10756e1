"""Every route of the app with its parameters filled in: baseline values and hostile ones."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from werkzeug.routing import IntegerConverter, Rule

from bank.inputs import NUMBER_FIELDS

SOURCE = Path(__file__).resolve().parents[3] / "bank"
HUGE = ("2147483648", "99999999999999999999", "-99999999999")
NUL = "a\x00b"
SKIP = {"static", "auth.logout"}  # signing out would end the crawl's own session
_NAME = re.compile(
    r"""(?:args|values|form)\.get(?:list)?\(\s*["']([a-z_]+)["']|_int\(["']([a-z_]+)"""
)


def query_names() -> list[str]:
    """Return every query or form field name the app's code reads, and the number fields."""
    names = set(NUMBER_FIELDS)
    for path in SOURCE.rglob("*.py"):
        for match in _NAME.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
    return sorted(names)


def routes(app: Flask) -> list[tuple[Rule, list[str]]]:
    """Return every rule (but static files and sign-out) and the methods it answers."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIP:
            continue
        methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
        out.append((rule, methods))
    return sorted(out, key=lambda item: item[0].rule)


def fill(rule: Rule, values: dict[str, str], default: str = "1") -> str:
    """Return the rule's path with each <parameter> replaced by its value (or the default)."""

    def value(match: re.Match) -> str:
        name = match.group(1).split(":")[-1]
        return values.get(name, default)

    return re.sub(r"<([^>]+)>", value, rule.rule)


def is_int(rule: Rule, name: str) -> bool:
    """Return whether the rule's parameter is an integer."""
    return isinstance(rule._converters[name], IntegerConverter)


def hostile_paths(rule: Rule) -> list[str]:
    """Return the rule's path with one parameter at a time made huge or given a NUL byte."""
    paths = []
    for name in rule.arguments:
        bad = [*HUGE, NUL] if is_int(rule, name) else [NUL, HUGE[1]]
        paths += [fill(rule, {name: value}) for value in bad]
    return paths
