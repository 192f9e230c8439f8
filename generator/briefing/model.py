"""What the briefing stage gives: the ``Briefing`` and its parts, every one citing the paragraph
it was read from (``Citation``), and ``cite`` that makes a citation. A citation names the
article and the paragraph; the link to them is render's to make (``urls``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..display import source_label
from ..model import Article, DateValue, Entity


@dataclass(frozen=True, slots=True)
class Citation:
    slug: str
    paragraph: str
    source: str  # who published it (outlet, agency, or the article's title when neither is known)


@dataclass(frozen=True, slots=True)
class Statement:
    text: str
    source: Citation  # the paragraph that contains ``text`` verbatim
    also: tuple[Citation, ...] = ()  # other stories reporting the same
    score: float = 0.0

    @property
    def stories(self) -> int:
        return 1 + len(self.also)


@dataclass(frozen=True, slots=True)
class FigureRow:
    value: float
    unit: str
    texts: tuple[str, ...]  # as each source wrote it
    sources: tuple[Citation, ...]
    corroborated: bool  # reported by more than one story
    context: str = ""  # what it counts, in the first source's words (a clause of its paragraph)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateValue
    phase: str  # "context" (earlier events), "lead_up", "event", "after"
    text: str  # the clause that dates it, verbatim from the cited paragraph
    citation: Citation
    kind: str = "date"  # dates.DateMention kinds: "date", "year_end", "relative", "year"…
    label: str = ""  # the earlier event's name from site.yaml, for its own entry
    also: tuple[Citation, ...] = ()  # other articles dating the same happening on the same day


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    speaker: str | None
    text: str
    citation: Citation
    role: str = ""  # the speaker's role, when the people table knows the speaker


@dataclass(frozen=True, slots=True)
class TopicSection:
    id: str
    label: str
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]  # outlets covering it
    quotes: tuple[QuoteEntry, ...]
    figures: tuple[FigureRow, ...]
    articles: tuple[str, ...]  # slugs, strongest first


@dataclass(frozen=True, slots=True)
class Person:
    entity: Entity
    role: str
    mentions: int
    articles: int  # stories naming them: reprints of one story count once


@dataclass(frozen=True, slots=True)
class CoverageRow:
    slug: str
    title: str
    source: str
    story: str  # "" for the event, else the earlier event's name
    reprint_of: str  # slug of the story's first article, "" when it is the first
    scores: tuple[float, ...]  # one per topic, in the briefing's topic order


@dataclass(frozen=True, slots=True)
class Briefing:
    takeaways: tuple[Statement, ...]
    sections: tuple[TopicSection, ...]
    figures: tuple[FigureRow, ...]
    timeline: tuple[TimelineEntry, ...]
    people: tuple[Person, ...]
    coverage: tuple[CoverageRow, ...]
    quotes: tuple[QuoteEntry, ...]
    cooccurrence: tuple[tuple[str, str, int], ...]  # entity id pairs named in one paragraph
    context_articles: tuple[str, ...]  # slugs of articles about earlier events
    citations_by_article: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slug → section ids


def cite(article: Article, paragraph: str) -> Citation:
    """The citation of paragraph ``paragraph`` (an id: "p3") of ``article``."""
    return Citation(article.slug, paragraph, source_label(article))
