"""The briefing's tables: figures (one row per value, corroborated or not), the people named
(who's who), the coverage matrix (articles × topics), the strongest quotes, and which names
share a paragraph (co-occurrence).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..config.site import Config
from ..corpus.analysis import Corpus
from ..display import shown_title
from ..model import Article, Entity, Figure
from ..text import arabic
from .clauses import _clause_with
from .model import CoverageRow, FigureRow, Person, QuoteEntry, cite

FIGURE_CONTEXT_WORDS = 20  # what a figure counts, in the source's words: its clause, subject and agent included
QUOTES_PER_SPEAKER = 2  # quotes of one speaker at most, when there are too many


def _figure_rows(articles: list[Article], story_of: dict[str, str],
                 keep=lambda article, figure: True) -> tuple[FigureRow, ...]:
    """One row per (unit, value), most reported first; corroborated when several stories
    (not reprints of one) give it."""
    groups: dict[tuple, list[tuple[Article, Figure]]] = defaultdict(list)
    for article in articles:
        for figure in article.figures:
            if keep(article, figure):
                groups[(figure.unit, figure.value)].append((article, figure))
    rows = []
    for (unit, value), items in groups.items():
        stories = {story_of.get(a.slug, a.slug) for a, _ in items}
        first, figure = items[0]
        paragraph = next(p.text for p in first.paragraphs if p.id == figure.paragraph)
        rows.append(FigureRow(value, unit, tuple(dict.fromkeys(f.text for _, f in items)),
                              tuple(cite(a, f.paragraph) for a, f in items), len(stories) > 1,
                              _clause_with(paragraph, figure.text, FIGURE_CONTEXT_WORDS)))
    return tuple(sorted(rows, key=lambda r: (-len({c.slug for c in r.sources}), r.unit, -r.value)))


def _figure_in_topic(article: Article, figure: Figure, topic: str) -> bool:
    """Is the sentence that states ``figure`` about ``topic`` (has one of its keywords)?"""
    text = next(p.text for p in article.paragraphs if p.id == figure.paragraph)
    at = text.find(figure.text)
    for start, end in arabic.sentence_spans(text):
        if start <= at < end:
            return any(h.entity_id == topic and h.paragraph == figure.paragraph and start <= h.start < end
                       for h in article.topic_hits)
    return False


def _people(articles: list[Article], entities: dict[str, Entity], participants: frozenset[str],
            story_of: dict[str, str]) -> tuple[Person, ...]:
    """The event's participants first, then by how many stories (not reprints) name them."""
    mentions: Counter = Counter()
    stories: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for m in article.mentions:
            if entities[m.entity_id].type == "person":
                mentions[m.entity_id] += 1
                stories[m.entity_id].add(story_of[article.slug])
    people = [Person(entities[e], entities[e].role, n, len(stories[e])) for e, n in mentions.items()]
    return tuple(sorted(people, key=lambda p: (p.entity.id not in participants, -p.articles, -p.mentions,
                                               p.entity.name)))


def _coverage(articles: list[Article], corpus: Corpus, config: Config) -> tuple[CoverageRow, ...]:
    rows = []
    for article in articles:
        scores = {t.id: t.score for t in article.topics}
        rows.append(CoverageRow(article.slug, shown_title(article), cite(article, "p1").source,
                                corpus.story[article.slug], corpus.reprint_of.get(article.slug, ""),
                                tuple(scores.get(t.id, 0.0) for t in config.topics)))
    return tuple(rows)


def _strongest_quotes(quotes: list[QuoteEntry], people: tuple[Person, ...], limit: int) -> tuple[QuoteEntry, ...]:
    """All quotes when they fit; else the quotes of the most important speakers (the order of
    the people list: participants, then the most reported), at most two each, in text order."""
    if len(quotes) <= limit:
        return tuple(quotes)
    rank = {name: n for n, p in enumerate(people) for name in (p.entity.name, *p.entity.aliases)}
    order = sorted(range(len(quotes)), key=lambda i: (rank.get(quotes[i].speaker or "", len(rank)), i))
    per_speaker: Counter = Counter()
    chosen = []
    for i in order:
        speaker = quotes[i].speaker or ""
        if per_speaker[speaker] < QUOTES_PER_SPEAKER:
            per_speaker[speaker] += 1
            chosen.append(i)
        if len(chosen) == limit:
            break
    return tuple(quotes[i] for i in sorted(chosen))


def _cooccurrence(articles: list[Article]) -> tuple[tuple[str, str, int], ...]:
    pairs: Counter = Counter()
    for article in articles:
        by_paragraph: dict[str, set[str]] = defaultdict(set)
        for m in article.mentions:
            by_paragraph[m.paragraph].add(m.entity_id)
        for ids in by_paragraph.values():
            ordered = sorted(ids)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    pairs[(a, b)] += 1
    return tuple((a, b, n) for (a, b), n in sorted(pairs.items(), key=lambda x: (-x[1], x[0])))
