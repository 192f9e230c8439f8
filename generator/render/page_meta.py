"""What search engines and link previews read about a page: OpenGraph properties and one
schema.org object, printed by ``templates/base.html`` (the object as JSON-LD via ``|tojson``).

One function per page kind, each pure: it reads the config and the page's own data. Everything
is said in the site's language (``config.language``, ``config.locale``). Absolute URLs
(``og:url``, the JSON-LD ``url``s) appear only when ``base_url`` is set: both formats want
absolute URLs, and a page opened from disk has none to give.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..config.site import Config, Topic
from ..display import shown_title
from ..extract.entities import count_mentions
from ..model import Article, DateValue, Entity, Outlet, Page, Paragraph

SCHEMA_CONTEXT = "https://schema.org"
DESCRIPTION_CHARS = 200  # link previews show about this much; longer text is cut at a word
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}


@dataclass(frozen=True, slots=True)
class PageMeta:
    description: str  # <meta name="description"> and og:description; "" prints neither
    og: tuple[tuple[str, str], ...]  # (property, content), printed in this order
    json_ld: dict  # one schema.org object; only the template serializes it (escaped for <script>)


# --- page kinds ------------------------------------------------------------------------


def home_meta(config: Config) -> PageMeta:
    """The site itself; a SearchAction only when there is an absolute address to search at."""
    search = None
    if config.base_url:  # search.html reads its query from ?q=, as the header's search form sends it
        template = urls.absolute_url(config.base_url, urls.SEARCH) + "?q={search_term_string}"
        search = {"@type": "SearchAction", "query-input": "required name=search_term_string",
                  "target": {"@type": "EntryPoint", "urlTemplate": template}}
    return _meta(config, urls.INDEX, config.title, "WebSite", config.description,
                 about=event_data(config), potentialAction=search)


def article_meta(config: Config, article: Article, entities: dict[str, Entity]) -> PageMeta:
    """A NewsArticle with what the text tells: date (at its precision), author, publisher,
    dateline, and the people, organizations and places it names."""
    path, base = urls.article_path(article.slug), config.base_url
    title = shown_title(article)
    published = iso_date(article.date)
    lead = lead_paragraph(article)
    description = shorten(article.subtitle or (lead.text if lead else "")) or config.description
    og = (("article:published_time", published),) if published else ()
    og += (("article:section", article.section),) if article.section else ()
    publisher = article.publisher
    agency = article.agency if article.agency and article.agency != publisher else None
    return _meta(
        config, path, title, "NewsArticle", description, og_type="article", extra_og=og,
        headline=title, datePublished=published,
        author={"@type": "Person", "name": article.author} if article.author else None,
        publisher=organization(publisher),
        sourceOrganization=organization(agency),  # the wire agency the outlet credits
        dateline=article.dateline, articleSection=article.section, wordCount=article.word_count,
        mainEntityOfPage=urls.absolute_url(base, path) or None,
        isBasedOn=urls.absolute_url(base, urls.raw_file_path(article.slug)) or None,  # the text as received
        mentions=[thing(c.entity, config) for c in count_mentions(article.mentions, entities)],
    )


def briefing_meta(config: Config, title: str) -> PageMeta:
    """The generated briefing: a Report about the event."""
    return _meta(config, urls.BRIEFING, title, "Report", config.event.summary or config.description,
                 headline=title, about=event_data(config))


def topic_meta(config: Config, topic: Topic) -> PageMeta:
    """The articles and paragraphs on one topic: a collection about it."""
    return _meta(config, urls.topic_path(topic.id), topic.label, "CollectionPage", config.description,
                 about={"@type": "Thing", "name": topic.label})


def entity_meta(config: Config, entity: Entity) -> PageMeta:
    """Everything said about one person or organization (a ProfilePage, as schema.org defines
    it), or one place (a WebPage about it)."""
    kind = "ProfilePage" if entity.type in ("person", "organization") else "WebPage"
    return _meta(config, urls.entity_path(entity.id), entity.name, kind, entity.role or config.description,
                 mainEntity=thing(entity, config, with_details=True))


def search_meta(config: Config, title: str) -> PageMeta:
    return _meta(config, urls.SEARCH, title, "SearchResultsPage", config.description)


def content_page_meta(config: Config, page: Page) -> PageMeta:
    """A hand-written page: ``about`` is an AboutPage; its front matter may give a description."""
    kind = "AboutPage" if page.slug == "about" else "WebPage"
    return _meta(config, urls.page_path(page.slug), page.title, kind,
                 str(page.meta.get("description") or config.description))


def raw_meta(config: Config, article: Article, title: str) -> PageMeta:
    """The text as received: a plain page about the article it became."""
    return _meta(config, urls.raw_page_path(article.slug), title, "WebPage", config.description,
                 about=_reference("NewsArticle", shown_title(article),
                                  urls.absolute_url(config.base_url, urls.article_path(article.slug))))


def web_page_meta(config: Config, path: str, title: str) -> PageMeta:
    """Any other page (404)."""
    return _meta(config, path, title, "WebPage", config.description)


# --- pieces ----------------------------------------------------------------------------


def iso_date(value: DateValue) -> str | None:
    """ISO 8601 at the precision the text gives ("2021-07-26", "2020-08", "2020"); None when
    the year is unknown, since a month without its year cannot be placed in time."""
    if value.precision == "day":
        return value.iso
    if value.precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if value.precision == "year":
        return f"{value.year:04d}"
    return None


def lead_paragraph(article: Article) -> Paragraph | None:
    """The first body paragraph: what the article says first (description, feed summary)."""
    return next((p for p in article.paragraphs if p.role.is_body), None)


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + " …"


def organization(outlet: Outlet | None) -> dict | None:
    if outlet is None:
        return None
    return _drop_empty({"@type": "Organization", "name": outlet.name, "alternateName": outlet.name_en})


def thing(entity: Entity, config: Config, with_details: bool = False) -> dict:
    """A person, organization or place, linked to its page when the site has an address."""
    data = _reference(SCHEMA_TYPES[entity.type], entity.name,
                      urls.absolute_url(config.base_url, urls.entity_path(entity.id)))
    if with_details:
        names = [entity.name_en, *entity.aliases] if entity.name_en else list(entity.aliases)
        data.update(_drop_empty({"alternateName": names, "description": entity.role}))
    return data


def event_data(config: Config) -> dict | None:
    """The event of site.yaml, or None when the site names none."""
    event = config.event
    if not event.name:
        return None
    return _drop_empty({"@type": "Event", "name": event.name, "description": event.summary,
                        "startDate": event.date.isoformat() if event.date else None,
                        "location": {"@type": "Place", "name": event.place} if event.place else None})


def _reference(schema_type: str, name: str, url: str) -> dict:
    return _drop_empty({"@type": schema_type, "name": name, "url": url})


def _meta(config: Config, path: str, title: str, schema_type: str, description: str,
          og_type: str = "website", extra_og: tuple[tuple[str, str], ...] = (), **fields) -> PageMeta:
    """What every page has (title, type, language, site, address), then the kind's own fields;
    empty values are left out rather than printed empty."""
    url = urls.absolute_url(config.base_url, path)
    og = (("og:title", title), ("og:type", og_type), ("og:locale", config.locale), ("og:site_name", config.title))
    og += (("og:description", description),) if description else ()
    og += (("og:url", url),) if url else ()
    site = None if schema_type == "WebSite" else _reference(
        "WebSite", config.title, urls.absolute_url(config.base_url, urls.INDEX))
    data = _drop_empty({"@context": SCHEMA_CONTEXT, "@type": schema_type, "name": title,
                        "description": description, "inLanguage": config.language, "url": url,
                        "isPartOf": site, **fields})
    return PageMeta(description, og + extra_og, data)


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
