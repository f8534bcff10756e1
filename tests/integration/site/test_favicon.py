"""Every page names an icon, and a browser's /favicon.ico request finds it (no 404s in the log)."""

from __future__ import annotations


def test_the_favicon_is_linked_from_every_page_and_served(client):
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    icon.close()


def test_a_request_for_favicon_ico_is_sent_to_the_icon(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301
    assert answer.headers["Location"].endswith("/static/favicon.svg")
