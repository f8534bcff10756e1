"""No page or export shows a person an ISO timestamp, an English status word or a tag slug."""

from __future__ import annotations

import re

from bank.vocabulary import VOCABULARY
from tests.integration.site.reading import export_text, internal_values, page_text

# The admin's vocabulary page is where slugs are made: it shows them on purpose.
SLUG_PAGES = ("/admin/emner",)


def _spelled_like_a_slug(slug: str) -> bool:
    """Slugs no Danish text would contain: hyphenated, or with æ/ø written ae/oe."""
    return "-" in slug or bool(re.search("ae|oe|aa", slug)) or slug == "okonomi"


SLUGS = {t.slug for t in VOCABULARY if _spelled_like_a_slug(t.slug)}


def test_no_page_or_export_shown_to_any_role_has_an_internal_value(site):
    found, exports = [], 0
    for role, result in site.items():
        for url, (kind, body) in result.bodies.items():
            if result.status[url] != 200:
                continue
            if kind == "text/html":
                text = page_text(body.decode("utf-8"))
            else:
                text = export_text(kind, body)
                exports += text is not None
            if text is None:
                continue
            slugs = set() if url.startswith(SLUG_PAGES) else SLUGS
            found += [f"{role} {url}: {what}" for what in internal_values(text, slugs)]
    assert found == []
    assert exports >= 5  # CSV, XLSX and PDF downloads were read too


def test_the_edited_offers_history_speaks_danish(site):
    editor = site["editor"]
    page = next(
        page_text(body.decode())
        for url, (_k, body) in editor.bodies.items()
        if url.startswith("/tilbud/") and "Historik" in body.decode() and "Udgået" in body.decode()
    )
    assert "Offentliggjort" in page and "Psykisk trivsel" in page
    assert re.search(r"\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}", page)
