"""Across articles: reprints, related articles, which event each article is about, backlinks'
raw material. Gathered once, after every article is extracted and before any page renders.

* **Reprints**: near-duplicate texts (wire copy carried by several outlets): Jaccard of word
  5-shingles; every pair compared in small corpora, in large ones only the pairs an inverted
  index of each text's rarest shingles proposes (prefix filtering: the same pairs, exactly).
* **Related articles**: cosine of weighted features (entities, topics, distinctive words),
  features common to most of the corpus skipped, with the shared features as the reasons a
  reader sees. An inverted index proposes candidates through each article's rarest features
  only, so the work grows with the corpus, not with its square.
* **Story**: an article is about one of ``site.yaml``'s earlier events (``event.context``) when
  its own date falls in that event's period and not the main event's; else about the event.
"""
from __future__ import annotations

import heapq
import itertools
import math
import operator
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..config.site import Config
from ..model import Article, DateValue, Entity
from ..text import arabic
from .event_day import Redated, event_day_redatings
from .kinds import article_kind

SHINGLE_WORDS = 5
EXACT_PAIRS_LIMIT = 150  # up to this many articles, compare every pair exactly
REPRINT_SIMILARITY = 0.6  # Jaccard of 5-shingles above which two texts are one story
RELATED_MAX = 5
RELATED_MIN_SCORE = 0.05
COMMON_FEATURE_SHARE = 0.6  # a feature in more than this share of articles says nothing (when > 10 articles)
SEEK_POSTINGS = 4000  # an article looks for relatives among at most this many carriers of its rarest features
RELATED_RESCORED = 60  # candidates scored on all their features, the best of them by the rarest features
TERM_FEATURES = 30  # distinctive words per article
STORY_WEIGHT = 4.0  # articles about the same event are close relatives


@dataclass(frozen=True, slots=True)
class Related:
    slug: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything computed across articles; read-only for the rendering that follows."""

    articles: tuple[Article, ...]
    entities: dict[str, Entity]
    reprint_of: dict[str, str]  # slug → slug of the first article of its story
    related: dict[str, tuple[Related, ...]]
    story: dict[str, str]  # slug → "" (the event) or the name of an earlier event
    by_slug: dict[str, Article]
    reprints: dict[str, tuple[str, ...]]  # slug of a story's first article → its reprints' slugs
    participants: frozenset[str]  # entity ids of site.yaml's event.participants
    redated: dict[str, tuple[Redated, ...]]  # slug → its relative dates that are the event's own day (event_day)
    kind: dict[str, str]  # slug → report, preview, analysis or background (kinds)


def analyse(articles: list[Article], entities: dict[str, Entity], config: Config) -> Corpus:
    words = {a.slug: _body_words(a) for a in articles}  # once: tokenizing is most of the work left
    reprint_of = find_reprints(articles, words=words)
    story = {a.slug: story_of(a, config) for a in articles}
    participants = participant_ids(config, entities)
    story_labels = {a.slug: story[a.slug] or (config.ui["same_event"] if _about_event(a, config, participants) else "")
                    for a in articles}
    return Corpus(
        articles=tuple(articles), entities=entities, reprint_of=reprint_of,
        related=related_articles(articles, entities, story_labels, words), story=story,
        by_slug={a.slug: a for a in articles}, reprints=_reprints_by_first(reprint_of),
        participants=participants,
        redated={a.slug: r for a in articles if (r := event_day_redatings(a, config.event.date, participants))},
        kind={a.slug: article_kind(a, story[a.slug], config.event.date) for a in articles},
    )


def _reprints_by_first(reprint_of: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for slug, first in reprint_of.items():
        out.setdefault(first, []).append(slug)
    return {first: tuple(slugs) for first, slugs in out.items()}


def find_reprints(articles: list[Article], exact_limit: int = EXACT_PAIRS_LIMIT,
                  words: dict[str, list[str]] | None = None) -> dict[str, str]:
    """slug → slug of the first earlier article with (nearly) the same text. Small corpora
    compare every pair; large ones only the pairs an index of rare shingles proposes, which
    finds the same pairs (``_indexed_similar``). ``words``: each article's ``_body_words``."""
    words = words or {a.slug: _body_words(a) for a in articles}
    shingles = [(a.slug, _shingles(words[a.slug])) for a in articles]
    pairs = _exact_similar if len(articles) <= exact_limit else _indexed_similar
    reprint_of: dict[str, str] = {}
    for slug, earlier in pairs(shingles):
        reprint_of[slug] = reprint_of.get(earlier, earlier)
    return reprint_of


