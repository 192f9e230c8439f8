"""The site's page kinds, one row each, in the order they are written: the pipeline iterates
``PAGE_KINDS`` and hands every page to the writer. A new kind of page is a render function in
its own module and one row here; nothing else counts or names pages.

Each row lists its pages as ``PageJob``s: the site path, how to make the bytes, and (for pages
whose inputs can be told apart cheaply) a digest of those inputs, so a rebuild keeps a page
whose inputs did not change (``write.writer.OutputWriter.write_page``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable

from .. import urls
from ..briefing.build import Briefing
from ..corpus.analysis import Corpus
from ..model import Page, RawDoc
from . import article_page, entity_page, site_pages
from .briefing import article_context, entity_neighbours, render_briefing, render_topic
from .data import articles_document, briefing_document
from .environment import Renderer, json_document


@dataclass(frozen=True, slots=True)
class PageJob:
    path: str  # site path
    make: Callable[[], str | bytes]
    digest: str = ""  # of the page's inputs, when the page memo may keep it ("" renders it always)


@dataclass(frozen=True, slots=True)
class SiteView:
    """Everything the page kinds read, gathered before the first page is written."""

    renderer: Renderer
    corpus: Corpus
    briefing: Briefing
    raws: dict[str, RawDoc]  # by seed file name
    pages: tuple[Page, ...]  # content/*.md
    intro_html: str | None  # content/briefing.md
    static: tuple[tuple[str, Callable[[], bytes]], ...]  # templates/static/**: (path under assets/, bytes)
    digest: Callable[..., str]  # of a page's inputs, with the site's fingerprint (incremental.page_memo)
    prints: dict[str, str]  # each article's own digest, by slug
    progress: Callable  # wraps a long loop (pipeline.Progress: a terminal shows a bar)


@dataclass(frozen=True, slots=True)
class PageKind:
    name: str
    jobs: Callable[[SiteView], Iterable[PageJob]]


def home(view: SiteView) -> Iterable[PageJob]:
    yield PageJob(urls.INDEX, partial(site_pages.render_index, view.renderer, list(view.corpus.articles),
                                      view.corpus.kind))


def articles(view: SiteView) -> Iterable[PageJob]:
    """Each article's page, its raw view and the file as received."""
    corpus, config = view.corpus, view.renderer.config
    for article in view.progress(corpus.articles, "articles"):
        raw, own = view.raws[article.source_file], view.prints[article.slug]
        context = article_context(config, article, corpus, view.briefing)
        named = tuple(corpus.entities[i] for i in sorted({m.entity_id for m in article.mentions}))
        yield PageJob(urls.article_path(article.slug),
                      partial(article_page.render_article, view.renderer, article, corpus.entities, context),
                      view.digest(own, context, named))
        yield PageJob(urls.raw_page_path(article.slug),
                      partial(article_page.render_raw, view.renderer, article, raw.text),
                      view.digest(own, raw.text))
        yield PageJob(urls.raw_file_path(article.slug), partial(bytes, raw.data))


def content_pages(view: SiteView) -> Iterable[PageJob]:
    for page in view.pages:
        yield PageJob(urls.page_path(page.slug), partial(site_pages.render_page, view.renderer, page))
    yield PageJob(urls.NOT_FOUND, partial(site_pages.render_not_found, view.renderer))


def briefing_pages(view: SiteView) -> Iterable[PageJob]:
    """The briefing, and one page per topic some article speaks of."""
    r, corpus, briefing = view.renderer, view.corpus, view.briefing
    yield PageJob(urls.BRIEFING, partial(render_briefing, r, briefing, corpus, view.intro_html))
    present = {t.id for a in corpus.articles for t in a.topics}
    for topic in (t for t in r.config.topics if t.id in present):
        yield PageJob(urls.topic_path(topic.id), partial(render_topic, r, topic, corpus, briefing))


def entities(view: SiteView) -> Iterable[PageJob]:
    """One page per entity the articles mention: every mention in reading order, and the
    entities most often named with it."""
    appearances: dict[str, list] = {}
    for article in view.corpus.articles:
        by_entity: dict[str, list] = {}
        for mention in article.mentions:
            by_entity.setdefault(mention.entity_id, []).append(mention)
        for entity_id, mentions in by_entity.items():
            appearances.setdefault(entity_id, []).append((article, mentions))
    known = view.corpus.entities
    companions = entity_neighbours(view.briefing, known)
    for entity_id in view.progress(sorted(appearances), "entities"):
        shown, near = appearances[entity_id], companions.get(entity_id, ())
        digest = view.digest(known[entity_id], [(view.prints[a.slug], m) for a, m in shown], near)
        yield PageJob(urls.entity_path(entity_id),
                      partial(entity_page.render_entity, view.renderer, known[entity_id], shown, near), digest)


def assets(view: SiteView) -> Iterable[PageJob]:
    for path, read in view.static:
        yield PageJob(f"{urls.ASSETS_DIR}/{path}", read)


def data_files(view: SiteView) -> Iterable[PageJob]:
    corpus, config = view.corpus, view.renderer.config
    yield PageJob(urls.ARTICLES_JSON,
                  lambda: json_document(articles_document(list(corpus.articles), corpus.entities, corpus)))
    yield PageJob(urls.BRIEFING_JSON, lambda: json_document(briefing_document(view.briefing, corpus, config)))
    yield PageJob(urls.NO_JEKYLL, partial(bytes))  # GitHub Pages: publish as is, no Jekyll


def search_page(view: SiteView) -> Iterable[PageJob]:
    yield PageJob(urls.SEARCH, partial(site_pages.render_search, view.renderer))


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("home", home),
    PageKind("articles", articles),
    PageKind("content pages", content_pages),
    PageKind("briefing", briefing_pages),
    PageKind("entities", entities),
    PageKind("assets", assets),
    PageKind("data", data_files),
    PageKind("search page", search_page),
)
