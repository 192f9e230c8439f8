"""Statements: the facts of the corpus (``facts``), heaviest first, each shown by one sentence
and citing the other stories that report it ("also reported in"), drawn from the top, each
thing stated once on the page.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..model import Article
from .facts import CONFIDENT, ECHOES_MAX, Fact, anchored_facts, clearest_first
from .model import Statement, cite
from .sentences import _feature_keys, _feature_weights, _Sentence, _sentences
from .similarity import REPRINTED, RESTATES, SAME_THING, Profile, Weights, key_weights
from .topical import leading_topic, topic_strength

MAX_PER_ARTICLE = 2  # statements from one article at most, in one pick
# A story outside the teller's fact whose closest sentence is this alike to the teller reports it
# too (a little above SAME_THING: the fact's own members were chosen together, this one alone).
ALSO_STATES = 0.08
# …and only a story whose sentence is at least this share as alike to the teller as the closest
# one: in a corpus on one event every sentence shares the event's words with every other, so a
# fixed bar lets ten stories "report" what three do (Beirut: link precision 41 → 58 %).
ALSO_SHARE = 0.4
ON_TOPIC = ("leading", "on", "named")  # how a topic's statements are drawn, until some are found (``topical``)
REPRINT_WINDOW = 400  # a reprint's sentence is looked for among its story's last sentences kept


@dataclass(frozen=True, slots=True)
class _Likeness:
    """How alike two sentences of the corpus are (``similarity.Weights.alike``)."""

    weights: Weights
    profiles: dict[int, Profile]  # id(sentence) → its keys and norms

    def of(self, a: _Sentence, b: _Sentence) -> float:
        return self.weights.alike(self.profiles[id(a)], self.profiles[id(b)])

    def copied(self, a: _Sentence, b: _Sentence) -> bool:
        """Is one sentence the other's copy, perhaps cut short (a reprint's)?"""
        pa, pb = self.profiles[id(a)], self.profiles[id(b)]
        return self.weights.contained(a.wording, b.wording, pa.norm, pb.norm) >= REPRINTED


def _statement_pool(articles: list[Article], story_of: dict[str, str], participants: frozenset[str],
                    kind_weight: dict[str, float] | None = None, wordings: Mapping | None = None) -> _Pool:
    """The facts of ``articles``, heaviest first, to draw statements from. ``kind_weight``:
    slug → how much a story of that article counts (``facts``); ``wordings``: slug → its
    statements' wordings, when worked out already (``sentences.wordings_of``)."""
    wordings = wordings or {}
    sentences = [s for a in articles for s in _sentences(a, wordings.get(a.slug))]
    weights = _feature_weights(sentences, participants)
    likeness = _likeness(sentences)
    sentences = _once_per_story(sentences, story_of, likeness)
    from .echoes import closest_per_story  # here: NumPy and SciPy load only when a briefing is built
    stories = [story_of[s.article.slug] for s in sentences]
    echoes = closest_per_story([s.wording.keys for s in sentences], stories, likeness.weights,
                               [likeness.profiles[id(s)] for s in sentences])
    scores = {id(s): _score(s, weights) for s in sentences}
    kinds = kind_weight or {}
    index = {id(s): n for n, s in enumerate(sentences)}

    def nearest(s: _Sentence) -> dict[str, _Sentence]:
        return {stories[m]: sentences[m] for _, m in echoes.of(index[id(s)])}
    return _Pool(anchored_facts(sentences, echoes, kinds, scores), likeness,
                 lambda f: clearest_first(f.members, scores, likeness.weights.of, kinds), nearest, story_of,
                 Counter(t for s in sentences for t in s.topics))


def _likeness(sentences: list[_Sentence]) -> _Likeness:
    """How alike two of ``sentences`` are, with the corpus's key weights."""
    keys = key_weights([s.wording for s in sentences])
    return _Likeness(keys, {id(s): keys.profile(s.wording) for s in sentences})


def _once_per_story(sentences: list[_Sentence], story_of: dict[str, str], likeness: _Likeness) -> list[_Sentence]:
    """The sentences without a reprint's copies of its story's sentences: wire copy carried by
    three outlets states each of its facts once, not three times. A reprint's own additions stay."""
    kept: dict[str, list[_Sentence]] = defaultdict(list)
    out = []
    for s in sentences:
        story = story_of[s.article.slug]
        if story != s.article.slug and any(likeness.copied(s, k) for k in kept[story][-REPRINT_WINDOW:]):
            continue
        kept[story].append(s)
        out.append(s)
    return out


def _score(s: _Sentence, weights: dict[str, float]) -> float:
    """What a sentence carries (rarer entities and topics weigh more, figures, the lead), per
    word so long sentences do not win by length alone."""
    carried = (sum(weights.get(f, 0.0) for f in _feature_keys(s)) + 0.8 * len(s.figures)
               + (1.0 if s.lead else 0.0))
    return round(carried / math.sqrt(max(len(s.words), 10) / 10), 6)


