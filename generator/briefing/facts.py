"""Facts: what the corpus's sentences state, each with the stories that report it, ranked by
how many independent stories those are.

Every sentence anchors a fact: itself and, in each other story, the sentence closest to it
among those that state the same thing (``echoes``). A sentence that
states several facts (a wire lede: the toll, the fund, the aid) may so belong to several, one
per sentence it is closest to. A fact weighs the stories that report it, each by its kind (a
report after the event counts more than a preview or an analysis) and more when it is in a
story's lead. Its members that stand alone (``standalone``) may state it on the page, the one
that states best what the others share first.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .sentences import _Sentence
from .standalone import leans_on_context

if TYPE_CHECKING:  # echoes loads NumPy and SciPy: only when a briefing is built
    from .echoes import Echoes

LEAD_GAIN = 0.25  # a story reporting the fact in its lead counts this much more
DEFAULT_KIND_WEIGHT = 1.0
CONFIDENT = 0.2  # likeness from which another story surely states the fact; below it counts in part
ECHOES_MAX = 10  # other stories cited as reporting a fact: its closest ones


@dataclass(frozen=True, slots=True)
class Fact:
    members: tuple[_Sentence, ...]  # one sentence per story reporting it, the anchor first
    weight: float  # the stories reporting it, weighted by kind and lead
    score: float  # what its anchor carries (``statements._score``): among facts of one weight, the richer first


def anchored_facts(sentences: list[_Sentence], echoes: Echoes, kind_weight: dict[str, float],
                   scores: dict[int, float]) -> list[Fact]:
    """The fact each sentence anchors; heaviest first."""
    def weight_of(s: _Sentence, likeness: float) -> float:
        return (kind_weight.get(s.article.slug, DEFAULT_KIND_WEIGHT) * (1 + LEAD_GAIN * s.lead)
                * min(1.0, likeness / CONFIDENT))

    facts = []
    for n, s in enumerate(sentences):
        ranked = echoes.of(n)[:ECHOES_MAX]
        weight = weight_of(s, CONFIDENT) + sum(weight_of(sentences[m], like) for like, m in ranked)
        facts.append(Fact((s, *(sentences[m] for _, m in ranked)), round(weight, 6), scores[id(s)]))
    return sorted(facts, key=lambda f: (-f.weight, -f.score, *_place(f)))


def clearest_first(members: tuple[_Sentence, ...], scores: dict[int, float], weights: dict[str, float],
                   kind_weight: dict[str, float]) -> tuple[_Sentence, ...]:
    """The members that may state the fact on the page (they stand alone: a later piece of a long
    sentence opens mid-sentence and never does), the one that states best what the members share
    first: the sentence whose weighted words the others use most, per word so a long sentence does not win by
    length alone, and from a report of the event rather than a preview (its kind's weight),
    then the one carrying most. Asked only of the facts a briefing reaches, not of every one."""
    uses = Counter(k for m in members for k in m.words)

    def centrality(m: _Sentence) -> float:
        shared = sum(weights.get(k, 0.0) * (uses[k] - 1) for k in m.words)  # over the other members
        return shared / math.sqrt(max(len(m.words), 10)) * kind_weight.get(m.article.slug, DEFAULT_KIND_WEIGHT)
    standing = [m for m in members if m.opens_sentence and not leans_on_context(m.text)]
    return tuple(sorted(standing, key=lambda m: (-round(centrality(m), 6), -scores[id(m)], len(m.text),
                                                 m.article.slug, m.paragraph)))


def _place(f: Fact) -> tuple[str, str]:
    first = f.members[0]
    return first.article.slug, first.paragraph
