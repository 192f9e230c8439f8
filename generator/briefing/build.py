"""The briefing as data: built from the corpus and ``site.yaml``, never from prose we wrote.

Every statement is a sentence quoted verbatim from one paragraph (its ``source`` citation),
and lists the paragraphs of *other stories* that report the same thing (``also``). A story
is a reprint group, so wire copy carried by three outlets counts once. Sentences are ranked
by what they carry (people, organizations, places, topic words and figures, weighted by
how rare they are in the corpus) and by how many stories report them.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .. import urls
from ..config.site import Config
from ..corpus.analysis import Corpus
from ..display import shown_title, source_label
from ..model import Article, DateValue, Entity, Figure
from ..text import arabic

TAKEAWAYS = 6
STATEMENTS_PER_TOPIC = 4
MAX_PER_ARTICLE = 2  # takeaways from one article at most
SIMILAR_SENTENCES = 0.28  # Jaccard of content words above which two sentences report one thing
PARAPHRASE_OVERLAP, PARAPHRASE_WORDS, PARAPHRASE_JACCARD = 0.35, 6, 0.15  # looser rewording
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 8, 70
ECHOES_MAX = 10  # other stories cited as reporting a statement too: its closest ones
EXACT_ECHO_SENTENCES = 1000  # up to this many sentences, compare every two sharing a word
ECHO_BUCKET, ECHO_CANDIDATES = 32, 48  # above: a word's first 32 sentences; buckets until 48, rarest word first
PARTICIPANT_BONUS = 0.5  # the event's own participants weigh a little more in a sentence
EVENT_WINDOW_DAYS = 3  # dates this close to the event are "the event"
LEAD_UP_DAYS = 90  # earlier than this before the event is background
CLAUSE_MAX_WORDS = 25  # a timeline entry's text, at most
FIGURE_CONTEXT_WORDS = 12  # what a figure counts, in the source's words
# A briefing is read in minutes whatever the corpus size: each list keeps its strongest items
# (all of them stay on the topic, entity and article pages).
FIGURE_ROWS, TOPIC_FIGURES = 20, 6
TIMELINE_ENTRIES = 30
QUOTES, TOPIC_QUOTES, QUOTES_PER_SPEAKER = 12, 3, 2
PEOPLE = 30
PHASE_RANK = {"event": 0, "lead_up": 1, "after": 2, "context": 3}


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
    context: str = ""  # what it counts, in the first source's words (a clause of its paragraph)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateValue
    phase: str  # "context" (earlier events), "lead_up", "event", "after"
    text: str  # the clause that dates it, verbatim from the cited paragraph
    citation: Citation
    kind: str = "date"  # dates.DateMention kinds: "date", "year_end", "relative", "year"…
    label: str = ""  # the earlier event's name from site.yaml, for its own entry


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
    articles: int  # stories naming them: reprints of one story count once


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
    figures: frozenset[tuple[str, float]]  # (unit, value) of the figures it states
    lead: bool  # in the article's first paragraph


def _stems(text: str) -> frozenset[str]:
    """Content words without their proclitics, so "والقوات" and "القوات" count as one word."""
    return frozenset(stem for stem in map(_stem, arabic.tokens(text)) if stem)


@functools.lru_cache(maxsize=1 << 16)  # a corpus has far fewer distinct words than words
def _stem(token: str) -> str:
    """The token without its proclitic; "" for a function word, a number or a short token."""
    if len(token) <= 2 or token in arabic.FUNCTION_WORDS or token.isdigit():
        return ""
    variants = arabic.clitic_variants(token)
    return variants[1] if len(variants) > 1 else token


def _dateline_end(article: Article, text: str) -> int:
    """Where the lead's dateline ("واشنطن - (أ ف ب) - ") ends: a statement starts after it."""
    if not article.dateline:
        return 0
    match = re.match(rf"\s*{re.escape(article.dateline)}\s*[-–—]\s*(?:\(?[^()\-–—]{{1,25}}\)?\s*[-–—]\s*)?", text)
    return match.end() if match else 0