@dataclass(slots=True)
class _Pool:
    """Ranked facts to draw statements from. A fact, or one stating the same thing, is stated
    once on the page: each pick removes it for the sections that follow."""

    facts: list[Fact]
    likeness: _Likeness
    tellers: Callable[[Fact], tuple[_Sentence, ...]]  # the members that may state a fact, clearest first
    nearest: Callable[[_Sentence], dict[str, _Sentence]]  # other story → its closest sentence stating the same
    story_of: dict[str, str]
    sentences_on: Counter = field(default_factory=Counter)  # topic → sentences of the corpus naming it
    used: list[_Sentence] = field(default_factory=list)  # the sentences shown
    told: list[tuple[int, frozenset[int]]] = field(default_factory=list)  # facts shown: id() of anchor, members
    _told_by: dict[int, tuple[_Sentence, ...]] = field(default_factory=dict)  # tellers, once asked

    def pick(self, limit: int, topic: str | None = None) -> tuple[Statement, ...]:
        """Up to ``limit`` facts, heaviest first, each stated by its clearest sentence that fits:
        not in the words of one shown, from an article with fewer than ``MAX_PER_ARTICLE``
        statements in this pick, and, given a ``topic``, leading in it (``topical``); a topic no
        statement leads in takes those that are on it, and then those that name it, so a topic
        the texts speak of is never left empty."""
        if topic is None:
            return self._pick(limit, None, ON_TOPIC[0])
        for tier in ON_TOPIC:
            chosen = self._pick(limit, topic, tier)
            if chosen:
                return chosen
        return ()

    def _pick(self, limit: int, topic: str | None, tier: str) -> tuple[Statement, ...]:
        chosen: list[Statement] = []
        per_article: Counter = Counter()
        for f in self.facts:
            if len(chosen) >= limit:
                break
            if (topic is not None and not any(topic in m.topics for m in f.members)) or self._told(f):
                continue
            teller = next((s for s in self._tellers_of(f) if (topic is None or self._on_topic(s, f, topic, tier))
                           and per_article[s.article.slug] < MAX_PER_ARTICLE and not self._repeats(s)), None)
            if teller is None:
                continue  # a fact whose every sentence leans on the one before is never shown alone
            chosen.append(self._statement(f, teller))
            self.used.append(teller)
            self.told.append((id(f.members[0]), frozenset(id(m) for m in f.members)))
            per_article[teller.article.slug] += 1
        return tuple(chosen)

    def _on_topic(self, s: _Sentence, f: Fact, topic: str, tier: str) -> bool:
        if tier == "named":
            return topic in s.topics
        mine = self.story_of[s.article.slug]
        others = frozenset().union(*(m.topics for m in f.members if self.story_of[m.article.slug] != mine))
        strength = topic_strength(s.keywords, s.topics_around, others)
        return topic in strength and (tier == "on" or leading_topic(strength, self.sentences_on) == topic)

    def _tellers_of(self, f: Fact) -> tuple[_Sentence, ...]:
        key = id(f)
        if key not in self._told_by:
            self._told_by[key] = self.tellers(f)
        return self._told_by[key]

    def reported_by(self, stories: int) -> int:
        """How many facts at least ``stories`` stories report."""
        return sum(1 for f in self.facts if len(f.members) >= stories)

    def _told(self, f: Fact) -> bool:
        """Is the fact one shown already: its anchor among a shown fact's sentences, and that
        fact's anchor among its own (each is the other's closest in its story)?"""
        anchor = id(f.members[0])
        return any(anchor in members and shown in {id(m) for m in f.members} for shown, members in self.told)

    def _repeats(self, s: _Sentence) -> bool:
        """Shown already, or in nearly the words of a statement shown."""
        return any(s is c or self.likeness.of(s, c) >= RESTATES for c in self.used)

    def _statement(self, f: Fact, teller: _Sentence) -> Statement:
        # The teller may not be the anchor: in each story of the fact it cites the member when
        # that states what the teller states, else the story's sentence surely closest to it;
        # and any other story whose closest sentence surely states what the teller states.
        own = self.nearest(teller)
        others = []
        for m in f.members:
            if m is teller:
                continue
            if self.likeness.of(teller, m) >= SAME_THING:
                others.append(m)
            elif (near := own.get(self.story_of[m.article.slug])) and self.likeness.of(teller, near) >= CONFIDENT:
                others.append(near)
        cited = {self.story_of[e.article.slug] for e in (teller, *others)}
        others += [near for story, near in own.items()
                   if story not in cited and self.likeness.of(teller, near) >= ALSO_STATES]
        likes = [self.likeness.of(teller, e) for e in others]
        bar = ALSO_SHARE * max(likes, default=0.0)
        others = [e for e, like in zip(others, likes) if like >= bar][:ECHOES_MAX]
        return Statement(teller.text, cite(teller.article, teller.paragraph),
                         tuple(cite(e.article, e.paragraph) for e in others), f.weight)
