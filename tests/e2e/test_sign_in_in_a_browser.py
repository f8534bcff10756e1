"""A person signs in with a real browser."""

from __future__ import annotations

from bank.auth.models import Role


def test_a_coordinator_signs_in_and_is_greeted_by_name(page, sign_in, make_user):
    user = make_user(Role.COORDINATOR, name="Sara Tovholder")
    sign_in(user)
    assert page.get_by_role("heading", name="Hej Sara Tovholder").is_visible()
    assert page.get_by_role("button", name="Log ud").is_visible()