def _sentences(article: Article) -> list[_Sentence]:
    out = []
    body = [p for p in article.paragraphs if p.role.is_body]
    mentions_in, hits_in, figures_in = defaultdict(list), defaultdict(list), defaultdict(list)
    for m in article.mentions:
        mentions_in[m.paragraph].append(m)
    for h in article.topic_hits:
        hits_in[h.paragraph].append(h)
    for f in article.figures:
        figures_in[f.paragraph].append(f)
    for index, paragraph in enumerate(body):
        mentions, hits, figures = mentions_in[paragraph.id], hits_in[paragraph.id], figures_in[paragraph.id]
        skip = _dateline_end(article, paragraph.text) if index == 0 else 0
        for start, end in arabic.sentence_spans(paragraph.text):
            start = max(start, skip)
            text = paragraph.text[start:end]
            count = len(text.split())
            if not MIN_SENTENCE_WORDS <= count <= MAX_SENTENCE_WORDS:
                continue
            words = _stems(text)
            out.append(_Sentence(
                text=text, article=article, paragraph=paragraph.id, words=words,
                entities=frozenset(m.entity_id for m in mentions if start <= m.start < end),
                topics=frozenset(h.entity_id for h in hits if start <= h.start < end),
                figures=frozenset((f.unit, f.value) for f in figures if f.text in text), lead=index == 0,
            ))
    return out


def _similar(a: _Sentence, b: _Sentence) -> bool:
    """Do two sentences report the same thing?"""
    return _closeness(a, b) is not None


def _closeness(a: _Sentence, b: _Sentence) -> float | None:
    """How close two sentences reporting the same thing are (shared words and figures over
    all their words), or None when they do not: same wording (most content words shared),
    or the same figure, or a looser paraphrase sharing many words."""
    return _closeness_of(a.words, b.words, a.figures, b.figures)


def _closeness_of(words: frozenset[str], other_words: frozenset[str], figures: frozenset, other_figures: frozenset,
                  ) -> float | None:
    """``_closeness`` of two sentences' words and figures (the echo search calls it millions of times)."""
    common = len(words & other_words)
    union = len(words) + len(other_words) - common
    shared_figures = len(figures & other_figures) if figures and other_figures else 0
    if not shared_figures:
        if not common:
            return None
        jaccard = common / union
        if jaccard < SIMILAR_SENTENCES and (jaccard < PARAPHRASE_JACCARD or common < PARAPHRASE_WORDS
                                            or common / min(len(words), len(other_words)) < PARAPHRASE_OVERLAP):
            return None
    return (common + shared_figures) / (union or 1)


# --- building ----------------------------------------------------------------------------


def build_briefing(corpus: Corpus, config: Config) -> Briefing:
    articles = list(corpus.articles)
    story_of = {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in articles}
    event_articles = [a for a in articles if not corpus.story[a.slug]]
    cite = _citer(config)
    sentences = [s for a in event_articles for s in _sentences(a)]
    participants = corpus.participants
    weights = _feature_weights(sentences, participants)
    echoes = _echoes(sentences, story_of)
    scores = {id(s): _score(s, weights, echoes) for s in sentences}
    pool = _Pool(sorted(sentences, key=lambda s: (-scores[id(s)], s.article.slug, s.paragraph)),
                 echoes, scores, cite)
    takeaways = pool.pick(TAKEAWAYS)
    people = _people(articles, corpus.entities, participants, story_of)
    sections = tuple(_section(t, pool, corpus, people) for t in config.topics)
    briefing = Briefing(
        takeaways=takeaways,
        sections=tuple(s for s in sections if s.statements or s.articles),
        figures=_figure_rows(event_articles, cite, story_of)[:FIGURE_ROWS],
        timeline=_strongest_dates(_timeline(articles, corpus, config, cite), config, TIMELINE_ENTRIES),
        people=people[:PEOPLE],
        coverage=_coverage(articles, corpus, config, cite),
        quotes=_strongest_quotes([QuoteEntry(q.speaker, q.text, cite(a, q.paragraph))
                                  for a in event_articles for q in a.quotes], people, QUOTES),
        cooccurrence=_cooccurrence(articles),
        context_articles=tuple(a.slug for a in articles if corpus.story[a.slug]),
    )
    return _with_backlinks(briefing)


