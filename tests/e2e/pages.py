"""Helpers for the browser tests that walk every page: sign-in, page shapes, axe-core, width."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = HERE / "artefacts"  # gitignored; screenshots are kept here after a run
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NOT_PAGES = re.compile(r"\.(pdf|csv|xlsx|json)$|^/api/|^/hsds/|^/static/")

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""

# How far the page reaches past the window's right edge, and the widest elements doing it.
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && wide.length < 3) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} → ${Math.round(box.right)}px`);
    }
  }
  return {scroll: root.scrollWidth, client: width, wide};
}"""


def axe_source() -> str:
    """Return axe-core's script, installed by `scripts/setup.sh test` (npm ci in tests/e2e)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `bash scripts/setup.sh test` (installs axe-core)")
    return AXE.read_text(encoding="utf-8")


VIEWS = {"stor"}  # query names that change a page's layout (the large-text view); others filter


def shape(url: str) -> str:
    """Return a URL's kind of page: numbers and refs as {n}, and a view switch if any."""
    parts = urlparse(url)
    path = "/".join("{n}" if re.search(r"\d", s) else s for s in parts.path.split("/"))
    names = sorted({k for k, _ in parse_qsl(parts.query) if k in VIEWS})
    return path + ("?" + "&".join(names) if names else "")


def settle(page) -> None:
    """Wait until htmx has answered the requests a page makes as it loads."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def axe_violations(page) -> list[str]:
    """Run axe-core (added to every page, see with_axe) and return its violations, one a line."""
    return page.evaluate(AXE_RUN)


def with_axe(context) -> None:
    """Load axe-core into every page the context opens (the context must bypass the CSP)."""
    context.add_init_script(script=axe_source())


def overflow(page) -> dict:
    """Return the document's scroll width, the window's width and what sticks out."""
    return page.evaluate(OVERFLOW)


def links(page, base: str) -> list[str]:
    """Return the same-site pages the page links to (no downloads, no API)."""
    found = []
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
        href = href.split("#", 1)[0]
        if href.startswith(base) and not NOT_PAGES.search(urlparse(href).path):
            found.append(href)
    return found


def sign_in(page, email: str, password: str) -> None:
    """Sign in through the sign-in form."""
    page.goto("/log-ind")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/")
