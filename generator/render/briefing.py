"""Briefing and topic pages: ``briefing.Briefing`` and ``corpus.Corpus`` → view data → HTML.

Like ``render``, this module makes every URL and formats every value; the templates only
lay out what they receive. The two charts are static SVG made by ``svg``.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from babel.numbers import format_compact_decimal, format_decimal

from .. import urls
from ..briefing.model import Briefing, Citation, FigureRow, Statement, TimelineEntry
from ..config.site import Config, Topic
from ..corpus.analysis import Corpus
from ..corpus.kinds import REPORT
from ..display import publisher_name, shown_date, shown_title, source_label
from ..model import ENTITY_TYPES, Article, Entity
from . import page_meta, svg
from .article_page import ArticleContext, RelatedView
from .environment import Link, Renderer, chrome
from .site_pages import event_facts

COVERAGE_COLUMNS = 12  # stories shown in the coverage matrix; the rest are on the topic pages
TIMELINE_CAPTION = 80  # characters of a timeline caption in the chart (the list below is whole)
NETWORK_NODES = 24
NETWORK_EDGES = 60
COMPACT_FROM = 1e6  # a figure this large is said in millions or billions («448 مليون») when exact
TOPIC_PARAGRAPHS = 40  # strongest paragraphs listed on a topic page
ENTITY_NEIGHBOURS = 10  # companions listed on an entity page


@dataclass(frozen=True, slots=True)
class CiteLink:
    label: str  # who published the cited article, or a short title (display.source_label)
    url: str
    paragraph: str
    known: bool  # False when the label is a short title because no publisher is known
    title: str  # the cited article's headline (and that its publisher is unknown): a tooltip, the reference in print
    kind: str = ""  # the cited article's kind when it is not a report of the event ("تحليل ورأي")


@dataclass(frozen=True, slots=True)
class StatementView:
    text: str
    source: CiteLink
    also: tuple[CiteLink, ...]


@dataclass(frozen=True, slots=True)
class FigureView:
    value: str
    unit: str
    texts: tuple[str, ...]
    sources: tuple[CiteLink, ...]
    corroborated: bool
    context: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    speaker: str
    text: str
    source: CiteLink
    role: str = ""  # the speaker's role, when known ("وزير الدفاع")


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    label: str
    url: str  # the topic's own page
    statements: tuple[StatementView, ...]
    sources: tuple[str, ...]
    quotes: tuple[QuoteView, ...]
    figures: tuple[FigureView, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class TimelineView:
    date: str
    date_iso: str | None
    precision: str  # "day", "month", "year", "by_year_end"
    phase: str
    phase_label: str
    label: str
    text: str
    source: CiteLink
    key: tuple[int, int, int]  # (year, month or 0, day or 0): where it sits on the chart
    inferred: str = ""  # ui "inferred" when the date was worked out rather than written
    also: tuple[CiteLink, ...] = ()  # other articles dating the same happening that day


@dataclass(frozen=True, slots=True)
class PersonView:
    name: str
    url: str
    role: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class CoverageCell:
    level: int  # 0 none, 1 mentions, 2 substantial, 3 main topic
    label: str  # the level in words, for screen readers and the tooltip


@dataclass(frozen=True, slots=True)
class CoverageColumn:
    title: str
    title_lang: str
    source: str
    url: str
    note: str  # "earlier context" or "also published by …"
    kind: str = ""  # the article's kind (corpus/kinds.py), as the interface names it
    label: str = ""  # how a citation names it (display.source_label): a phone shows it beside each cell


@dataclass(frozen=True, slots=True)
class CoverageRowView:
    topic: Link
    cells: tuple[CoverageCell, ...]


@dataclass(frozen=True, slots=True)
class TopicArticle:
    title: str
    title_lang: str
    url: str
    source: str
    hits: int
    paragraphs: int
    note: str


@dataclass(frozen=True, slots=True)
class TopicParagraph:
    text: str
    title: str
    url: str
    paragraph: str
    hits: int


def render_briefing(r: Renderer, briefing: Briefing, corpus: Corpus, intro_html: str | None) -> str:
    path, config = urls.BRIEFING, r.config
    ui = config.ui
    cite = _cite_links(path, corpus, ui)
    sections = tuple(_section_view(s, path, cite, config) for s in briefing.sections)
    timeline = tuple(_timeline_view(e, cite, config) for e in briefing.timeline)
    toc = [Link(ui["takeaways_heading"], "#takeaways")] if briefing.takeaways else []
    toc += [Link(s.label, f"#topic-{s.id}") for s in sections]
    toc += [Link(ui[key], f"#{anchor}") for key, anchor, present in (
        ("figures_table_heading", "figures", briefing.figures), ("timeline_heading", "timeline", timeline),
        ("people_heading", "people", briefing.people), ("coverage_heading", "coverage", briefing.coverage),
        ("network_heading", "network", briefing.cooccurrence), ("quotes_heading", "quotes", briefing.quotes),
    ) if present]
    network = _network_charts(briefing, corpus, path, ui)
    return r.env.get_template("briefing.html").render(
        chrome=chrome(r, path, ui["briefing_title"], meta=page_meta.briefing_meta(config, ui["briefing_title"])), ui=ui,
        event_name=config.event.name or config.title, event_facts=event_facts(config),
        intro_html=intro_html, toc=tuple(toc),
        takeaways=tuple(_statement_view(s, cite) for s in briefing.takeaways),
        sections=sections,
        figures=tuple(_figure_view(f, cite, config) for f in briefing.figures),
        timeline=timeline,
        timeline_svg=_timeline_chart(timeline, ui),
        people=tuple(PersonView(p.entity.name, urls.relative_url(path, urls.entity_path(p.entity.id)),
                                p.role, p.mentions, p.articles) for p in briefing.people),
        coverage_columns=_coverage_columns(briefing, corpus, path, ui),
        coverage_rows=_coverage_rows(briefing, config, path),
        network_svg=network[0],
        network_narrow_svg=network[1],
        quotes=tuple(_quote_view(q, cite, ui) for q in briefing.quotes),
        context_articles=tuple(Link(_title(corpus, slug), urls.relative_url(path, urls.article_path(slug)))
                               for slug in briefing.context_articles),
    )


def render_topic(r: Renderer, topic: Topic, corpus: Corpus, briefing: Briefing) -> str:
    """A topic's articles, strongest first, and its paragraphs, most keyword hits first."""
    path, config = urls.topic_path(topic.id), r.config
    ui = config.ui
    scored = sorted(((t, a) for a in corpus.articles for t in a.topics if t.id == topic.id),
                    key=lambda x: (-x[0].score, x[1].slug))
    paragraphs = []
    for score, article in scored:
        texts = {p.id: p.text for p in article.paragraphs}
        hits = Counter(h.paragraph for h in article.topic_hits if h.entity_id == topic.id)
        for pid in score.paragraphs:
            paragraphs.append((hits[pid], score.score, article, pid, texts[pid]))
    paragraphs.sort(key=lambda x: (-x[0], -x[1], x[2].slug, int(x[3][1:])))
    in_briefing = any(s.id == topic.id for s in briefing.sections)
    return r.env.get_template("topic.html").render(
        chrome=chrome(r, path, topic.label, meta=page_meta.topic_meta(config, topic)), ui=ui, topic=topic,
        briefing_url=urls.relative_url(path, urls.BRIEFING, f"topic-{topic.id}") if in_briefing else "",
        articles=tuple(TopicArticle(_title(corpus, a.slug), a.title_lang,
                                    urls.relative_url(path, urls.article_path(a.slug)),
                                    _source_name(a), s.hits, len(s.paragraphs),
                                    _story_note(a, corpus, ui)) for s, a in scored),
        paragraphs=tuple(TopicParagraph(text, _title(corpus, a.slug),
                                        urls.relative_url(path, urls.article_path(a.slug), pid),
                                        pid, hits) for hits, _, a, pid, text in paragraphs[:TOPIC_PARAGRAPHS]),
        more_paragraphs=max(0, len(paragraphs) - TOPIC_PARAGRAPHS),
    )


