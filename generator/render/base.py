"""Site data → HTML strings. Templates receive ready view data and compute nothing.

Every URL a template prints is made here by ``urls.relative_url`` from the page being
rendered; dates are formatted here with Babel; fallbacks are resolved here. Autoescaping is
on for every template, so article text can never become markup.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined, select_autoescape

from .. import urls
from ..config.site import Config
from ..display import (
    SEARCH_FACETS,
    format_date_value,
    publisher_name,
    reading_time,
    shown_date,
    shown_title,
)
from ..extract.entities import count_mentions
from ..model import ENTITY_TYPES, Article, DateValue, Entity, Mention, Page, Role
from ..read.input_files import ProjectLoader
from . import page_meta
from .page_meta import PageMeta

HTML_TEMPLATES = ("html", "xml", "j2")


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class MetaRow:
    label: str
    value: str
    lang: str = ""  # "" inherits the page's language; values of unknown direction use <bdi>


@dataclass(frozen=True, slots=True)
class ArticleCard:
    title: str
    title_lang: str
    title_derived: bool
    url: str
    kicker: str | None
    outlet: str | None
    date_text: str | None
    date_iso: str | None
    reading_time: str


@dataclass(frozen=True, slots=True)
class EntityLink:
    name: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class EntityGroup:
    label: str
    entities: tuple[EntityLink, ...]


@dataclass(frozen=True, slots=True)
class Cited:
    """A fact with the paragraph it comes from: ``label`` (who/when) and ``text``."""

    label: str
    text: str
    url: str
    paragraph: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A mention in context: ``before`` + ``mark`` + ``after``, linking to its paragraph."""

    before: str
    mark: str
    after: str
    url: str
    paragraph: str


@dataclass(frozen=True, slots=True)
class Appearance:
    title: str
    title_lang: str
    url: str
    snippets: tuple[Snippet, ...]


@dataclass(frozen=True, slots=True)
class Chrome:
    """What every page's frame needs: site name, navigation, assets, all relative to the page."""

    site_title: str
    site_description: str
    lang: str
    page_title: str
    nav: tuple[Link, ...]
    home_url: str
    stylesheet_url: str
    favicon_url: str
    canonical_url: str
    data_url: str
    search_url: str
    feed_url: str  # "" when no feed is written (no base_url)
    meta: PageMeta  # description, OpenGraph, JSON-LD


@dataclass(frozen=True, slots=True)
class Renderer:
    """What every render call needs: the template environment, the config and the site's
    navigation as (label, site path) pairs, listing only pages that exist."""

    env: Environment
    config: Config
    nav: tuple[tuple[str, str], ...]


def make_renderer(config: Config, page_slugs: list[str], environments: dict | None = None) -> Renderer:
    """``environments``: compiled templates to reuse across builds (Jinja recompiles a template
    whose file changed), keyed by the templates folder."""
    ui = config.ui
    nav = [(ui["nav_home"], urls.INDEX), (ui["nav_briefing"], urls.BRIEFING), (ui["search_title"], urls.SEARCH)]
    if "about" in page_slugs:
        nav.append((ui["nav_about"], urls.page_path("about")))
    env = (environments or {}).get(config.templates_dir)
    if env is None:
        env = make_environment(config.templates_dir, config.root)
        if environments is not None:
            environments[config.templates_dir] = env
    return Renderer(env, config, tuple(nav))


