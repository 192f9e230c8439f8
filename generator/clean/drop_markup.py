"""drop_markup: HTML tags and entities pasted with the text are taken out.

    "<h3><strong>استُقبل وزير الشؤون الخارجية …</strong></h3>"  →  "استُقبل وزير الشؤون الخارجية …"
    (one Removal per line: "<h3><strong></strong></h3>", "HTML markup")

A text copied from a page's source or a CMS keeps its tags; a reader sees them as noise and
search would index them. Only a document that is pasted markup is touched, one where a line
opens with a block tag ("<p>", "<h3>", "<div>"): a tag written inside a sentence of plain text
is what the text says, and is shown as text, safely escaped. In such a document only what is
clearly markup goes: a tag is "<", a known HTML element name (or "/" and one), attributes,
">"; "&nbsp;" and its kin become the character they stand for. "<-- السابق" stays. It is its
own step, right after the characters are folded, because every later rule reads words, and a
tag glued to a word hides it.
"""
from __future__ import annotations

import html
import re
from dataclasses import replace

from ..model import Removal, Repair
from .draft import Draft
from .fold_characters import tidy

# The elements a news page's markup is made of; a "<word>" that is not one of them is text.
HTML_ELEMENTS = (
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "div", "em", "figcaption",
    "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "li",
    "main", "nav", "ol", "p", "picture", "q", "section", "small", "source", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "time", "tr", "u", "ul", "video")
TAG_RE = re.compile(rf"</?(?:{'|'.join(HTML_ELEMENTS)})(?:\s[^<>]*)?/?>", re.IGNORECASE)
BLOCK_OPENING_RE = re.compile(r"^\s*<(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|figure|table|tr|td)[\s>]",
                              re.IGNORECASE)
ENTITY_RE = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.IGNORECASE)


def drop_markup(draft: Draft) -> Draft:
    """Tags out (recorded), entities as the characters they stand for (recorded as a repair)."""
    if not any(BLOCK_OPENING_RE.match(ln.text) for ln in draft.lines):
        return draft
    lines, removed, repairs = [], list(draft.removed), list(draft.repairs)
    for ln in draft.lines:
        tags = TAG_RE.findall(ln.text)
        text = TAG_RE.sub(" ", ln.text) if tags else ln.text
        if tags:
            removed.append(Removal("".join(tags), "HTML markup", ln.first))
        if ENTITY_RE.search(text):
            unescaped = ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)
            repairs.append(Repair(text, unescaped, "HTML entities written as their characters", ln.first))
            text = unescaped
        lines.append(replace(ln, text=tidy(text)) if text != ln.text else ln)
    return replace(draft, lines=tuple(lines), removed=tuple(removed), repairs=tuple(repairs))
