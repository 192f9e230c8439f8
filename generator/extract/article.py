"""``CleanDoc`` → ``Article``: title, kicker, deck, byline, dateline, date and citable paragraphs.

Everything here reads the roles the cleaner gave the blocks; nothing re-parses raw text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..clean.mark_header_lines import byline_name
from ..config.site import Topic
from ..model import (
    Article,
    Block,
    CleanDoc,
    DatedMention,
    DateValue,
    Mention,
    Paragraph,
    Problem,
    RawDoc,
    Role,
    Source,
)
from ..text.arabic import WORD_RE, matching_key
from ..text.dates import find_all_dates, publication_date_in, years_mentioned
from .entities import Gazetteer, find_mentions
from .figures import find_figures
from .home import home_bodies
from .named_sources import without_credits
from .published import DATE_OPENS_WITHIN, publication_date
from .quotes import find_quotes
from .registry import Registry, builtin_sources
from .sources import Credits, credits_of
from .topics import score_topics, topic_hits

DERIVED_TITLE_MAX_WORDS = 14
SENTENCE_RE = re.compile(r"^(.+?[.!?؟])(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What extraction knows beyond the text: the gazetteer and the source registry."""

    gazetteer: Gazetteer | None = None
    sources: tuple[Source, ...] = field(default_factory=builtin_sources)  # site.yaml's first
    topics: tuple[Topic, ...] = ()
    topic_gazetteer: Gazetteer | None = None
    # Built from the above once, not per article.
    registry: Registry = field(init=False, repr=False, compare=False)
    place_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    ids_by_name: dict[str, str] = field(init=False, repr=False, compare=False)  # matching key → entity id

    def __post_init__(self) -> None:
        object.__setattr__(self, "registry", Registry.build(self.sources))
        entities = self.gazetteer.entities if self.gazetteer else ()
        object.__setattr__(self, "place_keys", frozenset(
            _words_key(name) for e in entities if e.type == "place" for name in (e.name, *e.aliases)))
        object.__setattr__(self, "ids_by_name", {_words_key(e.name): e.id for e in reversed(entities)})

    def is_place(self, text: str) -> bool:
        return _words_key(text) in self.place_keys


@functools.cache
def _built_in_knowledge() -> Knowledge:
    """The registry alone, built when first needed, not when this module is imported."""
    return Knowledge()


def _words_key(text: str) -> str:
    return " ".join(WORD_RE.findall(matching_key(text)))


def _header_text(blocks: tuple[Block, ...], role: Role, credits: Credits) -> str | None:
    """The first header line of ``role`` that says something: not a line that only credits (it is
    the dateline, outlet or writer), not the date ("آخر تحديث: السبت 4 أكتوبر 2025 - 5:58 م"), a
    label ("نشر :") or a placeholder ("(reuters_tickers)", "04 12 14")."""
    return next((b.text for i, b in enumerate(blocks)
                 if b.role == role and i not in credits.lines and _says_something(b.text)), None)


def _says_something(text: str) -> bool:
    words = [w for w in WORD_RE.findall(text) if sum(ch.isalpha() for ch in w) >= 2]
    if not words or (len(words) == 1 and (not words[0].isalpha() or text.rstrip().endswith((":", "：")))):
        return False
    found = publication_date_in(text)
    return found is None or text.find(found.text) > DATE_OPENS_WITHIN


def extract(doc: CleanDoc, raw: RawDoc, slug: str, knowledge: Knowledge | None = None) -> Article:
    knowledge = knowledge or _built_in_knowledge()
    blocks = doc.blocks
    paragraphs = paragraphs_of(blocks)
    body = [p for p in paragraphs if p.role.is_body]
    byline = _first(blocks, Role.BYLINE)
    credits = credits_for(blocks, knowledge)
    # A line that only credits ("رويترز عربي ودولي") is the outlet's, not the headline.
    headline = next((b for i, b in enumerate(blocks) if b.role is Role.HEADLINE and i not in credits.lines), None)
    title, derived = (headline.text, False) if headline else (_derived_title(body), True)
    author = _author(byline)
    if author and knowledge.registry.exact(author):
        author = None  # "كتب: أ.ف.ب": the agency, not a writer
    date, date_note = publication_date(blocks)
    people = {e.id: e for e in knowledge.gazetteer.entities} if knowledge.gazetteer else {}
    mentions = with_home_bodies(without_credits(find_mentions(paragraphs, knowledge.gazetteer), paragraphs, people,
                                                knowledge.registry), paragraphs, credits, knowledge) \
        if knowledge.gazetteer else ()
    hits = topic_hits(paragraphs, knowledge.topic_gazetteer) if knowledge.topic_gazetteer else ()
    return Article(
        source_file=raw.source,
        slug=slug,
        title=title,
        title_derived=derived and title is not None,
        title_lang=(headline.lang if headline else (body[0].lang if body else "ar")) or "ar",
        kicker=_header_text(blocks, Role.KICKER, credits),
        subtitle=_header_text(blocks, Role.DECK, credits),
        section=_header_text(blocks, Role.SECTION, credits),
        author=author or credits.author,
        dateline=credits.dateline,
        outlet=credits.outlet,
        agency=credits.agency,
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
        unsure=credits.notes + ((("date", date_note),) if date_note else ()) + tuple(("text", d) for d in doc.doubts),
    )


def credits_for(blocks: tuple[Block, ...], knowledge: Knowledge) -> Credits:
    """Outlet, agency, dateline and writer of a cleaned document (``sources.credits_of``)."""
    return credits_of(blocks, knowledge.registry, knowledge.is_place, _author(_first(blocks, Role.BYLINE)))


def with_home_bodies(mentions: tuple[Mention, ...], paragraphs: tuple[Paragraph, ...], credits: Credits,
                     knowledge: Knowledge) -> tuple[Mention, ...]:
    """The mentions, and those of the state bodies named without their country, which are the
    home country's ("وزارة الخارجية" in a Kuwaiti story: ``home.py``), in reading order."""
    taken = {(m.paragraph, m.start) for m in mentions}
    texts = {p.id: p.text for p in paragraphs}
    added = tuple(Mention(knowledge.ids_by_name[_words_key(name)], paragraph, start, end, texts[paragraph][start:end])
                  for name, paragraph, start, end in home_bodies(paragraphs, lambda: credits, knowledge.registry)
                  if _words_key(name) in knowledge.ids_by_name and (paragraph, start) not in taken)
    if not added:
        return mentions
    order = {p.id: n for n, p in enumerate(paragraphs)}
    return tuple(sorted(mentions + added, key=lambda m: (order[m.paragraph], m.start)))


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
