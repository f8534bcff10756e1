"""Bearer tokens on the JSON API: who calls, what the scope allows, CSRF for cookies only, audit.

Under /api/ a request with `Authorization: Bearer <secret>` is the token's owner and nobody
else (a cookie session sent alongside is ignored); an unknown, expired or revoked token
answers 401, a change with a `read` token 403. CSRF protects cookie sessions only: a browser
cannot send an Authorization header cross-site, so token calls skip it. A change under /api/
with no credentials answers 401 (not CSRF's 400). Every successful token read of citizen data
(the need bank's API) is written to the audit log.
"""

from __future__ import annotations

from flask import Flask, Request, Response, current_app, g, jsonify, request
from flask_login import current_user
from werkzeug.http import HTTP_STATUS_CODES

from bank import db
from bank.auth.services import record_audit
from bank.auth.tokens import ApiToken, TokenScope, authenticate_token
from bank.extensions import get_api, login_manager
from bank.unit_of_work import keep

API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CITIZEN_BLUEPRINTS = frozenset({"needs_api"})  # API blueprints that serve citizen-related data
RECORD_ARGS = (("need_id", "need"), ("bid_id", "bid"))


def bearer_secret(req: Request) -> str | None:
    """Return the secret of an `Authorization: Bearer` header, or None without one."""
    scheme, _, value = req.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def request_token() -> ApiToken | None:
    """Return the usable token this API request carries (checked once per request), or None."""
    if "api_token_checked" not in g:
        g.api_token_checked = True
        secret = bearer_secret(request) if request.path.startswith(API_PREFIX) else None
        # The token's last use is kept even if the call it opens fails: commit it now.
        g.api_token = keep(authenticate_token(db.session, secret)) if secret else None
    return g.api_token


def load_user_from_request(req: Request):
    """Flask-Login's request loader: the owner of a valid Bearer token on the API."""
    token = request_token()
    return token.user if token is not None else None


def json_error(status: int, message: str, challenge: str | None = None) -> Response:
    """Return a JSON error like the API's others, with a WWW-Authenticate challenge if given."""
    response = jsonify({"code": status, "status": HTTP_STATUS_CODES[status], "message": message})
    response.status_code = status
    if challenge:
        response.headers["WWW-Authenticate"] = challenge
    return response


def _token_call() -> Response | None:
    token = request_token()
    if token is None:
        return json_error(
            401, "the bearer token is unknown, expired or revoked", 'Bearer error="invalid_token"'
        )
    g._login_user = token.user  # Flask-Login's user for this request: the token's owner only
    if request.method not in SAFE_METHODS and token.scope != TokenScope.WRITE:
        return json_error(
            403,
            "this token may only read (scope read); changes need a token with scope write",
            'Bearer error="insufficient_scope", scope="write"',
        )
    return None


def guard_request() -> Response | None:
    """Before every request: authenticate Bearer calls, 401 anonymous API changes, CSRF."""
    if request.path.startswith(API_PREFIX):
        if bearer_secret(request) is not None:
            return _token_call()  # no cookie is trusted, so CSRF does not apply
        if request.method not in SAFE_METHODS and not current_user.is_authenticated:
            return json_error(401, "sign in or send an Authorization: Bearer token", "Bearer")
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        current_app.extensions["csrf"].protect(apply_exemptions=True)
    return None


def _read_record() -> tuple[str, str]:
    args = request.view_args or {}
    for arg, record_type in RECORD_ARGS:
        if arg in args:
            return record_type, str(args[arg])
    return "need", "list"


def audit_token_read(response: Response) -> Response:
    """After a successful token read of citizen-related data, record who read what."""
    token = g.get("api_token")
    if (
        token is None
        or request.method not in SAFE_METHODS
        or request.blueprint not in CITIZEN_BLUEPRINTS
        or response.status_code >= 400
    ):
        return response
    record_type, record_id = _read_record()
    detail = f"API-nøgle #{token.id} »{token.name}«: {request.method} {request.full_path}"
    body = response.get_json(silent=True)
    if isinstance(body, list):
        ids = ", ".join(str(item.get("id")) for item in body if isinstance(item, dict))
        detail += f" → {len(body)} poster: {ids}"
    record_audit(db.session, token.user, "read", record_type, record_id, detail.rstrip("?"))
    return keep(response)


def forget_token(_exc: BaseException | None = None) -> None:
    """After the request, drop the token and its user (an app context may outlive a request)."""
    if g.pop("api_token", None) is not None:
        g.pop("_login_user", None)
    g.pop("api_token_checked", None)


def declare_security(app: Flask) -> None:
    """Declare the two ways to call the API (cookie session, bearer token) in OpenAPI."""
    spec = get_api(app).spec
    spec.components.security_scheme(
        "bearerToken",
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token from an admin (scope read or write).",
        },
    )
    spec.components.security_scheme(
        "cookieSession",
        {
            "type": "apiKey",
            "in": "cookie",
            "name": app.config.get("SESSION_COOKIE_NAME", "session"),
            "description": "The pages' sign-in; changes also need the X-CSRFToken header.",
        },
    )
    # Either scheme, or none for what anyone may read (the published catalogue).
    spec.options["security"] = [{"bearerToken": []}, {"cookieSession": []}, {}]


def init_app(app: Flask) -> None:
    """Install the request loader, the guard (which takes over the CSRF check) and the audit."""
    login_manager.request_loader(load_user_from_request)
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # guard_request calls the check itself
    app.before_request(guard_request)
    app.after_request(audit_token_read)
    app.teardown_request(forget_token)
    declare_security(app)
