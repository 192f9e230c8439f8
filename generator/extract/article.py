"""``CleanDoc`` → ``Article``: title, kicker, deck, byline, dateline, date and citable paragraphs.

Everything here reads the roles the cleaner gave the blocks; nothing re-parses raw text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.mark_header_lines import byline_name
from ..config.site import Topic
from ..model import (
    Article,
    Block,
    CleanDoc,
    DatedMention,
    DateValue,
    Outlet,
    Paragraph,
    Problem,
    RawDoc,
    Role,
)
from ..text.dates import find_all_dates, years_mentioned
from .entities import Gazetteer, find_mentions
from .figures import find_figures
from .published import publication_date
from .quotes import find_quotes
from .sources import (
    BUILTIN_AGENCIES,
    Source,
    match_source,
    outlet_from_blocks,
    outlet_named_by,
)
from .topics import score_topics, topic_hits

# Roles shown in the article's header rather than as numbered paragraphs.

# "واشنطن - (أ ف ب) - …", "بغداد (رويترز) -", "القاهرة – د ب أ –": city, then a credit.
DATELINE_RE = re.compile(
    r"^(?P<city>[^\s()\-–—:،,]{2,20}(?:\s[^\s()\-–—:،,]{2,20})?)\s*[-–—]?\s*"
    r"\((?P<agency>[^()]{1,25})\)\s*[-–—:]\s*"
)

BARE_DATELINE_RE = re.compile(
    r"^(?P<city>[^\s()\-–—:،,]{2,20}(?:\s[^\s()\-–—:،,]{2,20})?)\s*[-–—]\s*"
    r"(?P<agency>[^\s()\-–—:،,]{2,12}(?:\s[^\s()\-–—:،,]{1,12}){0,2})\s*[-–—:]\s*"
)

DERIVED_TITLE_MAX_WORDS = 14
SENTENCE_RE = re.compile(r"^(.+?[.!?؟])(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What extraction knows beyond the text: the gazetteer and the source registry."""

    gazetteer: Gazetteer | None = None
    sources: tuple[Source, ...] = BUILTIN_AGENCIES
    topics: tuple[Topic, ...] = ()
    topic_gazetteer: Gazetteer | None = None


def _header_text(block: Block | None, sources: tuple[Source, ...]) -> str | None:
    """A header line's text, unless it only names the outlet (then it is the outlet)."""
    if block is None or outlet_named_by(block.text, sources):
        return None
    return block.text


def extract(doc: CleanDoc, raw: RawDoc, slug: str, knowledge: Knowledge = Knowledge()) -> Article:
    blocks = doc.blocks
    headline = _first(blocks, Role.HEADLINE)
    paragraphs = paragraphs_of(blocks)
    body = [p for p in paragraphs if p.role.is_body]
    title, derived = (headline.text, False) if headline else (_derived_title(body), True)
    dateline = _dateline(body[0].text, knowledge.sources) if body else None
    byline = _first(blocks, Role.BYLINE)
    date = publication_date(blocks)
    mentions = find_mentions(paragraphs, knowledge.gazetteer) if knowledge.gazetteer else ()
    people = {e.id: e for e in knowledge.gazetteer.entities} if knowledge.gazetteer else {}
    hits = topic_hits(paragraphs, knowledge.topic_gazetteer) if knowledge.topic_gazetteer else ()
    return Article(
        source_file=raw.source,
        slug=slug,
        title=title,
        title_derived=derived and title is not None,
        title_lang=(headline.lang if headline else (body[0].lang if body else "ar")) or "ar",
        kicker=_header_text(_first(blocks, Role.KICKER), knowledge.sources),
        subtitle=_header_text(_first(blocks, Role.DECK), knowledge.sources),
        section=_header_text(_first(blocks, Role.SECTION), knowledge.sources),
        author=_author(byline),
        dateline=dateline["city"] if dateline else None,
        outlet=outlet_from_blocks(blocks, knowledge.sources),
        agency=_agency(dateline["agency"], knowledge.sources) if dateline else None,
        date=date,
        paragraphs=paragraphs,
        removed=doc.removed,
        repairs=doc.repairs,
        word_count=sum(len(p.text.split()) for p in body),
        problems=raw.problems + doc.problems + _missing_body(body, raw),
        raw_encoding=raw.encoding,
        mentions=mentions,
        quotes=find_quotes(paragraphs, mentions, people),
        topic_hits=hits,
        topics=score_topics(hits, knowledge.topics),
        dates=_dates_spoken_of(body, date),
        figures=find_figures(paragraphs),
    )


def _dateline(text: str, registry: tuple[Source, ...]) -> re.Match | None:
    """"واشنطن - (أ ف ب) -" (credit in brackets: any credit), or "جدة - واس -" (bare: only a
    credit the registry knows, so "بغداد - قال الوزير -" is not read as one)."""
    match = DATELINE_RE.match(text)
    if match:
        return match
    match = BARE_DATELINE_RE.match(text)
    return match if match and match_source(match["agency"], registry) else None


def _agency(credit: str, registry: tuple[Source, ...]) -> Outlet:
    """The credited agency, named as the registry names it; unknown credits kept as written."""
    source = match_source(credit, registry)
    return source.outlet() if source else Outlet(credit.strip())


def _first(blocks: tuple[Block, ...], role: Role) -> Block | None:
    return next((b for b in blocks if b.role == role), None)


def _text(block: Block | None) -> str | None:
    return block.text if block else None


def paragraphs_of(blocks: tuple[Block, ...]) -> tuple[Paragraph, ...]:
    """The citable paragraphs of a cleaned document, numbered p1, p2… in reading order."""
    shown = [b for b in blocks if not b.role.is_metadata]
    return tuple(Paragraph(f"p{i}", b.role, b.text, b.lang, b.lines) for i, b in enumerate(shown, start=1))


def _derived_title(body: list[Paragraph]) -> str | None:
    """The first sentence of the first paragraph, cut to a headline's length."""
    if not body:
        return None
    match = SENTENCE_RE.match(body[0].text)
    sentence = (match.group(1) if match else body[0].text).rstrip(".")
    words = sentence.split()
    return " ".join(words[:DERIVED_TITLE_MAX_WORDS]) + ("…" if len(words) > DERIVED_TITLE_MAX_WORDS else "")


def _author(byline: Block | None) -> str | None:
    return byline_name(byline.text) if byline else None


def _dates_spoken_of(body: list[Paragraph], published: DateValue) -> tuple[DatedMention, ...]:
    years = years_mentioned(" ".join(p.text for p in body))
    reference = published if published.precision != "none" else None
    return tuple(DatedMention(m.value, m.kind, p.id) for p in body
                 for m in find_all_dates(p.text, reference, years))


def _missing_body(body: list[Paragraph], raw: RawDoc) -> tuple[Problem, ...]:
    shown = f"seeds/{raw.source}"
    if not body:
        return (Problem(shown, "no body paragraph was found", hint="check that the file holds the article's text"),)
    return ()
