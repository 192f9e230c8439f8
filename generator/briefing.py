"""The briefing as data: built from the corpus and ``site.yaml``, never from prose we wrote.

Every statement is a sentence quoted verbatim from one paragraph (its ``source`` citation),
and lists the paragraphs of *other stories* that report the same thing (``also``). A story
is a reprint group, so wire copy carried by three outlets counts once. Sentences are ranked
by what they carry (people, organizations, places, topic words and figures, weighted by
how rare they are in the corpus) and by how many stories report them.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import arabic, urls
from .config import Config
from .corpus import Corpus
from .model import Article, DateValue, Entity, Figure, Quote

TAKEAWAYS = 6
STATEMENTS_PER_TOPIC = 4
MAX_PER_ARTICLE = 2  # takeaways from one article at most
SIMILAR_SENTENCES = 0.28  # Jaccard of content words above which two sentences report one thing
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 8, 70
EVENT_WINDOW_DAYS = 3  # dates this close to the event are "the event"


@dataclass(frozen=True, slots=True)
class Citation:
    slug: str
    paragraph: str
    path: str  # site path with fragment: "articles/x.html#p3"
    source: str  # who published it (outlet, agency, or the article's title when neither is known)


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    source: Citation  # the paragraph that contains ``text`` verbatim
    also: tuple[Citation, ...] = ()  # other stories reporting the same
    score: float = 0.0

    @property
    def stories(self) -> int:
        return 1 + len(self.also)


@dataclass(frozen=True, slots=True)
class FigureRow:
    value: float
    unit: str
    texts: tuple[str, ...]  # as each source wrote it
    sources: tuple[Citation, ...]
    corroborated: bool  # reported by more than one story


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateValue
    phase: str  # "context" (earlier events), "lead_up", "event", "after"
    text: str  # the sentence that dates it
    citation: Citation


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    speaker: str | None
    text: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class TopicSection:
    id: str
    label: str
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]  # outlets covering it
    quotes: tuple[QuoteEntry, ...]
    figures: tuple[FigureRow, ...]
    articles: tuple[str, ...]  # slugs, strongest first


@dataclass(frozen=True, slots=True)
class Person:
    entity: Entity
    role: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class CoverageRow:
    slug: str
    title: str
    source: str
    story: str  # "" for the event, else the earlier event's name
    reprint_of: str  # slug of the story's first article, "" when it is the first
    scores: tuple[float, ...]  # one per topic, in the briefing's topic order


@dataclass(frozen=True, slots=True)
class Briefing:
    takeaways: tuple[Statement, ...]
    sections: tuple[TopicSection, ...]
    figures: tuple[FigureRow, ...]
    timeline: tuple[TimelineEntry, ...]
    people: tuple[Person, ...]
    coverage: tuple[CoverageRow, ...]
    quotes: tuple[QuoteEntry, ...]
    cooccurrence: tuple[tuple[str, str, int], ...]  # entity id pairs named in one paragraph
    context_articles: tuple[str, ...]  # slugs of articles about earlier events
    citations_by_article: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug → section ids


# --- sentences ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    article: Article
    paragraph: str
    words: frozenset[str]
    entities: frozenset[str]
    topics: frozenset[str]
    figures: int
    lead: bool  # in the article's first paragraph


def _sentences(article: Article) -> list[_Sentence]:
    out = []
    body = [p for p in article.paragraphs if p.role == "body"]
    for index, paragraph in enumerate(body):
        mentions = [m for m in article.mentions if m.paragraph == paragraph.id]
        hits = [h for h in article.topic_hits if h.paragraph == paragraph.id]
        figures = [f for f in article.figures if f.paragraph == paragraph.id]
        for start, end in arabic.sentence_spans(paragraph.text):
            text = paragraph.text[start:end]
            count = len(text.split())
            if not MIN_SENTENCE_WORDS <= count <= MAX_SENTENCE_WORDS:
                continue
            words = frozenset(w for w in arabic.tokens(text) if len(w) > 2 and w not in arabic.FUNCTION_WORDS)
            out.append(_Sentence(
                text=text, article=article, paragraph=paragraph.id, words=words,
                entities=frozenset(m.entity_id for m in mentions if start <= m.start < end),
                topics=frozenset(h.entity_id for h in hits if start <= h.start < end),
                figures=sum(1 for f in figures if f.text in text), lead=index == 0,
            ))
    return out


def _similar(a: _Sentence, b: _Sentence) -> bool:
    if not a.words or not b.words:
        return False
    return len(a.words & b.words) / len(a.words | b.words) >= SIMILAR_SENTENCES


# --- building ----------------------------------------------------------------------------


def build_briefing(corpus: Corpus, config: Config) -> Briefing:
    articles = list(corpus.articles)
    story_of = {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in articles}
    event_articles = [a for a in articles if not corpus.story[a.slug]]
    cite = _citer(config)
    sentences = [s for a in event_articles for s in _sentences(a)]
    weights = _feature_weights(sentences)
    echoes = _echoes(sentences, story_of)
    ranked = sorted(sentences, key=lambda s: (-_score(s, weights, echoes), s.article.slug, s.paragraph))
    takeaways = _pick(ranked, echoes, cite, story_of, weights, TAKEAWAYS, lambda s: True)
    sections = tuple(_section(t, ranked, echoes, cite, story_of, weights, corpus) for t in config.topics)
    figures = _figure_rows(event_articles, cite, story_of)
    quotes = tuple(QuoteEntry(q.speaker, q.text, cite(a, q.paragraph)) for a in event_articles for q in a.quotes)
    briefing = Briefing(
        takeaways=takeaways,
        sections=tuple(s for s in sections if s.statements or s.articles),
        figures=figures,
        timeline=_timeline(articles, corpus, config, cite),
        people=_people(articles, corpus.entities),
        coverage=_coverage(articles, corpus, config, cite),
        quotes=quotes,
        cooccurrence=_cooccurrence(articles),
        context_articles=tuple(a.slug for a in articles if corpus.story[a.slug]),
    )
    return _with_backlinks(briefing)


def _citer(config: Config):
    def cite(article: Article, paragraph: str) -> Citation:
        source = article.outlet or article.agency
        label = source.name if source else (article.title or article.source_file)
        return Citation(article.slug, paragraph, f"{urls.article_path(article.slug)}#{paragraph}", label)
    return cite


def _feature_weights(sentences: list[_Sentence]) -> dict[str, float]:
    """Rarer features weigh more: idf over the articles that carry them."""
    carriers: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for f in _feature_keys(s):
            carriers[f].add(s.article.slug)
    n = len({s.article.slug for s in sentences}) or 1
    return {f: math.log(1 + n / len(slugs)) for f, slugs in carriers.items()}


def _feature_keys(s: _Sentence) -> list[str]:
    return [f"e:{e}" for e in s.entities] + [f"t:{t}" for t in s.topics]


def _echoes(sentences: list[_Sentence], story_of: dict[str, str]) -> dict[int, list[_Sentence]]:
    """For each sentence, the most similar sentence of every other story that reports the
    same thing. Candidates come from an inverted index on words, not from all pairs."""
    postings: dict[str, list[int]] = defaultdict(list)
    for n, s in enumerate(sentences):
        for w in s.words:
            postings[w].append(n)
    out: dict[int, list[_Sentence]] = {}
    for n, s in enumerate(sentences):
        shared = Counter(m for w in s.words for m in postings[w] if m != n)
        best: dict[str, tuple[float, int]] = {}
        for m, common in shared.items():
            other = sentences[m]
            story = story_of[other.article.slug]
            if story == story_of[s.article.slug]:
                continue
            jaccard = common / len(s.words | other.words)
            if jaccard >= SIMILAR_SENTENCES and (story not in best or jaccard > best[story][0]):
                best[story] = (jaccard, m)
        out[n] = [sentences[m] for _, m in sorted(best.values(), key=lambda x: (-x[0], x[1]))]
    return {id(sentences[n]): v for n, v in out.items()}


def _score(s: _Sentence, weights: dict[str, float], echoes: dict[int, list[_Sentence]]) -> float:
    carried = sum(weights.get(f, 0.0) for f in _feature_keys(s)) + 0.8 * s.figures + (0.5 if s.lead else 0.0)
    return carried * (1 + 0.6 * len(echoes.get(id(s), ())))


def _pick(ranked: list[_Sentence], echoes, cite, story_of, weights, limit: int, wanted) -> tuple[Statement, ...]:
    chosen: list[_Sentence] = []
    per_article: Counter = Counter()
    for s in ranked:
        if len(chosen) >= limit:
            break
        if not wanted(s) or per_article[s.article.slug] >= MAX_PER_ARTICLE:
            continue
        if any(_similar(s, c) or s in echoes.get(id(c), ()) for c in chosen):
            continue
        chosen.append(s)
        per_article[s.article.slug] += 1
    return tuple(Statement(s.text, cite(s.article, s.paragraph),
                           tuple(cite(e.article, e.paragraph) for e in echoes.get(id(s), ())),
                           round(_score(s, weights, echoes), 3)) for s in chosen)


def _section(topic, ranked, echoes, cite, story_of, weights, corpus: Corpus) -> TopicSection:
    statements = _pick(ranked, echoes, cite, story_of, weights, STATEMENTS_PER_TOPIC, lambda s: topic.id in s.topics)
    scored = sorted(((t.score, a) for a in corpus.articles for t in a.topics if t.id == topic.id),
                    key=lambda x: (-x[0], x[1].slug))
    in_topic = {(a.slug, p) for a in corpus.articles for t in a.topics if t.id == topic.id for p in t.paragraphs}
    event = [a for _, a in scored if not corpus.story[a.slug]]
    return TopicSection(
        id=topic.id, label=topic.label, statements=statements,
        sources=tuple(dict.fromkeys(cite(a, "p1").source for a in event)),
        quotes=tuple(QuoteEntry(q.speaker, q.text, cite(a, q.paragraph)) for a in event for q in a.quotes
                     if (a.slug, q.paragraph) in in_topic),
        figures=_figure_rows([a for a in event], cite, {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in event},
                             keep=lambda a, f: (a.slug, f.paragraph) in in_topic),
        articles=tuple(a.slug for _, a in scored),
    )


def _figure_rows(articles: list[Article], cite, story_of: dict[str, str],
                 keep=lambda article, figure: True) -> tuple[FigureRow, ...]:
    groups: dict[tuple, list[tuple[Article, Figure]]] = defaultdict(list)
    for article in articles:
        for figure in article.figures:
            if keep(article, figure):
                groups[(figure.unit, figure.value)].append((article, figure))
    rows = []
    for (unit, value), items in groups.items():
        stories = {story_of.get(a.slug, a.slug) for a, _ in items}
        rows.append(FigureRow(value, unit, tuple(dict.fromkeys(f.text for _, f in items)),
                              tuple(cite(a, f.paragraph) for a, f in items), len(stories) > 1))
    return tuple(sorted(rows, key=lambda r: (-len(r.sources), r.unit, -r.value)))


def _timeline(articles: list[Article], corpus: Corpus, config: Config, cite) -> tuple[TimelineEntry, ...]:
    entries, seen = [], set()
    for article in articles:
        texts = {p.id: p.text for p in article.paragraphs}
        for dated in article.dates:
            value = dated.value
            if value.year is None:
                continue  # a date that cannot be placed is not put on a line of time
            key = (value.year, value.month, value.day, value.text, article.slug)
            if key in seen:
                continue
            seen.add(key)
            phase = "context" if corpus.story[article.slug] else _phase(value, config)
            entries.append(TimelineEntry(value, phase, _sentence_with(texts[dated.paragraph], value.text),
                                         cite(article, dated.paragraph)))
    return tuple(sorted(entries, key=lambda e: (e.date.year, e.date.month or 0, e.date.day or 0, e.citation.path)))


def _phase(value: DateValue, config: Config) -> str:
    event = config.event.date
    if event is None:
        return "event"
    if value.year < event.year or (value.month is not None and (value.year, value.month) < (event.year, event.month - 1)):
        return "context"
    if value.precision == "day":
        import datetime as dt
        gap = (dt.date(value.year, value.month, value.day) - event).days
        if abs(gap) <= EVENT_WINDOW_DAYS:
            return "event"
        return "lead_up" if gap < 0 else "after"
    return "after" if (value.year, value.month or 12) > (event.year, event.month) else "lead_up"


def _sentence_with(paragraph: str, words: str) -> str:
    """The sentence of ``paragraph`` that contains ``words`` (the whole paragraph if none does)."""
    for start, end in arabic.sentence_spans(paragraph):
        if words in paragraph[start:end]:
            return paragraph[start:end]
    return paragraph


def _people(articles: list[Article], entities: dict[str, Entity]) -> tuple[Person, ...]:
    mentions: Counter = Counter()
    carriers: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for m in article.mentions:
            if entities[m.entity_id].type == "person":
                mentions[m.entity_id] += 1
                carriers[m.entity_id].add(article.slug)
    people = [Person(entities[e], entities[e].role, n, len(carriers[e])) for e, n in mentions.items()]
    return tuple(sorted(people, key=lambda p: (-p.articles, -p.mentions, p.entity.name)))


def _coverage(articles: list[Article], corpus: Corpus, config: Config, cite) -> tuple[CoverageRow, ...]:
    rows = []
    for article in articles:
        scores = {t.id: t.score for t in article.topics}
        rows.append(CoverageRow(article.slug, article.title or article.source_file, cite(article, "p1").source,
                                corpus.story[article.slug], corpus.reprint_of.get(article.slug, ""),
                                tuple(scores.get(t.id, 0.0) for t in config.topics)))
    return tuple(rows)


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


def _with_backlinks(b: Briefing) -> Briefing:
    cited: dict[str, list[str]] = defaultdict(list)

    def note(section: str, citations) -> None:
        for c in citations:
            if section not in cited[c.slug]:
                cited[c.slug].append(section)

    for s in b.takeaways:
        note("takeaways", (s.source, *s.also))
    for section in b.sections:
        for s in section.statements:
            note(f"topic-{section.id}", (s.source, *s.also))
    for row in b.figures:
        note("figures", row.sources)
    for entry in b.timeline:
        note("timeline", (entry.citation,))
    for q in b.quotes:
        note("quotes", (q.citation,))
    return Briefing(**{**{f: getattr(b, f) for f in b.__dataclass_fields__},
                       "citations_by_article": {k: tuple(v) for k, v in sorted(cited.items())}})
