"""Security headers on every response, no-store on every generated answer, no server banner.

flask-talisman sets the headers: a strict Content Security Policy that htmx works under
(scripts and styles from our own origin only; htmx's indicator styles are turned off in
base.html's htmx-config and live in bank.css; the printable plan's <style> carries a nonce),
frame-ancestors 'none' and X-Frame-Options DENY, nosniff, Referrer-Policy same-origin, and
HSTS over HTTPS in production (BANK_ENV=production). Every answer that is not a static file
gets `Cache-Control: no-store`: pages, fragments, the API, PDFs and exports may all hold
citizen data, and none should stay in a browser's or a proxy's cache.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from flask_talisman import Talisman
from werkzeug.serving import WSGIRequestHandler

SERVER_NAME = "Kompetencebanken"  # the Server header, instead of "Werkzeug/3.x Python/3.11"
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def no_store(response: Response) -> Response:
    """Forbid caching of every answer but static files (citizen data must not linger)."""
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's request handler, saying SERVER_NAME instead of its version."""

    def version_string(self) -> str:
        """Return what the Server header says."""
        return SERVER_NAME


def dev_server_options() -> dict[str, Any]:
    """Return the options `bank demo` and the browser tests serve the app with."""
    return {"request_handler": QuietRequestHandler}


def hide_gunicorn_banner() -> None:
    """Make gunicorn say SERVER_NAME instead of "gunicorn" in its Server header, if it runs us."""
    try:
        from gunicorn.http import wsgi
    except ImportError:
        return
    wsgi.SERVER = SERVER_NAME
    if hasattr(wsgi, "SERVER_SOFTWARE"):
        wsgi.SERVER_SOFTWARE = SERVER_NAME


def init_app(app: Flask) -> Talisman:
    """Install the headers; HSTS only in production (and only ever sent over HTTPS)."""
    production = app.config.get("BANK_ENV") == "production"
    talisman = Talisman(
        app,
        force_https=False,  # TLS ends at the proxy in front of the bank
        strict_transport_security=production,
        strict_transport_security_max_age=31536000,
        frame_options="DENY",
        content_security_policy=CSP,
        content_security_policy_nonce_in=["style-src"],
        referrer_policy="same-origin",
        session_cookie_secure=bool(app.config.get("SESSION_COOKIE_SECURE")),
        session_cookie_samesite=app.config.get("SESSION_COOKIE_SAMESITE", "Lax"),
        x_xss_protection=False,
    )
    app.after_request(no_store)
    hide_gunicorn_banner()
    app.extensions["bank.talisman"] = talisman
    return talisman
