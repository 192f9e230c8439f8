"""The public JSON interface: ``data/articles.json`` (README "Data files" documents it).

Field names are a contract with other tools (DESIGN.md contract 6): add fields freely,
rename none. Values are plain JSON; order is the data's own, so output is deterministic.
"""
from __future__ import annotations

from . import urls
from .entities import count_mentions
from .model import Article, DateValue, Entity, Outlet


def articles_document(articles: list[Article], entities: dict[str, Entity]) -> dict:
    return {"articles": [article_record(a, entities) for a in articles]}


def article_record(article: Article, entities: dict[str, Entity]) -> dict:
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
        "related": [],
        "warnings": [str(p) for p in article.problems],
        "overrides": {"file": article.override_source, "fields": list(article.overridden)} if article.overridden else None,
    }


def _outlet(outlet: Outlet | None) -> dict | None:
    return {"name": outlet.name, "name_en": outlet.name_en} if outlet else None


def _date(date: DateValue) -> dict:
    return {"iso": date.iso, "year": date.year, "month": date.month, "day": date.day,
            "precision": date.precision, "inferred": date.inferred, "text": date.text or None}
