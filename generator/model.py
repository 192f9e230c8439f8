"""The plain frozen values every stage passes on, from raw bytes to the whole site.

Each stage returns a new value of its own type (``clean(RawDoc) -> CleanDoc``); nothing is
filled in later. Line numbers are 1-based lines of the decoded source text, 0 when unknown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a block of the cleaned text is; the one place that says which roles are the
    article's text. A ``StrEnum``: it is its value in JSON and templates ("body")."""

    HEADLINE = "headline"  # the article's own title lines, from the header zone
    KICKER = "kicker"
    DECK = "deck"
    SECTION = "section"  # a section label above the headline ("العرب والعالم")
    BYLINE = "byline"  # who wrote it and when, as printed
    DATE = "date"
    CAPTION = "caption"  # a photo caption, with its credit
    HEADING = "heading"  # a short section heading inside the body
    BODY = "body"  # an ordinary paragraph
    BOILERPLATE = "boilerplate"  # publisher text that is not the article (disclaimers, copyright, footer)
    # Page furniture: the site around the article, kept in the accounting, never headline or body.
    NAVIGATION = "navigation"  # menus, section lists, breadcrumbs ("الرئيسية >> العالم العربي")
    PROMPT = "prompt"  # ads, share/print/comment/follow prompts, app and newsletter promos
    RELATED = "related"  # "اقرأ أيضاً", "المزيد", related-article lists, tags
    MASTHEAD = "masthead"  # the paper's name, issue and editors, the page's "today", "آخر تحديث"
    CREDIT = "credit"  # a photo credit on a line of its own ("تصوير: … /رويترز")
    HEADER = "header"  # provisional, inside the cleaner: a header-zone line not yet sorted

    @property
    def is_body(self) -> bool:
        """An ordinary paragraph of the article: what facts, quotes, figures and names come from."""
        return self is Role.BODY

    @property
    def is_text(self) -> bool:
        """Read as the article's text: the body and its section headings (shown, searched, cited)."""
        return self in (Role.BODY, Role.HEADING)

    @property
    def is_furniture(self) -> bool:
        """The page around the article (menus, prompts, related lists, masthead, credits, publisher text)."""
        return self in FURNITURE_ROLES

    @property
    def is_metadata(self) -> bool:
        """Said once, as the article's metadata, never shown as a paragraph of its own."""
        return self in METADATA_ROLES


METADATA_ROLES = frozenset((Role.HEADLINE, Role.KICKER, Role.DECK, Role.SECTION, Role.BYLINE, Role.DATE))
FURNITURE_ROLES = frozenset((Role.BOILERPLATE, Role.NAVIGATION, Role.PROMPT, Role.RELATED, Role.MASTHEAD,
                             Role.CREDIT))
HEADER_ZONE_ROLES = METADATA_ROLES | {Role.CAPTION}  # what the lines above the first body paragraph may be


# Diacritics and tatweel, dropped from Arabic ids ("المتّحدة" → "المتحدة").
DIACRITICS_AND_TATWEEL_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True, slots=True)
class Problem:
    """A warning or error about one input: where it is and what to do about it."""

    path: str  # as the user knows it: "seeds/002.txt", "site.yaml"
    message: str
    line: int = 0
    hint: str = ""

    def __str__(self) -> str:
        """One line, as a terminal may show it: a control character in a file name or in text
        quoted from the file is escaped ("seeds/a\\x1b[31m.txt"), never sent as itself."""
        from .terminal import (
            printable,  # model.py imports no other module of the generator at load
        )

        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.message}" + (f" — {self.hint}" if self.hint else ""))


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input file as received: its bytes, and its text decoded with newlines unified."""

    source: str  # file name inside seeds/
    data: bytes
    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()
    # What the file's reader gives the cleaner, when not the text as received (a Markdown
    # article's plain lines), and what the file states about itself (an ``overrides.Override``
    # made from its front matter).
    reading: str | None = None
    front_matter: object | None = None

    @property
    def article_text(self) -> str:
        """The text the cleaner reads (the raw view shows ``text``, as received)."""
        return self.text if self.reading is None else self.reading


@dataclass(frozen=True, slots=True)
class Removal:
    """Text the cleaner took out of the document, and why (nothing leaves without a reason)."""

    text: str
    reason: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Repair:
    """Text the cleaner changed: ``before`` became ``after`` because of ``reason``."""

    before: str
    after: str
    reason: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the cleaned document: a paragraph, heading, byline, caption…

    ``role`` is a ``Role``; ``lang`` is "ar", "en" or "" (no letters).
    ``lines`` is the (first, last) source line the block came from.
    """

    text: str
    role: Role
    lang: str
    lines: tuple[int, int]


