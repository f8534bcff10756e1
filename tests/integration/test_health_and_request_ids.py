"""A load balancer's /healthz, request ids in and out, JSON log lines and proxy headers."""

from __future__ import annotations

import json
import logging

import pytest
from flask import request

from bank import create_app, db
from bank.observability import JsonFormatter
from bank.tasks import get_queue


def test_healthz_answers_without_sign_in_with_database_queue_and_index(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True}
    assert body["queue"]["ok"] is True and body["queue"]["kind"] == "memory"
    assert body["index"]["catalogue_version"] == 0
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_reports_the_index_version_it_serves_and_its_age(client, session, demo_catalogue):
    client.get("/tilbud?q=angst")
    index = client.get("/healthz").get_json()["index"]
    assert index["loaded"] is True and index["current"] is True
    assert index["version"] == index["catalogue_version"] > 0
    assert index["offers"] == len(demo_catalogue)
    assert index["source"] == "mapped" and index["age_s"] >= 0


def test_healthz_says_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("database gone")

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == {"ok": False, "error": "ConnectionError"}


def test_healthz_says_503_when_the_queue_does_not_answer(client, app, monkeypatch):
    def broken():
        raise ConnectionError("redis gone")

    monkeypatch.setattr(get_queue(app).huey, "pending_count", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "fail"


def test_a_request_id_given_by_the_proxy_comes_back_and_a_new_one_is_made_otherwise(client):
    assert (
        client.get("/healthz", headers={"X-Request-ID": "lb-42.a"}).headers["X-Request-ID"]
        == "lb-42.a"
    )
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32
    bad = client.get("/healthz", headers={"X-Request-ID": "x" * 500}).headers["X-Request-ID"]
    assert bad != "x" * 500 and len(bad) == 32


def test_each_request_is_logged_as_json_with_its_id_and_without_the_search_text(client, caplog):
    caplog.set_level(logging.INFO, logger="bank.request")
    client.get("/tilbud?q=angst+hos+Mads", headers={"X-Request-ID": "req-1"})
    records = [r for r in caplog.records if r.name == "bank.request"]
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["request_id"] == "req-1"
    assert line["path"] == "/tilbud" and line["status"] == 200 and line["method"] == "GET"
    assert "Mads" not in json.dumps(line) and "angst" not in json.dumps(line)


@pytest.mark.parametrize(
    "proxies, remote, scheme", [(None, "127.0.0.1", "http"), ("1", "203.0.113.9", "https")]
)
def test_forwarded_headers_are_trusted_only_when_a_proxy_count_is_set(
    database_url, monkeypatch, proxies, remote, scheme
):
    if proxies:
        monkeypatch.setenv("BANK_PROXY_COUNT", proxies)
    else:
        monkeypatch.delenv("BANK_PROXY_COUNT", raising=False)
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": database_url})
    app.add_url_rule("/whoami", "whoami", lambda: f"{request.remote_addr} {request.scheme}")
    seen = (
        app.test_client()
        .get("/whoami", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"})
        .get_data(True)
    )
    assert seen == f"{remote} {scheme}"
