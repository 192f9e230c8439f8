"""``content/*.md`` → ``Page``: YAML front matter plus Markdown rendered by markdown-it-py.

Raw HTML in Markdown is off unless ``site.yaml`` sets ``markdown_html: true``: with it off,
``<script>`` in a page is shown as text, never run (DESIGN.md contract 4).
"""
from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from .model import Page, Problem
from .yamlfile import YamlError, load_yaml, read_text_file, suggest_key

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
PAGE_KEYS = {"title": str, "slug": str, "description": str}
BRIEFING_INTRO = "briefing.md"  # the introduction an editor writes above the briefing
# Files in content/ that other stages own are not pages of their own.
RESERVED_PAGES = (BRIEFING_INTRO,)


def markdown_renderer(allow_html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": allow_html, "typographer": False}).enable("table")


def read_pages(content_dir: Path, md: MarkdownIt) -> tuple[list[Page], list[Problem]]:
    pages, problems = [], []
    if not content_dir.is_dir():
        return pages, problems
    for path in sorted(content_dir.glob("*.md")):
        if path.name in RESERVED_PAGES:
            continue
        shown = f"{content_dir.name}/{path.name}"
        text = read_text_file(path, shown)
        result = text if isinstance(text, Problem) else parse_page(text, shown, path.stem, md)
        (pages if isinstance(result, Page) else problems).append(result)
    return pages, problems


def parse_page(text: str, shown: str, stem: str, md: MarkdownIt) -> Page | Problem:
    """One Markdown file → a Page, or the Problem that stops it (with its line)."""
    meta, body, doc = {}, text, None
    match = FRONT_MATTER_RE.match(text)
    if match:
        try:
            doc = load_yaml(match["yaml"] or "")
        except YamlError as exc:
            return Problem(shown, f"front matter: YAML syntax error: {exc}", exc.line + 1)
        meta = doc.data or {}
        if not isinstance(meta, dict):
            return Problem(shown, "front matter must be a mapping (title: …)", 2)
        body = text[match.end():]
    for key, value in meta.items():
        line = doc.line_of((key,)) + 1 if doc else 0  # front matter starts on line 2 of the file
        if key not in PAGE_KEYS:
            return Problem(shown, f"front matter: unknown key '{key}'", line, suggest_key(key, PAGE_KEYS))
        if not isinstance(value, PAGE_KEYS[key]):
            return Problem(shown, f"front matter: '{key}' should be text, got {value!r:.40}", line)
    slug = meta.get("slug", stem)
    if not SLUG_RE.fullmatch(slug):
        return Problem(shown, f"front matter: slug {slug!r} is not a plain file name",
                       hint="use lowercase Latin letters, digits and dashes, e.g. 'about'")
    title = meta.get("title") or stem
    return Page(source=shown, slug=slug, title=title, html=md.render(body), meta=dict(meta))
