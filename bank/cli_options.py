"""Click option shapes the `bank` commands share: a user's e-mail, a bounded count, a setting
that falls back on a BANK_* environment variable."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def env_int(name: str, default: int) -> int:
    """Return the whole number in environment variable `name`, or `default` when it is unset."""
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise click.BadParameter(f"{name} must be a whole number, not {raw!r}") from None


def email_option(help: str | None = None) -> Decorator:
    """Return the required --email option that names the user a command acts on."""
    return click.option("--email", required=True, help=help)


def count_option(
    name: str, default: int, low: int, high: int | None, help: str, dest: str | None = None
) -> Decorator:
    """Return an option for a whole number from `low` to `high`, its default shown in --help."""
    names = (name, dest) if dest else (name,)
    return click.option(
        *names, default=default, show_default=True, type=click.IntRange(low, high), help=help
    )


def env_count_option(name: str, variable: str, default: int, help: str) -> Decorator:
    """Return an option for a positive whole number that defaults to `variable`, else `default`."""
    return click.option(
        name,
        type=click.IntRange(min=1),
        default=lambda: env_int(variable, default),
        show_default=f"{variable} or {default}",
        help=help,
    )


def env_text_option(name: str, variable: str, default: str, help: str) -> Decorator:
    """Return a text option that defaults to environment variable `variable`, else `default`."""
    return click.option(
        name,
        default=lambda: os.environ.get(variable, default),
        show_default=f"{variable} or {default}",
        help=help,
    )