@dataclass(frozen=True, slots=True)
class CleanDoc:
    source: str
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...]
    repairs: tuple[Repair, ...]
    problems: tuple[Problem, ...] = ()
    doubts: tuple[str, ...] = ()  # what cleaning could not settle ("line 23 …: left as received")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as precise as the text allows; ``inferred`` when any part was not written."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    inferred: bool = False
    text: str = ""  # the words it was read from

    @property
    def precision(self) -> str:
        if self.year and self.month and self.day:
            return "day"
        if self.year and self.month:
            return "month"
        if self.year:
            return "year"
        return "none"

    @property
    def iso(self) -> str | None:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.precision == "day" else None


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    name_en: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A citable unit of an article page: ``id`` is stable ("p1", "p2", …) for a given input."""

    id: str
    role: Role
    text: str
    lang: str
    lines: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A date the text speaks of (not when it was published), with where it is said."""

    value: DateValue
    kind: str  # "date", "hijri", "relative", "year_end", "year"
    paragraph: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts: "2500 عسكري أمريكي" → 2500 troops."""

    value: float
    unit: str  # "USD", "troops", "killed", "wounded", "attacks", "bases", … or "" when unknown
    text: str  # the words as written, qualifier included
    paragraph: str
    qualifier: str = ""  # "about", "at_least", "more_than", "up_to" or ""


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    paragraph: str


ENTITY_TYPES = ("person", "organization", "place")
_ID_UNSAFE_RE = re.compile(r"[^a-z0-9\u0621-\u064a]+")


def entity_id_for(name: str, name_en: str = "") -> str:
    """"Joe Biden" → "joe-biden"; without an English name, the Arabic letters: "جو-بايدن"."""
    source = name_en.lower() if name_en else DIACRITICS_AND_TATWEEL_RE.sub("", name)
    return _ID_UNSAFE_RE.sub("-", source).strip("-") or "entity"


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place, as the gazetteer names it."""

    id: str  # stable, URL-safe: the entity page is entities/<id>.html
    name: str
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    role: str = ""
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named: ``text[start:end]`` of paragraph ``paragraph``."""

    entity_id: str
    paragraph: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Article:
    source_file: str
    slug: str
    title: str | None
    title_derived: bool
    title_lang: str
    kicker: str | None
    subtitle: str | None
    section: str | None
    author: str | None
    dateline: str | None
    outlet: Outlet | None
    agency: Outlet | None
    date: DateValue
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    repairs: tuple[Repair, ...]
    word_count: int
    problems: tuple[Problem, ...] = ()
    raw_encoding: str = "utf-8"
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DatedMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    topic_hits: tuple[Mention, ...] = ()  # keyword mentions; entity_id is the topic id
    topics: tuple = ()  # topics.TopicScore, strongest first
    overridden: tuple[str, ...] = ()  # fields an editor set in content/articles/<name>.md
    # What extraction read from weak evidence, as (field, note in the editor's terms): check lists
    # the notes, and an override of the field settles its note.
    unsure: tuple[tuple[str, str], ...] = ()
    override_source: str = ""

    @property
    def publisher(self) -> Outlet | None:
        """Who published it: the outlet, or for wire copy whose outlet is unknown, the agency."""
        return self.outlet or self.agency


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet or agency the texts may name: built in, or from ``sources:`` in site.yaml."""

    name: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    agency: bool = False  # a wire agency (credited in datelines) rather than a publisher
    plain: bool = False  # its name is also an ordinary phrase ("سبق"): it counts only with a cue
    site: tuple[str, ...] = ()  # an agency's website names ("سبأنت"): credited so, the page is the agency's own
    countries: tuple[str, ...] = ()  # ISO codes of where it is based: an article's home when nothing else says

    def outlet(self) -> Outlet:
        return Outlet(self.name, self.name_en or None)


@dataclass(frozen=True, slots=True)
class Page:
    """A hand-written Markdown page from content/: metadata from front matter, HTML body."""

    source: str
    slug: str
    title: str
    html: str
    meta: dict = field(default_factory=dict)
    slug_line: int = 0  # the line of ``slug:`` in the file, when the front matter sets one
