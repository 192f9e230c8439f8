"""Outlets and agencies an article's text speaks of: organizations of its own, like any other.

"وقال المسؤول لرويترز", "وذكرت «فرانس 24»", "في حديث مع هسبريس", "حسبما ذكرت وكالة الأنباء
الكويتية (كونا)": the registry (``registry.py``) knows these names in all their forms, so the
entity takes the registry's name and every form as an alias, whichever form the text printed.

A credit is not a mention: the dateline opening a paragraph ("واشنطن (رويترز) -", "جدة - واس -")
and a bracketed credit closing one ("… (أ ف ب)") say who filed the copy, which is the article's
outlet and agency (``sources.py``), not what it reports. A name that is also an ordinary phrase
(النهار, سبق), and an abbreviation of a few letters (وما, بنا, قنا are also words), count only
with a cue: quotation marks or brackets, or a word such as "صحيفة", "وكالة" or "مراسل" before it.
"""
from __future__ import annotations

import re

from ..model import Entity, Mention, Paragraph
from ..text.arabic import WORD_RE, matching_key
from .datelines import BRACKETED_RE
from .entities import word_spans
from .registry import Found, Registry
from .sources import MASTHEAD_CUES, QUOTE_CLOSE, QUOTE_OPEN

# A dateline of separators opening a paragraph: "جدة - واس -", "بغداد اليوم - بغداد:".
SEPARATED_DATELINE_RE = re.compile(r"^\s*[-–—]?\s*\S+(?:\s+\S+){0,2}?\s*[-–—]\s*\S+(?:\s+\S+){0,2}?\s*[-–—:|.]")
CREDIT_LINE_MAX_WORDS = 4  # "(رويترز)", "المصدر: واس" on a paragraph of its own
CUES = MASTHEAD_CUES | frozenset(matching_key(w) for w in ("مراسل", "مراسلة", "لمراسل", "لمراسلة", "مراسلنا"))
# "وكالة" before an outlet's name is another agency's name ("وكالة الأنباء …" is not the paper الأنباء).
AGENCY_CUES = frozenset(matching_key(w) for w in ("وكالة", "لوكالة", "ووكالة", "بوكالة"))
SHORT_FORM_MAX_LETTERS = 4  # "كونا", "واس": abbreviations that are words too need a cue


def sources_named_in(paragraphs: tuple[Paragraph, ...], registry: Registry) -> list[tuple[str, tuple[str, ...]]]:
    """(name, forms) of each outlet or agency the body paragraphs speak of, first named first."""
    named: dict[str, tuple[str, ...]] = {}
    for paragraph in paragraphs:
        if not paragraph.role.is_body or len(paragraph.text.split()) <= CREDIT_LINE_MAX_WORDS:
            continue
        for found in _spoken_of(paragraph.text, registry):
            source = found.source
            named.setdefault(source.name, tuple(f for f in (*source.aliases, *source.site) if f != source.name))
    return list(named.items())


def _spoken_of(text: str, registry: Registry) -> list[Found]:
    key = matching_key(text)
    spans = [m.span() for m in WORD_RE.finditer(key)]
    words = [key[a:b] for a, b in spans]
    credit_end = _opening_credit_end(key)
    found = []
    for hit in registry.names_in(words):
        start, end = spans[hit.start][0], spans[hit.end - 1][1]
        before, after = key[:start].rstrip()[-1:], key[end:].lstrip()[:1]
        bracketed = before in "(/" and after in ")/"
        if end <= credit_end or (bracketed and not key[end:].strip(" )/.-–—")):
            continue  # the opening dateline's credit, or a credit closing the paragraph
        cue = words[hit.start - 1] if hit.start > 0 else ""
        cued = cue in (AGENCY_CUES if hit.source.agency else CUES)
        if cue in AGENCY_CUES and not hit.source.agency:
            continue
        quoted = before in QUOTE_OPEN + "/" and after in QUOTE_CLOSE + "/"
        short = hit.end - hit.start == 1 and len(words[hit.start]) - len(hit.clitic) <= SHORT_FORM_MAX_LETTERS
        if cued or quoted or not (hit.plain or short):
            found.append(hit)
    return found


def _opening_credit_end(key: str) -> int:
    """Where a dateline opening the paragraph ends (0 when it opens with none)."""
    match = BRACKETED_RE.match(key) or SEPARATED_DATELINE_RE.match(key)
    return match.end() if match else 0


def without_credits(mentions: tuple[Mention, ...], paragraphs: tuple[Paragraph, ...], entities: dict[str, Entity],
                    registry: Registry) -> tuple[Mention, ...]:
    """The mentions, less those of an outlet or agency in a paragraph that only credits it (the
    gazetteer knows "العمانية" once any article speaks of the Oman News Agency, but "خصب –
    العُمانية|" opening another article is that article's dateline), and less a place inside a
    source's name: "أفريقيا برس", "وكالة تونس إفريقيا للأنباء" name no place."""
    texts = {p.id: p.text for p in paragraphs}
    spoken: dict[str, set[str]] = {}
    names: dict[str, list[tuple[int, int]]] = {}

    def spoken_in(paragraph: str) -> set[str]:
        if paragraph not in spoken:
            spoken[paragraph] = {hit.source.name for hit in _spoken_of(texts[paragraph], registry)}
        return spoken[paragraph]

    def inside_a_name(m: Mention) -> bool:
        if m.paragraph not in names:
            names[m.paragraph] = _source_name_spans(texts[m.paragraph], registry)
        return any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in names[m.paragraph])

    kept = []
    for m in mentions:
        kind = entities[m.entity_id].type
        source = registry.exact(entities[m.entity_id].name) if kind == "organization" else None
        if source is not None:
            if source.name in spoken_in(m.paragraph):
                kept.append(m)
        elif kind != "place" or not inside_a_name(m):
            kept.append(m)
    return tuple(kept)


def _source_name_spans(text: str, registry: Registry) -> list[tuple[int, int]]:
    """Where the text prints a source's name of several words that is no ordinary phrase."""
    spans, words = word_spans(text)
    return [(spans[hit.start][0], spans[hit.end - 1][1]) for hit in registry.names_in(list(words))
            if hit.end - hit.start > 1 and not hit.plain]
