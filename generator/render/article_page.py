"""The article page and its raw view: the text with each entity's first mention linked, its
metadata, figures, quotes and dates, and what the rest of the corpus says about it."""
from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..config.site import Config
from ..display import reading_time, shown_date, shown_title
from ..extract.entities import count_mentions
from ..model import ENTITY_TYPES, Article, Entity, Mention, Role
from . import page_meta
from .entity_page import EntityGroup, EntityLink
from .environment import Link, MetaRow, Renderer, chrome


@dataclass(frozen=True, slots=True)
class Cited:
    """A fact with the paragraph it comes from: ``label`` (who/when) and ``text``."""

    label: str
    text: str
    url: str
    paragraph: str
    note: str = ""


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