def make_environment(templates_dir: Path, root: Path) -> Environment:
    env = Environment(
        loader=ProjectLoader(templates_dir, root),
        autoescape=select_autoescape(HTML_TEMPLATES, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # |tojson (JSON-LD): Arabic stays readable, keys in a fixed order; Jinja still escapes
    # < > & ' so no value can close the <script> element it is printed in.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def chrome(r: Renderer, page_path: str, page_title: str, served_anywhere: bool = False,
           meta: PageMeta | None = None) -> Chrome:
    """``served_anywhere``: the host may show this page at any URL (404.html). Relative links
    would then break below the top folder, so with a ``base_url`` they are made absolute.
    ``meta``: the page kind's metadata (``page_meta``); a plain WebPage when not given."""
    config = r.config

    def link(target: str) -> str:
        if served_anywhere and config.base_url:
            return urls.absolute_url(config.base_url, target)
        return urls.relative_url(page_path, target)

    return Chrome(
        site_title=config.title,
        site_description=config.description,
        lang=config.language,
        page_title=page_title,
        nav=tuple(Link(label, link(target), target == page_path) for label, target in r.nav),
        home_url=link(urls.INDEX),
        stylesheet_url=link(urls.STYLESHEET),
        favicon_url=link(urls.FAVICON),
        canonical_url=urls.absolute_url(config.base_url, page_path),
        data_url=link(urls.ARTICLES_JSON),
        search_url=link(urls.SEARCH),
        feed_url=link(urls.FEED) if config.base_url else "",  # the feed is written only then
        meta=meta or page_meta.web_page_meta(config, page_path, page_title),
    )


def article_card(article: Article, config: Config, from_path: str) -> ArticleCard:
    return ArticleCard(
        title=shown_title(article),
        title_lang=article.title_lang,
        title_derived=article.title_derived,
        url=urls.relative_url(from_path, urls.article_path(article.slug)),
        kicker=article.kicker,
        outlet=publisher_name(article),
        date_text=shown_date(article.date, config),
        date_iso=article.date.iso,
        reading_time=reading_time(article.word_count, config),
    )


def render_index(r: Renderer, articles: list[Article]) -> str:
    path, config = urls.INDEX, r.config
    event = config.event
    return r.env.get_template("index.html").render(
        chrome=chrome(r, path, config.title, meta=page_meta.home_meta(config)),
        ui=config.ui,
        event_name=event.name,
        event_summary=event.summary,
        event_facts=event_facts(config),
        briefing_url=urls.relative_url(path, urls.BRIEFING),
        articles=tuple(article_card(a, config, path) for a in articles),
    )


def event_facts(config: Config) -> tuple[MetaRow, ...]:
    event, ui = config.event, config.ui
    return tuple(row for row in (
        MetaRow(ui["event_date"], format_date_value(_date_value(event.date), config.locale) or ""),
        MetaRow(ui["event_place"], event.place),
        MetaRow(ui["event_participants"], "، ".join(event.participants)),
    ) if row.value)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of paragraph text; ``url`` set where it is an entity's first mention."""

    text: str
    url: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    id: str
    role: str
    lang: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class RelatedView:
    title: str
    title_lang: str
    url: str
    source: str
    reasons: str
    note: str


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the rest of the corpus says about one article: its related articles, the stories
    it shares, and where the briefing cites it."""

    related: tuple[RelatedView, ...] = ()
    story_note: str = ""
    backlinks: tuple[Link, ...] = ()


def render_article(r: Renderer, article: Article, entities: dict[str, Entity],
                   context: ArticleContext = ArticleContext()) -> str:
    path, config = urls.article_path(article.slug), r.config
    ui = config.ui
    counts = count_mentions(article.mentions, entities)
    groups = tuple(EntityGroup(ui[f"type_{kind}_plural"], tuple(
        EntityLink(c.entity.name, urls.relative_url(path, urls.entity_path(c.entity.id)), c.count)
        for c in counts if c.entity.type == kind)) for kind in ENTITY_TYPES)
    return r.env.get_template("article.html").render(
        chrome=chrome(r, path, shown_title(article),
                      meta=page_meta.article_meta(config, article, entities)),
        ui=ui,
        article=article,
        title=shown_title(article),
        meta_rows=_meta_rows(article, config),
        body=linked_paragraphs(article, entities, path),
        captions=tuple(p for p in article.paragraphs if p.role is Role.CAPTION),
        boilerplate=tuple(p for p in article.paragraphs if p.role is Role.BOILERPLATE),
        raw_page_url=urls.relative_url(path, urls.raw_page_path(article.slug)),
        raw_file_url=urls.relative_url(path, urls.raw_file_path(article.slug)),
        entity_groups=tuple(g for g in groups if g.entities),
        topics=tuple(Link(t.label, urls.relative_url(path, urls.topic_path(t.id))) for t in article.topics),
        context=context,
        figures=tuple(Cited("", f.text, f"#{f.paragraph}", f.paragraph) for f in article.figures),
        quotes=tuple(Cited(q.speaker or ui["speaker_unknown"], q.text, f"#{q.paragraph}", q.paragraph)
                     for q in article.quotes),
        dates=tuple(Cited(shown_date(d.value, config) or "", d.value.text,
                          f"#{d.paragraph}", d.paragraph, ui["inferred"] if d.value.inferred else "")
                    for d in article.dates if d.value.precision != "none" or d.value.month),
    )


def linked_paragraphs(article: Article, entities: dict[str, Entity], path: str) -> tuple[ParagraphView, ...]:
    """Body and headings, each entity's first mention in the article linked to its page (the
    convention of encyclopedias: one link per name, so the text stays readable)."""
    shown = {p.id for p in article.paragraphs if p.role.is_text}
    first: dict[str, list[Mention]] = {}
    seen: set[str] = set()
    for mention in article.mentions:  # in reading order
        if mention.paragraph in shown and mention.entity_id not in seen:
            seen.add(mention.entity_id)
            first.setdefault(mention.paragraph, []).append(mention)
    out = []
    for p in article.paragraphs:
        if not p.role.is_text:
            continue
        segments, at = [], 0
        for m in sorted(first.get(p.id, ()), key=lambda m: m.start):
            if m.start < at:
                continue
            entity = entities[m.entity_id]
            segments += [Segment(p.text[at:m.start]), Segment(p.text[m.start:m.end],
                         urls.relative_url(path, urls.entity_path(entity.id)), entity.role)]
            at = m.end
        segments.append(Segment(p.text[at:]))
        out.append(ParagraphView(p.id, p.role, p.lang, tuple(s for s in segments if s.text)))
    return tuple(out)


def render_entity(r: Renderer, entity: Entity, appearances: list[tuple[Article, list[Mention]]],
                  companions: tuple[tuple[Entity, int], ...] = ()) -> str:
    """``companions``: the entities most often named in the same paragraph, with how often."""
    path, ui = urls.entity_path(entity.id), r.config.ui
    facts = tuple(row for row in (
        MetaRow(ui["entity_role"], entity.role),
        MetaRow(ui["entity_aliases"], "، ".join(entity.aliases)),
        MetaRow(ui["entity_name_en"], entity.name_en, "en"),
        MetaRow(ui["entity_articles"], str(len(appearances))),
        MetaRow(ui["mention_count"], str(sum(len(m) for _, m in appearances))),
    ) if row.value)
    return r.env.get_template("entity.html").render(
        chrome=chrome(r, path, entity.name, meta=page_meta.entity_meta(r.config, entity)),
        ui=ui, entity=entity, type_label=ui[f"type_{entity.type}"],
        facts=facts, appearances=tuple(_appearance(path, article, mentions) for article, mentions in appearances),
        companions=tuple(EntityLink(e.name, urls.relative_url(path, urls.entity_path(e.id)), n) for e, n in companions),
    )


def _appearance(path: str, article: Article, mentions: list[Mention]) -> Appearance:
    texts = {p.id: p.text for p in article.paragraphs}
    target = urls.article_path(article.slug)
    return Appearance(
        title=shown_title(article), title_lang=article.title_lang,
        url=urls.relative_url(path, target),
        snippets=tuple(Snippet(*_context(texts[m.paragraph], m.start, m.end),
                               urls.relative_url(path, target, m.paragraph), m.paragraph) for m in mentions),
    )


SNIPPET_CONTEXT = 70  # characters of context on each side of a mention


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """Cut at word boundaries so no word is shown broken."""
    left = text[max(0, start - SNIPPET_CONTEXT):start]
    right = text[end:end + SNIPPET_CONTEXT]
    if start > SNIPPET_CONTEXT and " " in left:
        left = "… " + left.split(" ", 1)[1]
    if end + SNIPPET_CONTEXT < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0] + " …"
    return left, text[start:end], right


def render_raw(r: Renderer, article: Article, text: str) -> str:
    path, config = urls.raw_page_path(article.slug), r.config
    title = f"{config.ui['raw_text']}: {shown_title(article)}"
    return r.env.get_template("raw.html").render(
        chrome=chrome(r, path, title, meta=page_meta.raw_meta(config, article, title)),
        ui=config.ui,
        source_file=article.source_file,
        encoding=article.raw_encoding,
        text=text,
        article_url=urls.relative_url(path, urls.article_path(article.slug)),
        raw_file_url=urls.relative_url(path, urls.raw_file_path(article.slug)),
    )


def render_page(r: Renderer, page: Page) -> str:
    path, config = urls.page_path(page.slug), r.config
    return r.env.get_template("page.html").render(
        chrome=chrome(r, path, page.title, meta=page_meta.content_page_meta(config, page)),
        ui=config.ui, title=page.title, html=page.html,
    )


def render_not_found(r: Renderer) -> str:
    config = r.config
    return r.env.get_template("404.html").render(
        chrome=chrome(r, urls.NOT_FOUND, config.ui["not_found_title"], served_anywhere=True), ui=config.ui,
    )


def json_document(data: object) -> str:
    """Stable JSON: fixed key order from the data, UTF-8 text, ``</`` escaped for embedding.
    Compact: with ``indent`` Python's pure-Python encoder runs, ten times slower on a large corpus."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + "\n"


