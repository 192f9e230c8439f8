"""A page saved from the browser (``.html``, ``.htm``) → the article's text and what the page
states about itself.

* **Text:** the main text by ``trafilatura`` (``main_text``: a strict pass decides whether the
  page holds an article, a generous one gives its text, since a lost paragraph costs more than a
  kept share line, which the cleaner removes anyway), one paragraph a line with a blank line
  between them, the headline first. Nothing is fetched: trafilatura is given the page's text
  and never a URL.
* **Metadata** (the reader's front matter, applied like a Markdown article's, unreported):
  ``title``, ``date``, ``author``, ``outlet`` (and ``agency``, for an organisation named as the
  author), from the page's JSON-LD ``NewsArticle`` (or any ``Article`` type), else OpenGraph
  (``og:title``, ``article:published_time``, ``og:site_name``),
  else plain meta tags (``author``, ``date``/``pubdate``). The JSON-LD is what the publisher
  states for search engines, field by field; OpenGraph is written for share previews (titles
  often carry " | Outlet"); plain meta tags are the oldest and least kept up.
* **Accounting:** the cleaner accounts for every character of the text it is given, here the
  extracted text. The markup (scripts, navigation, footer, everything trafilatura left out) is
  the page itself, kept byte for byte as the raw file (``raw/<slug>.txt``, served as text, so
  none of its scripts can run on the site) and shown escaped on the raw view.

trafilatura is imported on the first saved page only (about 0.2 s), so a folder of ``.txt``
files builds as fast as before.
"""
from __future__ import annotations

import json
import re
from typing import Iterator

from ..model import Problem
from .overrides import Override, _parse_value

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                 "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "BlogPosting", "LiveBlogPosting"}
HTML_MARK_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p|meta|title)[\s>/]", re.I)
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
LETTER_RE = re.compile(r"[^\W\d_]")
ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
SAVE_HINT = ("save the page again from the browser (File → Save Page As…, 'Web Page, HTML only'), "
             "or paste its text into a .txt file")