def _exact_similar(shingles: list[tuple[str, set[int]]]):
    """(slug, first earlier slug with Jaccard ≥ REPRINT_SIMILARITY), in corpus order."""
    for n, (slug, mine) in enumerate(shingles):
        for other, theirs in shingles[:n]:
            if mine and theirs and _jaccard(mine, theirs) >= REPRINT_SIMILARITY:
                yield slug, other
                break


def _indexed_similar(shingles: list[tuple[str, set[int]]]):
    """What ``_exact_similar`` yields, comparing only the texts ``_possible_reprints``
    proposes. Prefix filtering, exact: every text orders its shingles the same way, rarest
    first, and two texts with Jaccard ≥ t share a shingle among their first few (``_prefix``).
    Most shingles occur in one text only and come first, so prefixes rarely meet."""
    df = Counter(s for _, mine in shingles for s in mine)
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)  # shingle → (earlier text, its place in that prefix)
    sizes = [len(mine) for _, mine in shingles]
    for n, (slug, mine) in enumerate(shingles):
        if not mine:
            continue
        prefix = _prefix(mine, df)
        for m in _possible_reprints(prefix, len(mine), index, sizes):
            other, theirs = shingles[m]
            if _jaccard(mine, theirs) >= REPRINT_SIMILARITY:
                yield slug, other
                break
        for place, s in enumerate(prefix):
            index[s].append((n, place))


def _possible_reprints(prefix: list[int], size: int, index: dict[int, list[tuple[int, int]]],
                       sizes: list[int]) -> list[int]:
    """Earlier texts whose prefix shares a shingle with ``prefix`` and that may still share
    enough, in corpus order. Jaccard ≥ t needs t/(1+t)·(size + |y|) shared shingles, so
    t·size ≤ |y| ≤ size/t (length filter); and shingles being in one order, a match at
    places i and j leaves at most min(size − i, |y| − j) of them from there on (positional)."""
    t = REPRINT_SIMILARITY
    found: dict[int, int] = {}  # earlier text → shingles shared so far (-1: cannot share enough)
    for i, s in enumerate(prefix):
        for m, j in index.get(s, ()):
            so_far = found.get(m, 0)
            if so_far < 0:
                continue
            possible = min(so_far + min(size - i, sizes[m] - j), size, sizes[m])
            found[m] = so_far + 1 if possible >= t / (1 + t) * (size + sizes[m]) - 1e-9 else -1
    return sorted(m for m, shared in found.items() if shared > 0)


def _prefix(mine: set[int], df: Counter) -> list[int]:
    """The rarest shingles of a text (one order for the whole corpus: frequency, then hash),
    as many as make any two texts with Jaccard ≥ t share one of their prefixes: they share at
    least t·|x| shingles, so at least one among x's first |x| − ⌈t·|x|⌉ + 1 (taken one
    longer here, safe from rounding)."""
    length = len(mine) - int(REPRINT_SIMILARITY * len(mine)) + 1
    return sorted(sorted(mine), key=df.__getitem__)[:length]  # stable: by frequency, then hash


def _jaccard(a: set[int], b: set[int]) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common)  # the union's size, without building it


def _body_words(article: Article) -> list[str]:
    """The words of the article's body, as matching keys, in order."""
    return [w for p in article.paragraphs if p.role.is_body for w in arabic.tokens(p.text)]


def _shingles(words: list[str]) -> set[int]:
    """The text's runs of ``SHINGLE_WORDS`` words, each as its hash: a 64-bit int takes a
    fraction of the memory of the joined words (10,000 articles hold six million shingles),
    and two different runs share one with a chance of 2⁻⁶⁴."""
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)))))