# --- pieces ------------------------------------------------------------------------------


def _cite_links(path: str, corpus: Corpus, ui: dict[str, str]):
    def cite(c: Citation) -> CiteLink:
        article = corpus.by_slug[c.slug]
        title = article.title or ""
        if article.publisher is None:  # the label is a short title: the headline says whose it is not
            title = f"{title} ({ui['outlet_unknown']})".strip()
        kind = corpus.kind.get(c.slug, REPORT)
        return CiteLink(c.source, urls.relative_url(path, urls.article_path(c.slug), c.paragraph), c.paragraph,
                        article.publisher is not None, title, ui[f"kind_{kind}"] if kind != REPORT else "")
    return cite


def _statement_view(s: Statement, cite) -> StatementView:
    return StatementView(s.text, cite(s.source), tuple(cite(c) for c in s.also))


def figure_value(value: float, locale: str) -> str:
    """A figure as a reader says it: «448 مليون», «1.5 مليار» (CLDR's long compact form, in the
    site's language) when that loses nothing, else every digit: «2,946», «12,500», «2,946,123»."""
    if abs(value) >= COMPACT_FROM:
        for scale in (1e12, 1e9, 1e6):
            if abs(value) >= scale and math.isclose(round(value / scale, 2) * scale, value, rel_tol=1e-12):
                return format_compact_decimal(value, locale=locale, format_type="long", fraction_digits=2)
    return format_decimal(value, locale=locale)