def _citer(config: Config):
    def cite(article: Article, paragraph: str) -> Citation:
        return Citation(article.slug, paragraph, f"{urls.article_path(article.slug)}#{paragraph}", source_label(article))
    return cite


def _feature_weights(sentences: list[_Sentence], participants: frozenset[str]) -> dict[str, float]:
    """Rarer features weigh more (idf over the articles that carry them); the event's own
    participants a little more again."""
    carriers: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for f in _feature_keys(s):
            carriers[f].add(s.article.slug)
    n = len({s.article.slug for s in sentences}) or 1
    return {f: math.log(1 + n / len(slugs)) + (PARTICIPANT_BONUS if f[2:] in participants and f.startswith("e:") else 0.0)
            for f, slugs in carriers.items()}


def _feature_keys(s: _Sentence) -> list[str]:
    return [f"e:{e}" for e in s.entities] + [f"t:{t}" for t in s.topics]


def _echoes(sentences: list[_Sentence], story_of: dict[str, str]) -> dict[int, list[_Sentence]]:
    """For each sentence, the closest sentence of every other story that reports the same
    thing, up to ``ECHOES_MAX`` stories. Candidates come from buckets of sentences sharing a
    word or a figure (``_echo_candidates``), not from all pairs."""
    stories = [story_of[s.article.slug] for s in sentences]
    words, figures = [s.words for s in sentences], [s.figures for s in sentences]
    candidates = _echo_candidates(sentences, len(sentences) > EXACT_ECHO_SENTENCES)
    closeness_of = _closeness_of
    out: dict[int, list[_Sentence]] = {}
    for n, s in enumerate(sentences):
        best: dict[str, tuple[float, int]] = {}  # story → (closeness, sentence)
        mine, my_words, my_figures = stories[n], words[n], figures[n]
        for m in candidates(n):
            story = stories[m]
            if story == mine:
                continue
            closeness = closeness_of(my_words, words[m], my_figures, figures[m])
            if closeness is not None and (story not in best or closeness > best[story][0]):
                best[story] = (closeness, m)
        ranked = sorted(best.values(), key=lambda x: (-x[0], x[1]))[:ECHOES_MAX]
        out[id(s)] = [sentences[m] for _, m in ranked]
    return out


def _echo_candidates(sentences: list[_Sentence], capped: bool):
    """n → the sentences to compare sentence n with, in corpus order. Each figure and word
    has a bucket of the sentences that state it; uncapped, n meets every sentence sharing
    one with it. Capped, a bucket keeps its first ``ECHO_BUCKET`` sentences and n looks in
    its buckets rarest word first, until it has ``ECHO_CANDIDATES``: two sentences reporting
    one thing share the words it is told in, rarer than the frame around it ("said",
    "minister") whose buckets would hold every sentence."""
    df = Counter(w for s in sentences for w in s.words)
    keys = [[f"#{unit}:{value}" for unit, value in sorted(s.figures)] + sorted(sorted(s.words), key=df.__getitem__)
            for s in sentences]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, mine in enumerate(keys):
        for key in mine:
            if not capped or len(buckets[key]) < ECHO_BUCKET:
                buckets[key].append(n)

    def candidates(n: int) -> list[int]:
        found: set[int] = set()
        for key in keys[n]:
            if capped and len(found) >= ECHO_CANDIDATES:
                break
            found.update(buckets[key])
        found.discard(n)
        return sorted(found)
    return candidates


def _score(s: _Sentence, weights: dict[str, float], echoes: dict[int, list[_Sentence]]) -> float:
    """What a sentence carries (rarer entities and topics weigh more, figures, the lead),
    per word so long sentences do not win by length alone, times how many other stories
    report it."""
    carried = (sum(weights.get(f, 0.0) for f in _feature_keys(s)) + 0.8 * len(s.figures)
               + (1.0 if s.lead else 0.0))
    density = carried / math.sqrt(max(len(s.words), 10) / 10)
    return round(density * (1 + 0.6 * len(echoes.get(id(s), ()))), 6)


