"""Which topic section a statement belongs to: several signals agreeing, not one keyword.

A sentence naming a keyword of a topic is only a candidate (a sentence on a visit that calls the
host country poor names an aid topic's «الفقر»). It is on the topic when something
else agrees: the rest of its paragraph speaks of the topic, the topic leads its article, or
another story stating the same fact names the topic too. Of the topics it is on, it leads in
the one with most agreeing evidence (distinct keywords, then signals), the rarer topic in the
corpus on a tie, so a statement on an attack on troops goes to "attacks" rather than to the
broader "military presence"; each statement is shown once, in one section.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

LEADING_TOPIC_SCORE = 0.5  # an article's topic at least half as present as its main one


def topic_strength(keywords: Iterable[tuple[str, int]], around: frozenset[str],
                   others: frozenset[str]) -> dict[str, int]:
    """For each topic the sentence is on, its evidence: the distinct keywords of the topic it
    names, plus each signal that agrees (``around``: topics of its paragraph beyond it and
    leading its article; ``others``: topics named by other stories' sentences of its fact).
    A topic with keywords and no agreeing signal is left out."""
    out = {}
    for topic, named in keywords:
        agreeing = (topic in around) + (topic in others)
        if agreeing:
            out[topic] = named + agreeing
    return out


def leading_topic(strength: Mapping[str, int], sentences_on: Mapping[str, int]) -> str | None:
    """The topic the sentence leads in: most evidence, then the rarer topic (fewer sentences of
    the corpus name it), then by name for a stable order."""
    return min(strength, key=lambda t: (-strength[t], sentences_on.get(t, 0), t)) if strength else None