def _meta_rows(article: Article, config: Config) -> tuple[MetaRow, ...]:
    ui = config.ui
    rows = (
        MetaRow(ui["outlet"], article.outlet.name if article.outlet else ""),
        MetaRow(ui["agency"], article.agency.name if article.agency else ""),
        MetaRow(ui["author"], article.author or ""),
        MetaRow(ui["date"], shown_date(article.date, config) or ui["date_unknown"]),
        MetaRow(ui["dateline"], article.dateline or ""),
        MetaRow(ui["section"], article.section or ""),
        MetaRow(ui["reading_time"], reading_time(article.word_count, config)),
    )
    return tuple(row for row in rows if row.value)



def _date_value(date: dt.date | None) -> DateValue:
    return DateValue(date.year, date.month, date.day) if date else DateValue()


SEARCH_MESSAGES = ("prompt", "searching", "none", "count", "failed")


def render_search(r: Renderer) -> str:
    path, ui = urls.SEARCH, r.config.ui
    messages = {key: ui[f"search_{key}"] for key in SEARCH_MESSAGES}
    return r.env.get_template("search.html").render(
        chrome=chrome(r, path, ui["search_title"], meta=page_meta.search_meta(r.config, ui["search_title"])),
        ui=ui,
        base=urls.relative_url(path, urls.INDEX)[: -len(urls.INDEX)],
        search_script=urls.relative_url(path, urls.SEARCH_SCRIPT),
        self_url=urls.relative_url(path, path),
        search_ui=json.dumps(messages, ensure_ascii=False),
        facets=tuple((facet, ui[f"search_facet_{facet}"]) for facet in SEARCH_FACETS),
    )