def _figure_view(f: FigureRow, cite, config: Config) -> FigureView:
    return FigureView(figure_value(f.value, config.locale), config.ui.get(f"unit_{f.unit}", f.unit),
                      f.texts, tuple(cite(c) for c in f.sources), f.corroborated, f.context)


def _quote_view(q, cite, ui) -> QuoteView:
    return QuoteView(q.speaker or ui["speaker_unknown"], q.text, cite(q.citation), q.role)


def _section_view(section, path: str, cite, config: Config) -> SectionView:
    ui = config.ui
    return SectionView(
        id=section.id, label=section.label, url=urls.relative_url(path, urls.topic_path(section.id)),
        statements=tuple(_statement_view(s, cite) for s in section.statements),
        sources=section.sources,
        quotes=tuple(_quote_view(q, cite, ui) for q in section.quotes),
        figures=tuple(_figure_view(f, cite, config) for f in section.figures),
        articles=len(section.articles),
    )


def _timeline_view(e: TimelineEntry, cite, config: Config) -> TimelineView:
    ui = config.ui
    date = shown_date(e.date, config) or ""
    precision = e.date.precision
    if e.kind == "year_end":
        date, precision = ui["by_year_end"].format(year=e.date.year), "by_year_end"
    return TimelineView(date, e.date.iso if precision == "day" else None, precision, e.phase,
                        ui[f"phase_{e.phase}"], e.label, e.text, cite(e.citation),
                        (e.date.year or 0, e.date.month or 0, e.date.day or 0),
                        inferred=ui["inferred"] if e.date.inferred else "", also=tuple(cite(c) for c in e.also))


def _timeline_chart(timeline: tuple[TimelineView, ...], ui: dict[str, str]) -> str:
    points = [svg.TimelinePoint(key=t.key, label=t.date,
                                precision="year" if t.precision == "by_year_end" else t.precision,
                                phase=t.phase,
                                text=_shorten(f"{t.label}: {t.text}" if t.label else t.text, TIMELINE_CAPTION),
                                href=t.source.url)
              for t in timeline]
    return svg.timeline_svg(points, ui["timeline_heading"],
                            {p: ui[f"phase_{p}"] for p in ("context", "lead_up", "event", "after")},
                            id_prefix="timeline-chart")


def _network_charts(briefing: Briefing, corpus: Corpus, path: str, ui: dict[str, str]) -> tuple[str, str]:
    """The co-occurrence network for a wide screen, and as one column for a phone."""
    weight = Counter(m.entity_id for a in corpus.articles for m in a.mentions)
    edges = _strong_edges(briefing.cooccurrence)
    linked = {e for a, b, _ in edges for e in (a, b)}
    nodes = [svg.Node(e, corpus.entities[e].name, corpus.entities[e].type, n,
                      urls.relative_url(path, urls.entity_path(e)))
             for e, n in sorted(weight.items(), key=lambda x: (-x[1], x[0])) if e in linked]
    kinds = {kind: ui[f"type_{kind}_plural"] for kind in ENTITY_TYPES}
    return (svg.network_svg(nodes, edges, ui["network_heading"], kinds, "network-chart", NETWORK_NODES),
            svg.network_column_svg(nodes, edges, ui["network_heading"], kinds, "network-narrow", NETWORK_NODES))


