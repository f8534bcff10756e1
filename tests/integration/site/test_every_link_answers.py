"""Every link and htmx URL a person is shown leads somewhere they may go (crawl per demo role)."""

from __future__ import annotations


def test_every_link_and_htmx_url_shown_to_each_role_answers_200(site):
    failures = {role: result.failures() for role, result in site.items() if result.failures()}
    assert failures == {}
    for role, result in site.items():
        assert len(result.status) >= 5, f"{role} reached only {sorted(result.status)}"
    editor = site["editor"]
    assert "/rapporter/dobbelttilbud" in editor.status
    assert any(u.startswith("/bud/") for u in editor.status), "the editor saw no bid of theirs"
