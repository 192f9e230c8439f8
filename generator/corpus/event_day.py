"""The event's own day against what an article's relative dates make of it.

An article dated the day of the event that says its participants met «أمس» puts the event a
day early: either its date is the day it was written about, not the day it was published, or
the word is loose. ``site.yaml`` gives the event's date, so a relative date that lands within
``EVENT_DAY_SLACK`` days of it, in a sentence naming the event's participants, is the event's
own day: the timeline shows it on that day (marked as inferred), and ``check`` lists the
article's date as doubtful, since that date is what the relative word counted from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Article, DatedMention, DateValue
from ..text import arabic

EVENT_DAY_SLACK = 2  # days: a relative date this close to the event, beside its participants, is the event


@dataclass(frozen=True, slots=True)
class Redated:
    """A relative date of an article that speaks of the event's own day."""

    paragraph: str
    text: str  # the words, as written («أمس»)
    read: DateValue  # what the article's date made of them
    event: DateValue  # the event's date, inferred

    def note(self) -> str:
        """What ``check`` tells the editor."""
        return (f"its date and «{self.text}» ({self.paragraph}) put the event on {self.read.iso}, but site.yaml dates "
                f"it {self.event.iso}: the publication date is doubtful (set it in the override if it is wrong)")


def event_day_redatings(article: Article, event: dt.date | None, participants: frozenset[str]) -> tuple[Redated, ...]:
    """The article's relative dates that are the event's own day (see the module's docstring)."""
    if event is None or not participants:
        return ()
    texts = {p.id: p.text for p in article.paragraphs}
    wanted = min(2, len(participants))
    out = []
    for dated in article.dates:
        value = dated.value
        if dated.kind != "relative" or value.precision != "day":
            continue
        gap = abs((dt.date(value.year, value.month, value.day) - event).days)
        if 0 < gap <= EVENT_DAY_SLACK and len(_participants_beside(article, dated, texts, participants)) >= wanted:
            out.append(Redated(dated.paragraph, value.text, value,
                               DateValue(event.year, event.month, event.day, inferred=True, text=value.text)))
    return tuple(out)


def _participants_beside(article: Article, dated: DatedMention, texts: dict[str, str],
                         participants: frozenset[str]) -> set[str]:
    """The participants named in the sentence that holds the relative date."""
    text = texts.get(dated.paragraph, "")
    at = text.find(dated.value.text) if dated.value.text else -1
    if at < 0:
        return set()
    start, end = next(((s, e) for s, e in arabic.sentence_spans(text) if s <= at < e), (0, len(text)))
    return {m.entity_id for m in article.mentions
            if m.paragraph == dated.paragraph and start <= m.start < end and m.entity_id in participants}


def redated(value: DateValue, paragraph: str, redatings: tuple[Redated, ...]) -> DateValue:
    """``value``, or the event's date when it is one of ``redatings``."""
    for r in redatings:
        if r.paragraph == paragraph and r.read == value:
            return r.event
    return value