def related_articles(articles: list[Article], entities: dict[str, Entity], story: dict[str, str],
                     words: dict[str, list[str]] | None = None) -> dict[str, tuple[Related, ...]]:
    """``story``: slug → the event the article is known to be about ("" when unknown);
    sharing it is a strong tie. Relatives are the articles of highest cosine similarity,
    looked for among ``_FeatureIndex.candidates`` rather than in the whole corpus.
    ``words``: each article's ``_body_words``."""
    words = words or {a.slug: _body_words(a) for a in articles}
    features = {a.slug: {**_features(a, words[a.slug]),
                         **({f"s:{story[a.slug]}": STORY_WEIGHT} if story[a.slug] else {})}
                for a in articles}
    index = _FeatureIndex.of(features)
    labels = _reason_labels(articles, entities, story, index.df)
    out = {}
    for article in articles:
        mine = index.weights[article.slug]
        ranked = sorted(((index.cosine(article.slug, o), o) for o in index.candidates(article.slug)),
                        key=lambda item: (-item[0], item[1]))
        out[article.slug] = tuple(Related(o, round(score, 3), _reasons(mine, index.weights[o], labels))
                                  for score, o in ranked[:RELATED_MAX] if score >= RELATED_MIN_SCORE)
    return out


@dataclass(frozen=True, slots=True)
class _FeatureIndex:
    """Articles' idf-weighted features, and for each feature the articles that carry it."""

    weights: dict[str, dict[str, float]]  # slug → feature → weight; features most articles carry left out
    norms: dict[str, float]  # slug → length of its weights, every feature counted
    df: Counter  # feature → how many articles carry it
    postings: dict[str, list[tuple[str, float]]]  # feature → (slug, weight) of its carriers, in corpus order
    average: dict[str, float]  # feature → its weight averaged over all articles (0 where absent)

    @classmethod
    def of(cls, features: dict[str, dict[str, float]]) -> _FeatureIndex:
        n = len(features)
        df = Counter(f for fs in features.values() for f in fs)
        idf = {f: math.log(1 + n / c) for f, c in df.items()}
        weights = {slug: {f: w * idf[f] for f, w in fs.items()} for slug, fs in features.items()}
        norms = {slug: math.sqrt(sum(w * w for w in ws.values())) or 1.0 for slug, ws in weights.items()}
        kept = {slug: {f: w for f, w in ws.items() if n <= 10 or df[f] <= COMMON_FEATURE_SHARE * n}
                for slug, ws in weights.items()}
        postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for slug, ws in kept.items():
            for f, w in ws.items():
                postings[f].append((slug, w))
        average = {f: sum(w for _, w in carriers) / n for f, carriers in postings.items()}
        return cls(kept, norms, df, dict(postings), average)

    def candidates(self, slug: str) -> list[str]:
        """The ``RELATED_RESCORED`` articles likeliest to be closest to ``slug``. Only the
        carriers of its rarest features are looked at (``_seeking_features``), ranked by the
        weight they share on those plus what its other features add on average. When every
        feature is seeking (small corpora) the ranking is by the exact cosine, so the result
        is exact."""
        mine = self.weights[slug]
        seeking = _seeking_features(mine, self.df)
        shared: dict[str, float] = defaultdict(float)
        for f in seeking:
            w = mine[f]
            for other, theirs in self.postings[f]:
                shared[other] += w * theirs
        shared.pop(slug, None)
        skipped = set(mine) - set(seeking)
        rest = sum(w * self.average[f] for f, w in mine.items() if f in skipped)
        norms = self.norms
        likely = [(-(weight + rest) / norms[other], other) for other, weight in shared.items()]
        return [other for _, other in heapq.nsmallest(RELATED_RESCORED, likely)]

    def cosine(self, slug: str, other: str) -> float:
        return _dot(self.weights[slug], self.weights[other]) / (self.norms[slug] * self.norms[other])


def _seeking_features(mine: dict[str, float], df: Counter) -> list[str]:
    """The article's rarest features (at least one), while their carriers number at most
    ``SEEK_POSTINGS``: frequent features would make every article a candidate of every other,
    and weigh little in a score weighted by rarity."""
    seeking, carriers = [], 0
    for f in sorted(mine, key=lambda f: (df[f], f)):
        if seeking and carriers + df[f] > SEEK_POSTINGS:
            break
        seeking.append(f)
        carriers += df[f]
    return seeking


