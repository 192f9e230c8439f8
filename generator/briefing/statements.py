"""Statements: sentences ranked by what they carry and by how many other stories report the
same thing (their echoes, cited as "also reported in"), then drawn from the top, each thing
stated once on the page.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Article
from .model import Statement, cite
from .sentences import (
    _closeness_of,
    _feature_keys,
    _feature_weights,
    _Sentence,
    _sentences,
    _similar,
)
from .standalone import leans_on_context

MAX_PER_ARTICLE = 2  # statements from one article at most, in one pick
ECHOES_MAX = 10  # other stories cited as reporting a statement too: its closest ones
EXACT_ECHO_SENTENCES = 1000  # up to this many sentences, compare every two sharing a word
ECHO_BUCKET, ECHO_CANDIDATES = 32, 48  # above: a word's first 32 sentences; buckets until 48, rarest word first


def _statement_pool(articles: list[Article], story_of: dict[str, str], participants: frozenset[str]) -> _Pool:
    """The sentences of ``articles``, strongest first, to draw statements from."""
    sentences = [s for a in articles for s in _sentences(a)]
    weights = _feature_weights(sentences, participants)
    echoes = _echoes(sentences, story_of)
    scores = {id(s): _score(s, weights, echoes) for s in sentences}
    return _Pool(sorted(sentences, key=lambda s: (-scores[id(s)], s.article.slug, s.paragraph)), echoes, scores)


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
    used: list[_Sentence] = field(default_factory=list)

    def pick(self, limit: int, topic: str | None = None) -> tuple[Statement, ...]:
        chosen: list[_Sentence] = []
        per_article: Counter = Counter()
        for s in self.ranked:
            if len(chosen) >= limit:
                break
            if (topic is not None and topic not in s.topics) or leans_on_context(s.text):
                continue  # a sentence leaning on the one before is never shown alone
            if per_article[s.article.slug] >= MAX_PER_ARTICLE or self._repeats(s, chosen + self.used):
                continue
            chosen.append(s)
            per_article[s.article.slug] += 1
        self.used += chosen
        return tuple(self._statement(s) for s in chosen)

    def _repeats(self, s: _Sentence, earlier: list[_Sentence]) -> bool:
        return any(s is c or _similar(s, c) or s in self.echoes.get(id(c), ()) for c in earlier)

    def _statement(self, s: _Sentence) -> Statement:
        return Statement(s.text, cite(s.article, s.paragraph),
                         tuple(cite(e.article, e.paragraph) for e in self.echoes.get(id(s), ())),
                         self.scores[id(s)])
