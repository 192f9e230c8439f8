"""``content/*.md`` → ``Page``: YAML front matter plus Markdown rendered by markdown-it-py.

Raw HTML in Markdown is off unless ``site.yaml`` sets ``markdown_html: true``: with it off,
``<script>`` in a page is shown as text, never run (DESIGN.md contract 4).
"""
from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from .. import urls
from ..config.yamlfile import YamlError, load_yaml, read_text_file, suggest_key
from ..model import Page, Problem
from .input_files import folder_files

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
PAGE_KEYS = {"title": str, "slug": str, "description": str}
BRIEFING_INTRO = "briefing.md"  # the introduction an editor writes above the briefing
# Files in content/ that other stages own are not pages of their own.
RESERVED_PAGES = (BRIEFING_INTRO,)
# Page names the generator writes itself: a content page of that name would overwrite one.
GENERATED_PAGES = {Path(path).stem: what for path, what in (
    (urls.INDEX, "the home page"), (urls.BRIEFING, "the briefing"), (urls.SEARCH, "the search page"),
    (urls.NOT_FOUND, "the page for missing addresses"))}


def markdown_renderer(allow_html: bool) -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": allow_html, "typographer": False}).enable("table")


def read_pages(content_dir: Path, md: MarkdownIt, root: Path) -> tuple[list[Page], list[Problem]]:
    paths, problems = folder_files(content_dir, root, content_dir.name, ".md")
    pages: list[Page] = []
    for path in paths:
        if path.name in RESERVED_PAGES:
            continue
        shown = f"{content_dir.name}/{path.name}"
        text = read_text_file(path, shown)
        result = text if isinstance(text, Problem) else parse_page(text, shown, path.stem, md)
        if isinstance(result, Page):
            result = page_name_clash(result, pages) or result
        (pages if isinstance(result, Page) else problems).append(result)
    return pages, problems


def page_name_clash(page: Page, earlier: list[Page]) -> Problem | None:
    """Why ``page`` cannot have its name: the generator writes a page of that name, or an earlier
    page (in file-name order) has it. The page is skipped; nothing is overwritten."""
    line = page.slug_line
    taken = GENERATED_PAGES.get(page.slug) or next(
        (f"the page of {other.source}" for other in earlier if other.slug == page.slug), None)
    if taken is None:
        return None
    free = next(f"{page.slug}-{n}" for n in range(2, 100) if f"{page.slug}-{n}" not in GENERATED_PAGES
                and all(other.slug != f"{page.slug}-{n}" for other in earlier))
    how = "set 'slug:'" if line else "rename the file, or set 'slug:' in its front matter,"
    return Problem(page.source, f"would be written as {urls.page_path(page.slug)}, which is {taken}; skipped",
                   line, f"{how} to another name, such as '{free}'")


def parse_page(text: str, shown: str, stem: str, md: MarkdownIt) -> Page | Problem:
    """One Markdown file → a Page, or the Problem that stops it (with its line)."""
    meta, body, doc = {}, text, None
    match = FRONT_MATTER_RE.match(text)
    if match:
        try:
            doc = load_yaml(match["yaml"] or "")
        except YamlError as exc:
            return Problem(shown, f"front matter: {exc.explained()}", exc.line + 1)
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
    slug_line = doc.line_of(("slug",)) + 1 if doc and "slug" in meta else 0
    return Page(source=shown, slug=slug, title=title, html=md.render(body), meta=dict(meta), slug_line=slug_line)
