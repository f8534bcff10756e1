"""Two gunicorn workers on PostgreSQL: a change made through one is searched in the other."""

from __future__ import annotations

import re
import time

import pytest
import requests

from tests.integration.serve_support import (
    ROOT,
    bank_env,
    fresh_database,
    run_bank,
    serving,
)

PASSWORD = "korrekt-hest-batteri"
OFFER = "dm-o001"
WORKER_START = 60  # seconds the second worker may take to start answering


def _session_on_another_process(base: str, taken: set[int]) -> requests.Session:
    """Open keep-alive sessions until one lands on a worker process not yet taken.

    `serving` returns once one worker answers; on a loaded machine the other may still be
    starting for some seconds, and until then every connection goes to the first.
    """
    deadline = time.monotonic() + WORKER_START
    while time.monotonic() < deadline:
        session = requests.Session()
        process = session.get(f"{base}/healthz", timeout=30).json()["process"]
        if process not in taken:
            taken.add(process)
            return session
        session.close()
        time.sleep(0.2)
    raise AssertionError(f"every connection went to the processes {taken}")


def _sign_in(session: requests.Session, base: str, email: str) -> str:
    page = session.get(f"{base}/log-ind", timeout=30).text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    session.post(
        f"{base}/log-ind",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        timeout=30,
    )
    page = session.get(f"{base}/tilbud", timeout=30).text
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def _found(session: requests.Session, base: str, text: str) -> str:
    return session.get(f"{base}/tilbud", params={"q": text}, timeout=60).text


@pytest.mark.postgres_only
def test_an_offer_changed_through_one_worker_is_found_through_the_other_at_once(
    database_url, tmp_path
):
    with fresh_database(database_url, "serve", tmp_path) as url:
        env = bank_env(url, tmp_path)
        run_bank(env, tmp_path, "db", "upgrade")
        run_bank(env, tmp_path, "import", "offers", str(ROOT / "fixtures" / "offers.jsonl"))
        run_bank(
            env,
            tmp_path,
            "users",
            "create",
            "--email",
            "eva@kommune.example",
            "--name",
            "Eva Redaktør",
            "--role",
            "editor",
            "--unit",
            "Ungeindsatsen",
            "--password",
            PASSWORD,
        )
        with serving(env, tmp_path, workers=2) as base:
            taken: set[int] = set()
            one = _session_on_another_process(base, taken)
            other = _session_on_another_process(base, taken)
            assert "Svømmehold for nybegyndere" not in _found(other, base, "svømmehold")
            token = _sign_in(one, base, "eva@kommune.example")
            changed = one.patch(
                f"{base}/api/offers/{OFFER}",
                json={"title": "Svømmehold for nybegyndere"},
                headers={"X-CSRFToken": token},
                timeout=60,
            )
            assert changed.status_code == 200, changed.text
            assert (
                other.get(f"{base}/healthz", timeout=30).json()["process"]
                != (one.get(f"{base}/healthz", timeout=30).json()["process"])
            )
            assert "Svømmehold for nybegyndere" in _found(other, base, "svømmehold")
