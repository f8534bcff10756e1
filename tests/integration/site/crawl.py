"""Crawl the app as one signed-in person: every GET link and htmx URL a page shows, bounded."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

SKIP_PREFIXES = ("/static/", "/log-ud", "/api/")
MAX_PAGES = 400
MAX_PER_ROUTE = 3  # pages of one shape (numbers replaced) visited at most this often


class _Links(HTMLParser):
    """Collect href, hx-get and hx-post URLs from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.get: list[str] = []
        self.post: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.get.append(values["href"])
        if values.get("hx-get"):
            self.get.append(values["hx-get"])
        if values.get("hx-post"):
            self.post.append(values["hx-post"])


@dataclass
class Crawl:
    """What one person met: each URL's status and body, and where it was linked from."""

    status: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    found_on: dict[str, str] = field(default_factory=dict)
    posts: dict[str, int] = field(default_factory=dict)

    def failures(self) -> list[str]:
        """Return every URL that did not answer 200, with the page that showed it."""
        bad = [(u, s) for u, s in self.status.items() if s != 200]
        bad += [(f"POST {u}", s) for u, s in self.posts.items() if s != 200]
        return [
            f"{s} {u} (linked from {self.found_on.get(u.removeprefix('POST '))})" for u, s in bad
        ]


def _local(base: str, href: str) -> str | None:
    url = urldefrag(urljoin(base, href))[0]
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "localhost"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES):
        return None
    return path


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def crawl(client, starts: tuple[str, ...] = ("/",), max_pages: int = MAX_PAGES) -> Crawl:
    """Visit GET links breadth first from `starts`; POST each htmx check URL once, empty."""
    result, queue, shapes = Crawl(), deque(starts), {}
    for start in starts:
        result.found_on[start] = "(start)"
    while queue and len(result.status) < max_pages:
        path = queue.popleft()
        if path in result.status:
            continue
        response = client.get(path, headers={"Accept": "text/html"})
        result.status[path] = response.status_code
        kind = response.mimetype or ""
        result.bodies[path] = (kind, response.data)
        if response.status_code != 200 or kind != "text/html":
            continue
        links = _Links()
        links.feed(response.get_data(as_text=True))
        for href in links.get:
            target = _local("http://localhost" + path, href)
            if target is None or target in result.found_on:
                continue
            shape = _shape(target.split("?")[0])
            if shapes.get(shape, 0) >= MAX_PER_ROUTE:
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            result.found_on[target] = path
            queue.append(target)
        for href in links.post:
            target = _local("http://localhost" + path, href)
            if target is not None and target not in result.posts:
                result.found_on.setdefault(target, path)
                result.posts[target] = client.post(target, data={}).status_code
    return result
