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

from flask import flash, redirect

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
