"""Cookie sessions the server can end: a per-user generation, an idle timeout, a fixed lifetime.

Flask keeps the session in a signed cookie, so on its own the server cannot take one back.
Each user has a session generation; a session remembers the generation it began in, and is
honoured only while they match. Signing out, a password change and deactivation bump the
generation, which ends every session of that user at once. A session also ends after
SESSION_IDLE_HOURS without a request, and PERMANENT_SESSION_LIFETIME after sign-in.
Bearer-token calls (bank.auth.bearer) carry no cookie session and are not affected.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import current_app, g, session
from flask_login import login_user, logout_user
from sqlalchemy.orm import Session

from bank.auth.models import User

GENERATION, SINCE, SEEN = "_bank_gen", "_bank_since", "_bank_seen"
TOUCH_EVERY = 60.0  # seconds: the last-seen time is refreshed at most once a minute


def now() -> float:
    """Return the current time in seconds (a function, so tests can move the clock)."""
    return time.time()


def start_session(user: User) -> None:
    """Begin a fresh session for a user who just signed in: new CSRF token, generation, clock."""
    session.clear()  # nothing from before sign-in survives, the CSRF token included
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)
    login_user(user)
    moment = now()
    session[GENERATION] = user.session_generation
    session[SINCE] = session[SEEN] = moment


def session_is_current(user: User) -> bool:
    """Return whether this cookie session may still act for the user; refresh its clock."""
    if not user.active or session.get(GENERATION) != user.session_generation:
        return False
    moment = now()
    since, seen = session.get(SINCE), session.get(SEEN)
    if not isinstance(since, int | float) or not isinstance(seen, int | float):
        return False
    idle = float(current_app.config.get("SESSION_IDLE_HOURS", 8)) * 3600
    lifetime = current_app.permanent_session_lifetime.total_seconds()
    if moment - seen > idle or moment - since > lifetime:
        return False
    if moment - seen > TOUCH_EVERY:
        session[SEEN] = moment
    return True


def forget_session() -> None:
    """Drop the cookie session's contents (an ended session must not come back)."""
    session.clear()


def end_all_sessions(db_session: Session, user: User) -> None:
    """Bump the user's session generation: every session begun before ends; the caller commits."""
    db_session.execute(
        sa.update(User)
        .where(User.id == user.id)
        .values(session_generation=User.session_generation + 1)
    )
    if user in db_session:
        db_session.expire(user, ["session_generation"])


def sign_out(db_session: Session, user: User) -> None:
    """Sign the user out here and everywhere else: end the sessions, clear this cookie.

    The caller commits the ended sessions.
    """
    end_all_sessions(db_session, user)
    logout_user()
    session.clear()
