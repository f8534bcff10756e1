"""The demo: demo sign-ins for every role, and the loaders that fill the demo database."""

from __future__ import annotations

import importlib
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank.auth.models import Role, User
from bank.auth.services import create_user, get_or_create_unit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEMO_PASSWORD = "demo-adgang-2026"

# (e-mail, name, role, unit). Units are created if the catalogue has not yet made them.
DEMO_USERS = (
    ("tovholder@demo.dk", "Sara Tovholder", Role.COORDINATOR, "Ungeindsatsen"),
    ("fagperson@demo.dk", "Jonas Fagperson", Role.UNIT_MEMBER, "Ungdomsskolen"),
    ("redaktoer@demo.dk", "Eva Redaktør", Role.EDITOR, "Ungdomsskolen"),
    ("leder@demo.dk", "Lars Leder", Role.LEADER, None),
    ("admin@demo.dk", "Aisha Administrator", Role.ADMIN, None),
)

# Each feature that has demo data names a module with load_demo(session, fixtures: Path).
# They run in this order, in one transaction.
DEMO_LOADERS: tuple[str, ...] = (
    "bank.offers.demo",
    "bank.needs.demo",
    "bank.plans.demo",  # after the need bank's loader: it plans the demo courses
    "bank.plans.demo_history",  # a year of earlier, ended courses: decisions to learn from
)


def load_demo_users(session: Session) -> list[tuple[str, str]]:
    """Create the demo users (once) and return their sign-ins as (e-mail, role label)."""
    sign_ins = []
    for email, name, role, unit_name in DEMO_USERS:
        if session.scalar(sa.select(User.id).where(User.email == email)) is None:
            unit = get_or_create_unit(session, unit_name) if unit_name else None
            create_user(session, email, name, DEMO_PASSWORD, role, unit)
        sign_ins.append((email, role.label))
    return sign_ins


def load_demo(session: Session) -> list[tuple[str, str]]:
    """Fill the database with the demo catalogue, courses and users, and commit.

    The first load also fits the learned signal on the demo's decisions, so the leader sees
    a fitted model at once instead of after the worker's next minute.
    """
    for module in DEMO_LOADERS:
        importlib.import_module(module).load_demo(session, FIXTURES)
    sign_ins = load_demo_users(session)
    session.commit()
    _first_fit(session)
    return sign_ins


def _first_fit(session: Session) -> None:
    """Refit the learned signal (and commit it) unless some fit was made before.

    This process then looks for the adopted model on its next search, not LOOK_AGAIN later.
    """
    from bank.ranking.learning import forget_attached, latest_fit  # the loaders import us
    from bank.tasks import refit_learned

    if latest_fit(session) is None:
        refit_learned(session, force=True)
        forget_attached()