@dataclass(slots=True)
class _Pool:
    """Ranked sentences to draw statements from. A sentence, or one reporting the same thing,
    is stated once on the page: each pick removes it for the sections that follow."""

    ranked: list[_Sentence]
    echoes: dict[int, list[_Sentence]]
    scores: dict[int, float]
    cite: object
    used: list[_Sentence] = field(default_factory=list)

    def pick(self, limit: int, topic: str | None = None) -> tuple[Statement, ...]:
        chosen: list[_Sentence] = []
        per_article: Counter = Counter()
        for s in self.ranked:
            if len(chosen) >= limit:
                break
            if topic is not None and topic not in s.topics:
                continue
            if per_article[s.article.slug] >= MAX_PER_ARTICLE or self._repeats(s, chosen + self.used):
                continue
            chosen.append(s)
            per_article[s.article.slug] += 1
        self.used += chosen
        return tuple(self._statement(s) for s in chosen)

    def _repeats(self, s: _Sentence, earlier: list[_Sentence]) -> bool:
        return any(s is c or _similar(s, c) or s in self.echoes.get(id(c), ()) for c in earlier)

    def _statement(self, s: _Sentence) -> Statement:
        cite = self.cite
        return Statement(s.text, cite(s.article, s.paragraph),
                         tuple(cite(e.article, e.paragraph) for e in self.echoes.get(id(s), ())),
                         self.scores[id(s)])


def _section(topic, pool: _Pool, corpus: Corpus, people: tuple[Person, ...]) -> TopicSection:
    """A topic's statements are the best-ranked sentences with its keywords not stated
    already; its articles come from every article's topic scores, earlier context included."""
    statements = pool.pick(STATEMENTS_PER_TOPIC, topic.id)
    scored = sorted(((t.score, a) for a in corpus.articles for t in a.topics if t.id == topic.id),
                    key=lambda x: (-x[0], x[1].slug))
    in_topic = {(a.slug, p) for a in corpus.articles for t in a.topics if t.id == topic.id for p in t.paragraphs}
    event = [a for _, a in scored if not corpus.story[a.slug]]
    return TopicSection(
        id=topic.id, label=topic.label, statements=statements,
        sources=tuple(dict.fromkeys(pool.cite(a, "p1").source for a in event)),
        quotes=_strongest_quotes([QuoteEntry(q.speaker, q.text, pool.cite(a, q.paragraph)) for a in event
                                  for q in a.quotes if (a.slug, q.paragraph) in in_topic], people, TOPIC_QUOTES),
        figures=_figure_rows(event, pool.cite, {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in event},
                             keep=lambda a, f: _figure_in_topic(a, f, topic.id))[:TOPIC_FIGURES],
        articles=tuple(a.slug for _, a in scored),
    )


def _figure_in_topic(article: Article, figure: Figure, topic: str) -> bool:
    """Is the sentence that states ``figure`` about ``topic`` (has one of its keywords)?"""
    text = next(p.text for p in article.paragraphs if p.id == figure.paragraph)
    at = text.find(figure.text)
    for start, end in arabic.sentence_spans(text):
        if start <= at < end:
            return any(h.entity_id == topic and h.paragraph == figure.paragraph and start <= h.start < end
                       for h in article.topic_hits)
    return False