def _dot(mine: dict[str, float], theirs: dict[str, float]) -> float:
    """Summed in ``mine``'s order, so the same input gives the same float."""
    return sum(map(operator.mul, mine.values(), map(theirs.get, mine, itertools.repeat(0.0))))


def _reason_labels(articles: list[Article], entities: dict[str, Entity], story: dict[str, str],
                   df: Counter) -> dict[str, str]:
    """feature → what a reader is told two articles share: entities, topics, the event;
    not what every article shares."""
    n = len(articles)
    labels = {**{f"e:{e.id}": e.name for e in entities.values()},
              **{f"t:{t.id}": t.label for a in articles for t in a.topics},
              **{f"s:{name}": name for name in story.values()}}
    return {f: label for f, label in labels.items() if df.get(f, 0) < n or n == 1}


def _reasons(mine: dict[str, float], theirs: dict[str, float], labels: dict[str, str]) -> tuple[str, ...]:
    """The labels of the shared features that weigh most in the score, at most four."""
    named = [(w * theirs[f], labels[f]) for f, w in mine.items() if f in theirs and f in labels]
    return tuple(label for _, label in sorted(named, key=lambda x: (-x[0], x[1]))[:4])


def _features(article: Article, words: list[str]) -> dict[str, float]:
    """Weighted features: entities and topics by mentions, and the article's most frequent
    content words (a stand-in for its vocabulary)."""
    features: dict[str, float] = Counter()
    for mention in article.mentions:
        features[f"e:{mention.entity_id}"] += 1.0
    for topic in article.topics:
        features[f"t:{topic.id}"] += 2.0 * topic.score
    counts = Counter(w for w in words if len(w) > 3 and w not in arabic.FUNCTION_WORDS and not w.isdigit())
    for word, count in counts.most_common(TERM_FEATURES):
        features[f"w:{word}"] += math.log(1 + count) * 0.5
    return {f: math.log(1 + w) + 1 for f, w in features.items()}


def story_of(article: Article, config: Config) -> str:
    """"" for the main event, or the name of the earlier event the article is about: judged
    by its own date, or, when it has none, by the dates it speaks of (an article that never
    dates anything near the event but dates an earlier one is about that one)."""
    main = _event_date(config)
    when = article.date
    if when.precision != "none" or when.month:
        dates = [when]
    else:
        dates = [d.value for d in article.dates if d.value.precision != "none"]
    if not dates or any(_compatible(d, main, by_month=True) for d in dates):
        return ""
    for earlier in config.event.context:
        if any(_compatible(d, earlier.date) for d in dates):
            return earlier.name
    return ""


def _about_event(article: Article, config: Config, participants: frozenset[str]) -> bool:
    """Is the article known to be about the event: dated in its month, dating something
    then, or naming every one of its participants?"""
    main = _event_date(config)
    dates = [article.date] + [d.value for d in article.dates]
    if any(d.precision != "none" and _compatible(d, main, by_month=True) for d in dates):
        return True
    return bool(participants) and participants <= {m.entity_id for m in article.mentions}


def participant_ids(config: Config, entities: dict[str, Entity]) -> frozenset[str]:
    """The entities of ``event.participants``, matched by name or alias like any mention."""
    wanted = {arabic.matching_key(name) for name in config.event.participants}
    return frozenset(e.id for e in entities.values()
                     if wanted & {arabic.matching_key(n) for n in (e.name, *e.aliases)})


def _event_date(config: Config) -> DateValue:
    d = config.event.date
    return DateValue(d.year, d.month, d.day) if d else DateValue()


def _compatible(when: DateValue, period: DateValue, by_month: bool = False) -> bool:
    """Could ``when`` (perhaps missing its year) fall in ``period`` (perhaps a month)?
    ``by_month``: compare no finer than the month (an event's news spans days)."""
    if period.precision == "none":
        return False
    if by_month:
        period = DateValue(period.year, period.month)
    if when.year is not None and when.year != period.year:
        return False
    if when.month is not None and period.month is not None and when.month != period.month:
        return False
    if when.day is not None and period.day is not None and when.day != period.day:
        return False
    return True
