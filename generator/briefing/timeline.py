"""The timeline: every date the articles speak of that can be placed in time, in the clause
that dates it, and each earlier event of ``site.yaml``; the event's phase of each (context,
lead-up, the event's own days, after); the strongest dates when there are too many.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

from ..config.site import Config
from ..corpus.analysis import Corpus
from ..corpus.event_day import redated
from ..model import Article, DateValue
from ..text import arabic
from .clauses import CLAUSE_MAX_WORDS, _clause_with, _words_around
from .model import TimelineEntry, cite
from .similarity import SAME_THING, key_weights, wording

EVENT_WINDOW_DAYS = 3  # dates this close to the event are "the event"
LEAD_UP_DAYS = 90  # earlier than this before the event is background
# A year word, a space where the digits were, then punctuation: «من العراق عام ، إذ». «الأمين
# العام،» and «بنهاية العام.» are whole.
LOST_YEAR_RE = re.compile(r"(?<!\w)(?:ال)?(?:عام|سنة)\s+[،,.؛;:]")
PHASE_RANK = {"event": 0, "lead_up": 1, "after": 2, "context": 3}


def _timeline(articles: list[Article], corpus: Corpus, config: Config) -> tuple[TimelineEntry, ...]:
    """Every dated mention that can be placed in time, plus each earlier event of site.yaml
    that articles are about (dated by site.yaml, cited to the article's lead)."""
    entries, seen = [], set()
    for article in articles:
        texts = {p.id: p.text for p in article.paragraphs}
        redatings = corpus.redated.get(article.slug, ())
        for dated in article.dates:
            value = redated(dated.value, dated.paragraph, redatings)
            key = (value.year, value.month, value.day, dated.paragraph, article.slug)
            if value.year is None or key in seen:
                continue  # a date without its year cannot be placed on a line of time
            seen.add(key)
            phase = "context" if corpus.story[article.slug] else _phase(value, config)
            entries.append(TimelineEntry(value, phase, _clause_with(texts[dated.paragraph], value.text),
                                         cite(article, dated.paragraph), dated.kind))
    for earlier in config.event.context:
        about = [a for a in articles if corpus.story[a.slug] == earlier.name]
        found = next(((a, p, s) for a in about for p in a.paragraphs if p.role.is_body
                      for s in _sentences_of(p.text) if not lost_its_digits(s)), None)
        if found is not None:
            article, lead, sentence = found
            entries.append(TimelineEntry(earlier.date, "context", _words_around(sentence, sentence, CLAUSE_MAX_WORDS),
                                         cite(article, lead.id), "event", earlier.name))
    return _merged(sorted(entries, key=_in_time_order))


def _sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in arabic.sentence_spans(text)]


def lost_its_digits(text: str) -> bool:
    """Does the text name a year whose digits were lost («الانسحاب الأمريكي من العراق عام ، إذ …»,
    a PDF's extraction)? Such a sentence dates nothing and reads broken."""
    return bool(LOST_YEAR_RE.search(text))


def _merged(entries: list[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    """One entry per dated happening: an entry on the date of one kept already that states what
    it states (``similarity``) joins it as "also reported in" (or goes, when it cites the same
    paragraph), site.yaml's earlier events first so that theirs is the entry kept."""
    wordings = [wording(e.text) for e in entries]
    weights = key_weights(wordings)
    kept: list[list] = []  # [entry, profile]
    on_date: dict[tuple, list[list]] = defaultdict(list)  # entries kept, by date: only they can be one
    for entry, mine in sorted(zip(entries, wordings), key=lambda e: not e[0].label):  # stable: time order
        profile = weights.profile(mine)
        date = _date_key(entry.date)
        same = None if entry.label else next((k for k in on_date[date]
                                              if weights.alike(profile, k[1]) >= SAME_THING), None)
        if same is None:
            kept.append([entry, profile])
            on_date[date].append(kept[-1])
        elif entry.citation not in (same[0].citation, *same[0].also):
            same[0] = replace(same[0], also=(*same[0].also, entry.citation))
    return tuple(sorted((k[0] for k in kept), key=_in_time_order))


def _date_key(d: DateValue) -> tuple:
    return d.precision, d.year, d.month, d.day


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
    return tuple(sorted(chosen, key=_in_time_order))


def _days_from_event(value: DateValue, config: Config) -> int:
    event = config.event.date
    if event is None or value.year is None:
        return 0
    return abs((dt.date(value.year, value.month or 7, value.day or 1) - event).days)


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


def _in_time_order(entry: TimelineEntry) -> tuple:
    """By date, then by the cited article and paragraph as their links ("articles/x.html#p3")
    sort: a slug has no ".", so "x." orders slugs as "x.html" does ("x-2" before "x")."""
    date = entry.date
    return date.year, date.month or 0, date.day or 0, entry.citation.slug + ".", entry.citation.paragraph
