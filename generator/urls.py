"""Where each page lives in ``output/`` and the one way to link between two of them.

Every link is relative and names a file (``../articles/x.html``, never ``/articles/`` or a
bare folder), so one build works on GitHub Pages under ``/<repo>/``, on any host and from
``file://`` (DESIGN.md contract 2). Output paths are POSIX, relative to the site root.
"""
from __future__ import annotations

import posixpath
from urllib.parse import quote

INDEX = "index.html"
NOT_FOUND = "404.html"
STYLESHEET = "assets/style.css"
FAVICON = "assets/favicon.svg"
ARTICLES_JSON = "data/articles.json"
BRIEFING = "briefing.html"
BRIEFING_JSON = "data/briefing.json"
SEARCH = "search.html"
SEARCH_SCRIPT = "assets/search.js"
FEED = "feed.xml"  # Atom; written only with a base_url
SITEMAP = "sitemap.xml"  # written only with a base_url
ROBOTS = "robots.txt"
RAW_DIR = "raw"  # the texts as received
ASSETS_DIR = "assets"  # templates/static/** is copied here
NO_JEKYLL = ".nojekyll"  # tells GitHub Pages to publish the folder as it is


def article_path(slug: str) -> str:
    return f"articles/{slug}.html"


def raw_page_path(slug: str) -> str:
    """An HTML view of the text as received (decoded, escaped): readable in any browser."""
    return f"{RAW_DIR}/{slug}.html"


def raw_file_path(slug: str) -> str:
    """The received bytes, unchanged."""
    return f"{RAW_DIR}/{slug}.txt"


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.html"


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.html"


def page_path(slug: str) -> str:
    return f"{slug}.html"


def relative_url(from_path: str, to_path: str, fragment: str = "") -> str:
    """The link that leads from page ``from_path`` to file ``to_path`` (both site-relative)."""
    if to_path.startswith("/") or from_path.startswith("/"):
        raise ValueError(f"site paths are relative: {from_path!r} → {to_path!r}")
    rel = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return quote(rel) + (f"#{quote(fragment)}" if fragment else "")


def absolute_url(base_url: str, path: str) -> str:
    """For canonical links, sitemaps and feeds only; ``base_url`` has no trailing slash."""
    return f"{base_url}/{quote(path)}" if base_url else ""
