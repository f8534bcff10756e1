"""The unit of work: the only place where a request's changes are committed or rolled back.

Services add, change and audit through `db.session` and never commit; a view or an API
endpoint ends its work through one of these helpers. The CLI and the worker commit on their
own, as they are their own units of work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import flash, redirect
from sqlalchemy import orm

from bank import db
from bank.errors import BankError, Conflict, Invalid, NotAllowed

T = TypeVar("T")
View = TypeVar("View", bound=Callable[..., Any])


@contextmanager
def transaction() -> Iterator[None]:
    """Run a block as one transaction: commit when it ends, roll back when it raises."""
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    db.session.commit()


def discard() -> None:
    """Throw away what the request changed so far (a preview, or a form shown again)."""
    db.session.rollback()


def change(
    work: Callable[[], object],
    *,
    then: str,
    done: str | None = None,
    invalid: Callable[[Invalid], Any] | None = None,
    refused: str | None = None,
    flashed: tuple[type[BankError], ...] = (Conflict, NotAllowed),
    kind: str = "message",
) -> Any:
    """Run a page's change as one transaction, then flash `done` and redirect to `then`.

    On `Invalid` the change is rolled back and `invalid(exc)` renders the form again with
    its field errors (without `invalid`, the first error is flashed). On `Conflict` or
    `NotAllowed` it is rolled back, the Danish message flashed and the user sent to
    `refused` (or `then`). `flashed` names the errors handled so; a page that answers a
    refusal with its error page instead passes `flashed=(Conflict,)`. `kind` is the flash
    category of `done`.
    """
    try:
        work()
    except Invalid as exc:
        db.session.rollback()
        if invalid is not None:
            response = invalid(exc)
            db.session.commit()  # the page shown again may have audited a read
            return response
        flash(exc.danish, "error")
        return redirect(refused or then)
    except flashed as exc:
        db.session.rollback()
        flash(exc.danish, "error")
        return redirect(refused or then)
    db.session.commit()
    if done:
        flash(done, kind)
    return redirect(then)


def audited_read(view: View) -> View:
    """Decorate a view that reads citizen data so its audit entries are kept.

    The entries are committed when the view answers; when it raises, they are rolled back
    with everything else, as the read did not happen.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with transaction():
            return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def keep(result: T) -> T:
    """Commit what a read recorded (its audit entries) and pass its result on."""
    db.session.commit()
    return result


AFTER_COMMIT, COMMITTED = "bank.after_commit", "bank.committed"  # keys in Session.info


def after_commit(action: Callable[[], object], session: orm.Session | None = None) -> None:
    """Run `action` once the session's transaction has committed; forget it on a rollback.

    For work outside the database that must find the committed rows, such as a task handed
    to the worker. It runs whoever commits: a view's unit of work, the worker or the CLI.
    """
    (session or db.session).info.setdefault(AFTER_COMMIT, []).append(action)


@sa.event.listens_for(orm.Session, "after_commit")
def _committed(session: orm.Session) -> None:
    if not session.in_nested_transaction():  # a savepoint's release is not the commit
        session.info.setdefault(COMMITTED, []).extend(session.info.pop(AFTER_COMMIT, []))


@sa.event.listens_for(orm.Session, "after_transaction_end")
def _ended(session: orm.Session, transaction: orm.SessionTransaction) -> None:
    if transaction.parent is not None:
        return
    session.info.pop(AFTER_COMMIT, None)  # rolled back or closed without a commit
    for action in session.info.pop(COMMITTED, []):
        action()  # after the transaction ended, so the action may use the session again