class PageProblem(Exception):
    """The file cannot be read as a saved page (the message says why)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def read_saved_page(html: str, shown: str) -> tuple[str, Override | None]:
    """(the article's text, its metadata as front matter); ``PageProblem`` when the file is not
    a page or no article text can be found in it."""
    if not HTML_MARK_RE.search(html[:20_000]):
        raise PageProblem(Problem(shown, "is named as a web page but holds no HTML markup",
                                  hint="rename it to .txt if it is the article's text"))
    html = XML_DECLARATION_RE.sub("", html, count=1)  # lxml refuses one in decoded text ("<?xml … encoding=…?>")
    from lxml import html as lxml_html  # trafilatura's own parser
    try:
        tree = lxml_html.document_fromstring(html)
    except Exception as exc:  # lxml raises ParserError/ValueError on pages it cannot parse at all
        raise PageProblem(Problem(shown, f"is not a web page lxml can read ({exc})", hint=SAVE_HINT)) from exc
    meta = page_metadata(tree)
    body = main_text(html)
    if not LETTER_RE.search(body):
        raise PageProblem(Problem(shown, "is a web page, but no article text was found in it (only menus, "
                                         "links or scripts)", hint=SAVE_HINT))
    title = meta.get("title") or page_heading(tree)  # the heading the page prints, when it states no title
    first = body.split("\n", 1)[0].strip()
    if title and first != title:
        body = f"{title}\n\n{body}"
    values = {key: parsed for key, value in meta.items()
              if not (isinstance(parsed := _parse_value(key, value), str) and parsed.startswith("!"))}
    return body + "\n", Override(shown, values) if values else None


def main_text(html: str) -> str:
    """The article's paragraphs, a blank line between them; "" when the page has none.

    Two passes, measured on pages with and without an article: ``favor_precision`` finds no text
    on a page of menus and footer (where ``favor_recall`` returns the footer, and the default
    the menu), so it decides whether there is an article at all; the text itself is the
    ``favor_recall`` pass, which keeps every paragraph (a stray share or copyright line it
    adds is furniture the cleaner removes, and accounts for). About 3 + 6 ms a page."""
    import trafilatura
    options = dict(include_comments=False, include_tables=True, include_images=False, include_links=False,
                   deduplicate=False, output_format="txt", with_metadata=False, url=None)
    if not LETTER_RE.search(trafilatura.extract(html, favor_precision=True, **options) or ""):
        return ""
    text = trafilatura.extract(html, favor_recall=True, **options)
    paragraphs = [line.strip() for line in (text or "").split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


# --- metadata ------------------------------------------------------------------------------

def page_metadata(tree) -> dict[str, str]:
    """title/date/author/outlet as the page states them; JSON-LD > OpenGraph > meta tags, per field."""
    found: dict[str, str] = {}
    for source in (json_ld_fields(tree), open_graph_fields(tree), meta_tag_fields(tree)):
        for key, value in source.items():
            if value and key not in found:
                found[key] = value
    page_title = _text(" ".join(tree.xpath("//title//text()")))
    # Its last part is the site's name only when the two titles differ ("X | هسبريس", "X - هسبريس"):
    # a headline "A - B" stated alike in both keeps its "B".
    title_tail = (re.split(r"\s+[-|–—:]\s+", page_title)[-1]
                  if page_title != found.get("title") and re.search(r"\s[-|–—:]\s", page_title) else "")
    return _without_site_name(found, (_meta(tree, "property", "og:site_name"), found.get("outlet", ""), title_tail))


def _without_site_name(found: dict[str, str], site_names: tuple[str, ...]) -> dict[str, str]:
    """A share-preview title carries the site's name ("… - هسبريس", "… | Hespress"), as the
    site's name or as the last part of the page's <title>: not part of the headline."""
    title = found.get("title", "")
    for name in {n for n in site_names if n}:
        match = re.search(rf"\s+[-|–—:]\s*{re.escape(name)}\s*$", title)
        if match and match.start() > 0:
            return {**found, "title": title[:match.start()]}
    return found


def json_ld_fields(tree) -> dict[str, str]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text_content().strip() or "null", strict=False)
        except ValueError:
            continue
        for node in _json_nodes(data):
            types = node.get("@type")
            types = {t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
            if types & ARTICLE_TYPES:
                return {"title": _text(node.get("headline") or node.get("name")),
                        "date": _iso_date(_text(node.get("datePublished") or node.get("dateCreated"))),
                        "author": _names(_people(node.get("author"), organisations=False)),
                        # an organisation named as the author is the agency ("author": {"@type":
                        # "Organization", "name": "رويترز"}), not a writer
                        "agency": _names(_people(node.get("author"), organisations=True)),
                        "outlet": _names(node.get("publisher"))}
    return {}


def open_graph_fields(tree) -> dict[str, str]:
    return {"title": _meta(tree, "property", "og:title"),
            "date": _iso_date(_meta(tree, "property", "article:published_time")),
            "outlet": _meta(tree, "property", "og:site_name")}


def meta_tag_fields(tree) -> dict[str, str]:
    return {"author": _meta(tree, "name", "author"),
            "date": _iso_date(_meta(tree, "name", "date") or _meta(tree, "name", "pubdate")
                              or _meta(tree, "name", "publish-date"))}


def page_heading(tree) -> str:
    """The article's printed headline: the first ``<h1>`` inside ``<article>``, else the page's
    first ``<h1>`` (trafilatura leaves headings above the body out of its text)."""
    for path in ("//article//h1", "//h1"):
        for node in tree.xpath(path):
            if text := _text(node.text_content()):
                return text
    return ""


def _json_nodes(data) -> Iterator[dict]:
    """Every object of a JSON-LD document, ``@graph`` members and nested lists included."""
    if isinstance(data, list):
        for item in data:
            yield from _json_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_nodes(data.get("@graph"))
        yield from _json_nodes(data.get("mainEntity"))


def _people(value, organisations: bool) -> list:
    """The authors that are (or are not) organisations; a bare name counts as a person."""
    items = value if isinstance(value, list) else [value] if value else []
    return [item for item in items
            if organisations == (isinstance(item, dict) and "Organization" in str(item.get("@type", "")))]


def _names(value) -> str:
    """A person or organisation as JSON-LD writes it: a name, {"name": …}, or a list of them."""
    if isinstance(value, list):
        return "، ".join(name for item in value if (name := _names(item)))
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _meta(tree, attribute: str, name: str) -> str:
    for node in tree.xpath(f"//meta[@{attribute}]"):
        if node.get(attribute, "").strip().lower() == name:
            return _text(node.get("content"))
    return ""


def _iso_date(value: str) -> str:
    """"2017-04-04T18:22:00+03:00" → "2017-04-04" (the day as the outlet printed it, not UTC)."""
    match = ISO_DATE_RE.match(value.strip()) if value else None
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""