def _figure_rows(articles: list[Article], cite, story_of: dict[str, str],
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


def _timeline(articles: list[Article], corpus: Corpus, config: Config, cite) -> tuple[TimelineEntry, ...]:
    """Every dated mention that can be placed in time, plus each earlier event of site.yaml
    that articles are about (dated by site.yaml, cited to the article's lead)."""
    entries, seen = [], set()
    for article in articles:
        texts = {p.id: p.text for p in article.paragraphs}
        for dated in article.dates:
            value = dated.value
            key = (value.year, value.month, value.day, dated.paragraph, article.slug)
            if value.year is None or key in seen:
                continue  # a date without its year cannot be placed on a line of time
            seen.add(key)
            phase = "context" if corpus.story[article.slug] else _phase(value, config)
            entries.append(TimelineEntry(value, phase, _clause_with(texts[dated.paragraph], value.text),
                                         cite(article, dated.paragraph), dated.kind))
    for earlier in config.event.context:
        about = [a for a in articles if corpus.story[a.slug] == earlier.name]
        lead = next((p for a in about for p in a.paragraphs if p.role.is_body), None)
        if lead is not None:
            start, end = arabic.sentence_spans(lead.text)[0]
            sentence = lead.text[start:end]
            entries.append(TimelineEntry(earlier.date, "context", _words_around(sentence, sentence, CLAUSE_MAX_WORDS),
                                         cite(about[0], lead.id), "event", earlier.name))
    return tuple(sorted(entries, key=lambda e: (e.date.year, e.date.month or 0, e.date.day or 0, e.citation.path)))


def _strongest_dates(entries: tuple[TimelineEntry, ...], config: Config, limit: int) -> tuple[TimelineEntry, ...]:
    """All entries when they fit; else site.yaml's earlier events and the dates most stories
    speak of (one entry per date), the event's own days first among equals, in time order."""
    if len(entries) <= limit:
        return entries
    labelled = [e for e in entries if e.label]
    groups: dict[tuple, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if not entry.label:
            groups[(entry.date.year, entry.date.month, entry.date.day, entry.kind)].append(entry)
    ranked = sorted(groups.values(), key=lambda g: (-len({e.citation.slug for e in g}), PHASE_RANK[g[0].phase],
                                                    _days_from_event(g[0].date, config)))
    chosen = labelled + [group[0] for group in ranked[:max(0, limit - len(labelled))]]
    return tuple(sorted(chosen, key=lambda e: (e.date.year, e.date.month or 0, e.date.day or 0, e.citation.path)))


def _days_from_event(value: DateValue, config: Config) -> int:
    event = config.event.date
    if event is None or value.year is None:
        return 0
    return abs((dt.date(value.year, value.month or 7, value.day or 1) - event).days)


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


def _phase(value: DateValue, config: Config) -> str:
    event = config.event.date
    if event is None:
        return "event"
    if value.precision == "day":
        gap = (dt.date(value.year, value.month, value.day) - event).days
        if abs(gap) <= EVENT_WINDOW_DAYS:
            return "event"
        if gap > 0:
            return "after"
        return "lead_up" if gap >= -LEAD_UP_DAYS else "context"
    end = (value.year, value.month or 12)
    if end < (event.year, event.month) and (event - dt.date(*end, 1)).days > LEAD_UP_DAYS:
        return "context"
    return "after" if (value.year, value.month or 1) > (event.year, event.month) else "lead_up"


CLAUSE_BREAK_RE = re.compile(r"[،,؛;:]\s+|\s+[-–—]\s+")


def _clause_with(paragraph: str, words: str, max_words: int = CLAUSE_MAX_WORDS) -> str:
    """The clause of ``paragraph`` that contains ``words``, verbatim so it can be cited: the
    sentence, cut at commas when it is long, then to ``max_words`` words around ``words``."""
    for start, end in arabic.sentence_spans(paragraph):
        sentence = paragraph[start:end]
        if words not in sentence:
            continue
        if len(sentence.split()) <= max_words:
            return sentence
        at, cut, clause = sentence.index(words), 0, None
        for m in CLAUSE_BREAK_RE.finditer(sentence):
            if m.start() >= at + len(words):
                clause = sentence[cut:m.start()]
                break
            cut = m.end()
        clause = clause if clause is not None else sentence[cut:]
        return _words_around(clause, words, max_words)
    return paragraph


def _words_around(text: str, words: str, max_words: int) -> str:
    """At most ``max_words`` whole words of ``text`` around ``words`` (a third before it)."""
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) <= max_words:
        return text
    at = text.index(words)
    first = next(n for n, t in enumerate(tokens) if t.end() > at)
    start = max(0, min(first - max_words // 3, len(tokens) - max_words))
    chosen = tokens[start:start + max_words]
    return text[chosen[0].start():chosen[-1].end()]


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


def _coverage(articles: list[Article], corpus: Corpus, config: Config, cite) -> tuple[CoverageRow, ...]:
    rows = []
    for article in articles:
        scores = {t.id: t.score for t in article.topics}
        rows.append(CoverageRow(article.slug, shown_title(article), cite(article, "p1").source,
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
    return replace(b, citations_by_article={k: tuple(v) for k, v in sorted(cited.items())})
