"""Domain errors in two languages, and error pages negotiated between people and API callers."""

from __future__ import annotations

from flask import Flask, flash, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

Errors = dict[str, list[tuple[str, str]]]
"""Field errors: field name -> list of (English, Danish) messages."""


class BankError(Exception):
    """A business rule said no; carries an English and a Danish message."""

    status = 400

    def __init__(self, message: str, danish: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.danish = danish or message
        self.field = field


class NotFound(BankError):
    """The record does not exist (or is not visible to this user)."""

    status = 404


class NotAllowed(BankError):
    """The user's role or relation to the record does not allow this action."""

    status = 403


class Conflict(BankError):
    """The record changed under the user, or its state forbids the change."""

    status = 409


class Invalid(BankError):
    """Field errors: a mapping field -> list of (English, Danish) messages."""

    status = 422

    def __init__(self, errors: Errors):
        first = next(iter(errors.items()))
        super().__init__(f"{first[0]}: {first[1][0][0]}", first[1][0][1], first[0])
        self.errors = errors

    def english(self) -> dict[str, list[str]]:
        """Return the field errors in English, as the API shows them."""
        return {f: [en for en, _ in msgs] for f, msgs in self.errors.items()}

    def danish_errors(self) -> dict[str, list[str]]:
        """Return the field errors in Danish, as the pages show them."""
        return {f: [da for _, da in msgs] for f, msgs in self.errors.items()}


def flash_invalid(exc: Invalid, category: str = "error") -> None:
    """Flash each Danish field error of a refused change, for the page shown next."""
    for messages in exc.danish_errors().values():
        for message in messages:
            flash(message, category)


DANISH_HTTP = {
    400: "Forespørgslen kunne ikke forstås.",
    403: "Du har ikke adgang til denne side.",
    404: "Siden findes ikke.",
    405: "Den handling kan ikke bruges her.",
    409: "Der opstod en konflikt. Prøv igen.",
    413: "Det, du sendte, er for stort. Send mindre ad gangen.",
    422: "Nogle felter er ikke udfyldt rigtigt.",
    429: "Du har prøvet for mange gange. Vent et minut, og prøv så igen.",
    500: "Der gik noget galt hos os. Prøv igen om lidt.",
}


def wants_json() -> bool:
    """Return whether the caller is an API client rather than a person with a browser."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def _render(status: int, english: str, danish: str, errors: dict | None = None):
    if wants_json():
        body = {"code": status, "status": english, "message": english}
        if errors:
            body["errors"] = {"json": errors}
        return jsonify(body), status
    return render_template("errors/error.html", status=status, message=danish), status


def init_app(app: Flask) -> None:
    """Register the negotiated error handlers."""

    @app.errorhandler(BankError)
    def _bank_error(exc: BankError):
        errors = exc.english() if isinstance(exc, Invalid) else None
        return _render(exc.status, exc.message, exc.danish, errors)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        status = exc.code or 500
        data = getattr(exc, "data", None) or {}
        if wants_json():
            english = getattr(exc, "english", None) or data.get("message", exc.name)
            body = {"code": status, "status": exc.name, "message": english}
            if "messages" in data:
                body["errors"] = data["messages"]
            return jsonify(body), status
        danish = getattr(exc, "danish", None) or DANISH_HTTP.get(status, DANISH_HTTP[500])
        return render_template("errors/error.html", status=status, message=danish), status
