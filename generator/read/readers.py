"""Input formats: one reader per format, chosen by the file's suffix (Pelican's
``file_extensions`` + ``read``). Decoding the bytes is shared (``ingest``); a reader turns the
decoded text into what the cleaner reads, and may carry metadata the file states itself.

* ``PlainText`` (``.txt``, ``.text``): the text as pasted from a page or a PDF, read as it is.
* ``MarkdownArticle`` (``.md``, ``.markdown``): an article an editor wrote in Markdown, with
  optional YAML front matter of the same keys as an override file (``title``, ``date``,
  ``outlet``…). The Markdown becomes plain lines at the line numbers they have in the file
  (front matter and markup blanked out), so every removal and repair still names its line.
* ``SavedPage`` (``.html``, ``.htm``): a page saved from the browser; its main text and the
  metadata it states (JSON-LD, OpenGraph, meta tags) by ``html_page``. A file that is no page,
  or a page without article text, is refused with the reason (an empty reading and its problem).

A new format is one class here with its ``file_extensions``, and a row in ``READERS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Problem
from .html_page import PageProblem, read_saved_page
from .overrides import Override, parse_override
from .pages import FRONT_MATTER_RE


@dataclass(frozen=True, slots=True)
class Reading:
    text: str  # what the cleaner reads, line for line with the file
    front_matter: Override | None = None  # metadata the file states about itself
    problems: tuple[Problem, ...] = ()


class Reader(Protocol):
    file_extensions: tuple[str, ...]

    def read(self, text: str, shown: str) -> Reading: ...


class PlainText:
    file_extensions = (".txt", ".text")

    def read(self, text: str, shown: str) -> Reading:
        return Reading(text)


class MarkdownArticle:
    file_extensions = (".md", ".markdown")
    # Raw HTML is recognised as markup, so it can be left out (nothing here is ever rendered).
    _md = MarkdownIt("commonmark", {"html": True})

    def read(self, text: str, shown: str) -> Reading:
        match = FRONT_MATTER_RE.match(text)
        if not match:
            return Reading(markdown_lines(text, self._md))
        parsed = parse_override(text, shown)
        front, problems = (parsed, ()) if isinstance(parsed, Override) else (None, tuple(parsed))
        body = "\n" * match.group().count("\n") + text[match.end():]  # the front matter's lines, blank
        return Reading(markdown_lines(body, self._md), front, problems)


class SavedPage:
    file_extensions = (".html", ".htm")
    # Pages run to megabytes of inline scripts and data; only the extracted text is cleaned
    # (trafilatura reads 2 MB in about 0.2 s).
    max_bytes = 8_000_000
    too_big_hint = "save the page again as 'Web Page, HTML only', or paste its text into a .txt file"

    def read(self, text: str, shown: str) -> Reading:
        try:
            body, front = read_saved_page(text, shown)
        except PageProblem as exc:
            return Reading("", problems=(exc.problem,))
        return Reading(body, front)


READERS: tuple[Reader, ...] = (PlainText(), MarkdownArticle(), SavedPage())
ARTICLE_SUFFIXES: tuple[str, ...] = tuple(ext for reader in READERS for ext in reader.file_extensions)


def reader_for(path: Path | str) -> Reader | None:
    suffix = Path(path).suffix.lower()
    return next((reader for reader in READERS if suffix in reader.file_extensions), None)


def markdown_lines(text: str, md: MarkdownIt) -> str:
    """Markdown → plain text with the same number of lines: each paragraph or heading on its
    first line, unwrapped, without markup ("## **العنوان**" → "العنوان"); code as written;
    everything else (rules, raw HTML, the rest of a wrapped paragraph) a blank line."""
    lines = [""] * (text.count("\n") + 1)
    for token in md.parse(text):
        if token.type == "inline" and token.map:
            lines[token.map[0]] = plain_inline(token)
        elif token.type in ("fence", "code_block") and token.map:
            for n, line in enumerate(token.content.rstrip("\n").split("\n")):
                lines[token.map[0] + (n + 1 if token.type == "fence" else n)] = line
    return "\n".join(lines)


def plain_inline(token: Token) -> str:
    """The words of an inline run: text and code kept, links as their text, images as their
    description, emphasis and raw HTML dropped, line breaks as spaces."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()
