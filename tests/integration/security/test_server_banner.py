"""Neither the demo's server (Werkzeug) nor production's (gunicorn) announces itself."""

from __future__ import annotations

import http.client
import threading

from werkzeug.serving import make_server

from bank.security import dev_server_options
from tests.integration.serve_support import bank_env, fresh_database, run_bank, serving


def _server_headers(host: str, port: int) -> list[str]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", "/log-ind")
        response = connection.getresponse()
        response.read()
        return [value for name, value in response.getheaders() if name.lower() == "server"]
    finally:
        connection.close()


def test_the_demo_server_sends_no_werkzeug_banner(app):
    server = make_server("127.0.0.1", 0, app, threaded=True, **dev_server_options())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert _server_headers("127.0.0.1", server.server_port) == ["Kompetencebanken"]
    finally:
        server.shutdown()
        thread.join(timeout=5)


def test_bank_serve_sends_no_gunicorn_banner(database_url, tmp_path):
    with fresh_database(database_url, "banner", tmp_path) as url:
        env = bank_env(url, tmp_path)
        run_bank(env, tmp_path, "db", "upgrade")
        with serving(env, tmp_path, workers=1) as base:
            port = int(base.rsplit(":", 1)[1])
            assert _server_headers("127.0.0.1", port) == ["Kompetencebanken"]
