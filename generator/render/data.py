"""The public JSON interface: ``data/articles.json`` (README "Data files" documents it).

Field names are a contract with other tools (DESIGN.md contract 6): add fields freely,
rename none. Values are plain JSON; order is the data's own, so output is deterministic.
"""
from __future__ import annotations

from .. import urls
from ..briefing.model import Briefing, Citation, FigureRow, Statement
from ..config.site import Config
from ..corpus.analysis import Corpus
from ..extract.entities import count_mentions
from ..model import Article, DateValue, Entity, Outlet


def articles_document(articles: list[Article], entities: dict[str, Entity], corpus: Corpus | None = None) -> dict:
    return {"articles": [article_record(a, entities, corpus) for a in articles]}


def article_record(article: Article, entities: dict[str, Entity], corpus: Corpus | None = None) -> dict:
    return {
        "source_file": article.source_file,
        "url": urls.article_path(article.slug),
        "raw_url": urls.raw_file_path(article.slug),
        "slug": article.slug,
        "title": article.title,
        "title_derived": article.title_derived,
        "title_lang": article.title_lang,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "section": article.section,
        "author": article.author,
        "dateline": article.dateline,
        "outlet": _outlet(article.outlet),
        "agency": _outlet(article.agency),
        "date": _date(article.date),
        "word_count": article.word_count,
        "encoding": article.raw_encoding,
        "paragraphs": [{"id": p.id, "role": p.role, "text": p.text, "lang": p.lang,
                        "lines": list(p.lines)} for p in article.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in article.removed],
        "repairs": [{"before": r.before, "after": r.after, "reason": r.reason, "line": r.line}
                    for r in article.repairs],
        "entities": [{"name": c.entity.name, "type": c.entity.type, "count": c.count,
                      "paragraphs": list(c.paragraphs), "url": urls.entity_path(c.entity.id), "id": c.entity.id}
                     for c in count_mentions(article.mentions, entities)],
        "topics": [{"id": t.id, "label": t.label, "score": t.score, "hits": t.hits, "paragraphs": list(t.paragraphs),
                    "url": urls.topic_path(t.id)} for t in article.topics],
        "dates": [{**_date(d.value), "kind": d.kind, "paragraph": d.paragraph} for d in article.dates],
        "figures": [{"value": f.value, "unit": f.unit, "text": f.text, "qualifier": f.qualifier or None,
                     "paragraph": f.paragraph} for f in article.figures],
        "quotes": [{"speaker": q.speaker, "text": q.text, "paragraph": q.paragraph} for q in article.quotes],
        "related": [{"slug": r.slug, "url": urls.article_path(r.slug), "score": r.score, "reasons": list(r.reasons)}
                    for r in (corpus.related.get(article.slug, ()) if corpus else ())],
        "reprint_of": corpus.reprint_of.get(article.slug) if corpus else None,
        "story": (corpus.story.get(article.slug) or None) if corpus else None,
        "kind": corpus.kind.get(article.slug) if corpus else None,
        "warnings": [str(p) for p in article.problems],
        "overrides": ({"file": article.override_source, "fields": list(article.overridden)}
                      if article.overridden else None),
    }


def _outlet(outlet: Outlet | None) -> dict | None:
    return {"name": outlet.name, "name_en": outlet.name_en} if outlet else None


def _date(date: DateValue) -> dict:
    return {"iso": date.iso, "year": date.year, "month": date.month, "day": date.day,
            "precision": date.precision, "inferred": date.inferred, "text": date.text or None}


def briefing_document(briefing: Briefing, corpus: Corpus, config: Config) -> dict:
    """Everything ``briefing.html`` shows, as data; citations are site paths with fragments."""
    topics = {t.id: t for t in config.topics}
    return {
        "event": {"name": config.event.name, "date": config.event.date.isoformat() if config.event.date else None,
                  "place": config.event.place, "participants": list(config.event.participants),
                  "context": [{"name": c.name, **_date(c.date)} for c in config.event.context]},
        "takeaways": [_statement(s) for s in briefing.takeaways],
        "topics": [{"id": s.id, "label": s.label, "url": urls.topic_path(s.id), "keywords": list(topics[s.id].keywords),
                    "sources": list(s.sources), "articles": list(s.articles),
                    "statements": [_statement(x) for x in s.statements],
                    "quotes": [_quote(q) for q in s.quotes], "figures": [_figure(f) for f in s.figures]}
                   for s in briefing.sections],
        "figures": [_figure(f) for f in briefing.figures],
        "timeline": [{**_date(e.date), "phase": e.phase, "kind": e.kind, "label": e.label or None, "text": e.text,
                      "citation": _citation(e.citation), "also": [_citation(c) for c in e.also]}
                     for e in briefing.timeline],
        "people": [{"id": p.entity.id, "name": p.entity.name, "role": p.role, "mentions": p.mentions,
                    "articles": p.articles, "url": urls.entity_path(p.entity.id)} for p in briefing.people],
        "coverage": {"topics": [t.id for t in config.topics],
                     "articles": [{"slug": row.slug, "title": row.title, "source": row.source,
                                   "story": row.story or None, "reprint_of": row.reprint_of or None,
                                   "scores": list(row.scores)} for row in briefing.coverage]},
        "cooccurrence": [{"a": a, "b": b, "paragraphs": n} for a, b, n in briefing.cooccurrence],
        "quotes": [_quote(q) for q in briefing.quotes],
        "context_articles": list(briefing.context_articles),
    }


def _citation(c: Citation) -> dict:
    url = f"{urls.article_path(c.slug)}#{c.paragraph}"
    return {"url": url, "slug": c.slug, "paragraph": c.paragraph, "source": c.source}


def _statement(s: Statement) -> dict:
    return {"text": s.text, "citation": _citation(s.source), "also": [_citation(c) for c in s.also],
            "stories": s.stories, "score": s.score}


def _figure(f: FigureRow) -> dict:
    return {"value": f.value, "unit": f.unit, "texts": list(f.texts), "context": f.context,
            "corroborated": f.corroborated, "sources": [_citation(c) for c in f.sources]}


def _quote(q) -> dict:
    return {"speaker": q.speaker, "role": q.role, "text": q.text, "citation": _citation(q.citation)}
