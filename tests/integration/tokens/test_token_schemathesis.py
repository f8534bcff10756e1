"""Schemathesis over the JSON API with an admin's write token: no answer is a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.integration.tokens.conftest import bearer


@pytest.fixture
def api_token(world, make_token) -> str:
    """Return an admin's write token, with a need, a bid and an offer to find."""
    need = world.need()
    world.bid(need)
    world.offer("Ungeindsatsen", "Morgenmentor", "En voksen følger dig.", ["mentor"], ref="pub")
    return make_token(world.admin, "write", name="Schemathesis")


def test_no_api_answer_to_a_token_caller_is_a_server_error(app, api_token):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case):
            response = case.call(headers=bearer(api_token))
            case.validate_response(response, checks=[not_a_server_error])

        no_server_error()
