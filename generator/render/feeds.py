"""Files for crawlers and feed readers: ``robots.txt``, ``sitemap.xml`` and the Atom feed
``feed.xml``. Pure functions from the site's data to text; the pipeline writes what
``publishing_files`` returns, after every page, so the sitemap lists what was really written.

The sitemap and the feed consist of absolute URLs (sitemaps.org 0.9 and RFC 4287 require
them), so they exist only when ``base_url`` is set; robots.txt is always written. XML is built
with ElementTree, never by joining strings, so every title and URL is escaped correctly.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable

from .. import urls
from ..config.site import Config
from ..display import publisher_name, shown_title
from ..model import Article
from .page_meta import lead_paragraph

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NO_DATE = "1970-01-01T00:00:00Z"  # a feed's `updated` when no article is dated (it is required)


def publishing_files(config: Config, articles: Iterable[Article], written: Iterable[str]) -> dict[str, str]:
    """Site path → text. ``written``: the site paths already written (the sitemap's candidates)."""
    files = {urls.ROBOTS: robots_txt(config.base_url)}
    if config.base_url:
        files[urls.SITEMAP] = sitemap_xml(config.base_url, sitemap_paths(written))
        files[urls.FEED] = atom_feed(config, articles)
    return files


def robots_txt(base_url: str) -> str:
    """Everything may be crawled (an empty Disallow, understood by every crawler since 1994).
    Crawlers read robots.txt only at a host's root: under /<repo>/ it is ignored, so a project
    site's sitemap is best submitted to search engines directly."""
    lines = ["User-agent: *", "Disallow:"]
    if base_url:
        lines += ["", f"Sitemap: {urls.absolute_url(base_url, urls.SITEMAP)}"]
    return "\n".join(lines) + "\n"


def sitemap_paths(written: Iterable[str]) -> list[str]:
    """The pages a search engine should list: every HTML page except 404.html (a host shows it
    for missing pages) and the raw/ views (the same text again, uncleaned). Sorted, so two
    builds write the same file."""
    return sorted(path for path in written if path.endswith(".html") and path != urls.NOT_FOUND
                  and not path.startswith(urls.RAW_DIR + "/"))


def sitemap_xml(base_url: str, paths: Iterable[str]) -> str:
    """A sitemaps.org 0.9 ``urlset``. No ``lastmod``: a publication date is not when a page
    changed, and the build time would make two builds differ. One file holds up to 50,000
    URLs, far beyond a briefing's size."""
    if not base_url:
        raise ValueError("a sitemap needs absolute URLs: set base_url")
    urlset = ET.Element("urlset", xmlns=SITEMAP)
    for path in paths:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = urls.absolute_url(base_url, path)
    return _document(urlset)


def feed_articles(articles: Iterable[Article]) -> list[Article]:
    """The feed's entries: articles dated to the day, newest first (same day: by slug).

    An Atom entry must have an ``updated`` date-time (RFC 4287 4.1.2). An article dated only to
    the month or year, or not at all, has none we could give without inventing a day, so it is
    left out of the feed; it is still on the home page and in the sitemap, and an editor who
    knows its date can set it (``date:`` in content/articles/<name>.md) to add it."""
    dated = sorted((a for a in articles if a.date.precision == "day"), key=lambda a: a.slug)
    return sorted(dated, key=lambda a: a.date.iso, reverse=True)


def atom_feed(config: Config, articles: Iterable[Article]) -> str:
    """An RFC 4287 feed of ``feed_articles``, in the site's language. Entry ids are the
    articles' absolute URLs: stable as long as the site stays where it is."""
    if not config.base_url:
        raise ValueError("a feed needs absolute URLs: set base_url")
    entries = feed_articles(articles)
    feed_url = urls.absolute_url(config.base_url, urls.FEED)
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: config.language})
    _add(feed, "title", config.title)
    if config.description:
        _add(feed, "subtitle", config.description)
    _add(feed, "id", feed_url)
    _link(feed, "self", "application/atom+xml", feed_url)
    _link(feed, "alternate", "text/html", urls.absolute_url(config.base_url, urls.INDEX))
    _add(feed, "updated", _timestamp(entries[0]) if entries else NO_DATE)
    # The feed's author stands for entries that name none (RFC 4287 4.1.1): the site's name.
    _add(ET.SubElement(feed, "author"), "name", config.title)
    for article in entries:
        feed.append(_entry(config, article))
    return _document(feed)


def _entry(config: Config, article: Article) -> ET.Element:
    url = urls.absolute_url(config.base_url, urls.article_path(article.slug))
    entry = ET.Element("entry")
    _add(entry, "title", shown_title(article), article.title_lang, config.language)
    _add(entry, "id", url)
    _link(entry, "alternate", "text/html", url)
    _add(entry, "published", _timestamp(article))
    _add(entry, "updated", _timestamp(article))
    author = article.author or publisher_name(article)
    if author:
        _add(ET.SubElement(entry, "author"), "name", author)
    lead = lead_paragraph(article)
    if lead:
        _add(entry, "summary", lead.text, lead.lang, config.language)
    return entry


def _timestamp(article: Article) -> str:
    """Midnight UTC of the publication day: the texts give a day, never a time."""
    return f"{article.date.iso}T00:00:00Z"


def _add(parent: ET.Element, name: str, text: str, lang: str = "", site_lang: str = "") -> ET.Element:
    """A text child; ``xml:lang`` only where the text's language differs from the feed's."""
    element = ET.SubElement(parent, name)
    element.text = text
    if lang and lang != site_lang:
        element.set(XML_LANG, lang)
    return element


def _link(parent: ET.Element, rel: str, media_type: str, href: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})


def _document(root: ET.Element) -> str:
    """Elements are named without a namespace and the root declares it as the default with
    ``xmlns``: ElementTree's own default_namespace refuses unprefixed attributes (rel, href)."""
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
