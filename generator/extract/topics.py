"""Topics: which paragraphs and articles speak of each topic of ``site.yaml``.

A topic's keywords are matched exactly like entity names (clitics, spelling variants,
diacritics ignored, longest match first), so "والميليشيات" and "المليشيات" both count for
a topic listing "الميليشيات". A paragraph belongs to every topic it has a keyword of; an
article's score for a topic is its share of keyword hits, scaled so the article's main
topic scores 1.0, and only topics with at least ``MIN_HITS`` hits are kept.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..config.site import Topic
from ..model import Entity, Mention, Paragraph
from .entities import Gazetteer, build_gazetteer, find_mentions

MIN_HITS = 2


@dataclass(frozen=True, slots=True)
class TopicScore:
    id: str
    label: str
    score: float
    hits: int
    paragraphs: tuple[str, ...]


def topic_gazetteer(topics: tuple[Topic, ...]) -> Gazetteer:
    return build_gazetteer([Entity(t.id, t.label, "topic", t.keywords) for t in topics])


def topic_hits(paragraphs: tuple[Paragraph, ...], gazetteer: Gazetteer) -> tuple[Mention, ...]:
    return find_mentions(tuple(p for p in paragraphs if p.role.is_text), gazetteer)


def score_topics(hits: tuple[Mention, ...], topics: tuple[Topic, ...]) -> tuple[TopicScore, ...]:
    """The article's topics, strongest first (ties in the order of site.yaml)."""
    counts = Counter(h.entity_id for h in hits)
    top = max(counts.values(), default=0)
    order = {t.id: n for n, t in enumerate(topics)}
    scores = [TopicScore(t.id, t.label, round(counts[t.id] / top, 3), counts[t.id],
                         tuple(dict.fromkeys(h.paragraph for h in hits if h.entity_id == t.id)))
              for t in topics if counts[t.id] >= MIN_HITS]
    return tuple(sorted(scores, key=lambda s: (-s.score, order[s.id])))