def _strong_edges(pairs: tuple[tuple[str, str, int], ...]) -> list[tuple[str, str, int]]:
    """The ties worth drawing: named together more than once, the strongest ``NETWORK_EDGES``
    (a pair named once together is everywhere in news prose, and draws a hairball)."""
    strong = [p for p in pairs if p[2] >= 2] or list(pairs)
    return strong[:NETWORK_EDGES]


def _coverage_columns(briefing: Briefing, corpus: Corpus, path: str, ui: dict[str, str]) -> tuple[CoverageColumn, ...]:
    return tuple(CoverageColumn(row.title, corpus.by_slug[row.slug].title_lang, _source_name(corpus.by_slug[row.slug]),
                                urls.relative_url(path, urls.article_path(row.slug)),
                                _story_note(corpus.by_slug[row.slug], corpus, ui), ui[f"kind_{corpus.kind[row.slug]}"],
                                source_label(corpus.by_slug[row.slug]))
                 for row in _coverage_stories(briefing))


def _coverage_stories(briefing: Briefing):
    """One column per story (reprints fold into their first article), event first."""
    rows = [row for row in briefing.coverage if not row.reprint_of]
    rows.sort(key=lambda row: bool(row.story))
    return rows[:COVERAGE_COLUMNS]


def _coverage_rows(briefing: Briefing, config: Config, path: str) -> tuple[CoverageRowView, ...]:
    ui = config.ui
    stories = _coverage_stories(briefing)
    rows = []
    for n, topic in enumerate(config.topics):
        cells = tuple(_coverage_cell(row.scores[n], ui) for row in stories)
        if any(c.level for c in cells):
            rows.append(CoverageRowView(Link(topic.label, urls.relative_url(path, urls.topic_path(topic.id))), cells))
    return tuple(rows)


def _coverage_cell(score: float, ui: dict[str, str]) -> CoverageCell:
    level = 0 if score <= 0 else 1 if score < 0.34 else 2 if score < 0.67 else 3
    return CoverageCell(level, ui[f"coverage_level_{level}"])


def _story_note(article: Article, corpus: Corpus, ui: dict[str, str]) -> str:
    if corpus.story[article.slug]:
        return ui["context_note"].format(event=corpus.story[article.slug])
    reprints = corpus.reprints.get(article.slug, ())
    if reprints:
        return ui["also_published_by"] + " " + "، ".join(_source_name(corpus.by_slug[s]) or _title(corpus, s)
                                                          for s in reprints)
    return ""


def _source_name(article: Article) -> str:
    return publisher_name(article) or ""


def _title(corpus: Corpus, slug: str) -> str:
    return shown_title(corpus.by_slug[slug])


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def entity_neighbours(briefing: Briefing, entities: dict[str, Entity]) -> dict[str, tuple[tuple[Entity, int], ...]]:
    """Each entity's most frequent companions (named in the same paragraph), for its page."""
    out: dict[str, list[tuple[Entity, int]]] = {}
    for a, b, n in briefing.cooccurrence:
        out.setdefault(a, []).append((entities[b], n))
        out.setdefault(b, []).append((entities[a], n))
    return {e: tuple(sorted(pairs, key=lambda x: (-x[1], x[0].name))[:ENTITY_NEIGHBOURS]) for e, pairs in out.items()}



def article_context(config: Config, article: Article, corpus: Corpus, briefing: Briefing) -> ArticleContext:
    """The corpus around one article: related articles with the reasons, the story it belongs
    to, and the briefing sections that cite it."""
    path, ui = urls.article_path(article.slug), config.ui
    labels = {f"topic-{t.id}": t.label for t in config.topics}
    related = tuple(
        RelatedView(_title(corpus, rel.slug), corpus.by_slug[rel.slug].title_lang,
                    urls.relative_url(path, urls.article_path(rel.slug)), _source_name(corpus.by_slug[rel.slug]),
                    "، ".join(rel.reasons), _story_note(corpus.by_slug[rel.slug], corpus, ui))
        for rel in corpus.related.get(article.slug, ()))
    first = corpus.reprint_of.get(article.slug)
    note = _story_note(article, corpus, ui)
    if first:
        note = ui["reprint_of"].format(source=_source_name(corpus.by_slug[first]) or _title(corpus, first))
    backlinks = tuple(Link(labels.get(section) or ui[f"section_{section}"],
                           urls.relative_url(path, urls.BRIEFING, section))
                      for section in briefing.citations_by_article.get(article.slug, ()))
    return ArticleContext(related, note, backlinks)
