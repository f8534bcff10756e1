"""Schemathesis against the app's own OpenAPI document, signed in as each role: no 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.conftest import PASSWORD

CASES_PER_OPERATION = 2  # per operation, mode and role: a bounded run (a few hundred cases in all)


def _cookie(app, user) -> dict[str, str]:
    if user is None:
        return {}
    client = app.test_client()
    answer = client.post("/log-ind", data={"email": user.email, "password": PASSWORD})
    assert answer.status_code == 302, f"{user.email} could not sign in"
    return {"session": client.get_cookie("session").value}


def _poisoned(value, kind: str):
    """Return the JSON body with a NUL in every text, or every whole number made huge."""
    if isinstance(value, dict):
        return {k: _poisoned(v, kind) for k, v in value.items()}
    if isinstance(value, list):
        return [_poisoned(v, kind) for v in value]
    if isinstance(value, str) and kind == "nul":
        return value + "\x00"
    if isinstance(value, int) and not isinstance(value, bool) and kind == "huge":
        return 5107459791
    return value


def _server_errors(schema, cookies: dict[str, str]) -> tuple[int, list[str]]:
    seen, errors = [0], []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation, mode in [(o, m) for o in operations for m in GenerationMode]:

        @settings(
            max_examples=CASES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(mode))
        def call(case):
            variants = [case]
            if isinstance(case.body, dict | list):
                variants += [
                    case.operation.Case(
                        method=case.method,
                        path_parameters=case.path_parameters,
                        query=case.query,
                        body=_poisoned(case.body, kind),
                        media_type=case.media_type,
                    )
                    for kind in ("nul", "huge")
                ]
            for variant in variants:
                seen[0] += 1
                response = variant.call(cookies=cookies)
                if response.status_code >= 500:
                    errors.append(f"{response.status_code} {variant.as_curl_command()}")

        try:
            call()
        except Unsatisfiable:  # nothing to break in this mode (e.g. no parameters at all)
            continue
    return seen[0], errors


def test_the_api_answers_schemathesis_without_a_server_error_for_every_role(
    app, world, demo_catalogue, own_contexts
):
    world.bid(world.need())
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    users = [None, world.coordinator, world.member, world.editor, world.leader, world.admin]
    total, failures = 0, []
    for user in users:
        cases, errors = _server_errors(schema, _cookie(app, user))
        total += cases
        failures += [f"{getattr(user, 'email', 'anonymous')}: {e}" for e in errors]
    print(f"schemathesis: {total} cases, {len(failures)} server errors")
    assert total >= 100  # the run really ran
    assert failures == []
