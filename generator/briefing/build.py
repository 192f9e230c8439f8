"""The briefing as data: built from the corpus and ``site.yaml``, never from prose we wrote.

Every statement is a sentence quoted verbatim from one paragraph (its ``source`` citation),
and lists the paragraphs of *other stories* that report the same thing (``also``). A story
is a reprint group, so wire copy carried by three outlets counts once. Statements state the
corpus's facts (``facts``: a sentence with the closest sentence of every other story, told
apart by ``similarity``), the facts most stories report first, each story weighed by its
kind (``corpus.kinds``: a report after the event over a preview).

The parts are built in their own modules: ``sentences``, ``similarity``, ``facts``,
``standalone`` and ``statements`` (the takeaways and each topic's statements), ``timeline``,
``tables`` (figures, people, coverage, quotes, co-occurrence); ``model`` holds the values they give.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from ..config.site import Config
from ..corpus.analysis import Corpus
from ..corpus.kinds import WEIGHT as KIND_WEIGHT
from ..model import Article
from .model import Briefing, Person, TopicSection, cite
from .quotes import quote_entries, quote_units
from .statements import _Pool, _statement_pool
from .tables import _cooccurrence, _coverage, _figure_in_topic, _figure_rows, _people, _strongest_quotes
from .timeline import _strongest_dates, _timeline

TAKEAWAYS, TAKEAWAYS_MOST = 6, 10  # at least; up to the most when more facts are widely reported
WIDELY_REPORTED = 3  # stories reporting a fact that make it a takeaway
STATEMENTS_PER_TOPIC = 4
# A briefing is read in minutes whatever the corpus size: each list keeps its strongest items
# (all of them stay on the topic, entity and article pages).
FIGURE_ROWS, TOPIC_FIGURES = 20, 6
TIMELINE_ENTRIES = 30
QUOTES, TOPIC_QUOTES = 12, 3
PEOPLE = 30


def build_briefing(corpus: Corpus, config: Config, wordings: Mapping | None = None) -> Briefing:
    """``wordings``: slug → its statements' wordings, when the pipeline has them already
    (``sentences.wordings_of``, kept per article between builds)."""
    articles = list(corpus.articles)
    story_of = {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in articles}
    event_articles = [a for a in articles if not corpus.story[a.slug]]
    participants = corpus.participants
    pool = _statement_pool(event_articles, story_of, participants,
                           {a.slug: KIND_WEIGHT[corpus.kind[a.slug]] for a in event_articles}, wordings)
    takeaways = pool.pick(min(TAKEAWAYS_MOST, max(TAKEAWAYS, pool.reported_by(WIDELY_REPORTED))))
    people = _people(articles, corpus.entities, participants, story_of)
    # the topics the texts speak of least draw their statements first: a statement on two
    # topics then goes to the one that has few, not to the one that has many already
    scarce_first = sorted(config.topics, key=lambda t: pool.sentences_on[t.id])
    drawn = {t.id: _section(t, pool, corpus) for t in scarce_first}
    sections = [drawn[t.id] for t in config.topics]
    # each quote once on the page: not as a quote when a statement shows its sentence, in the
    # quotes section first (its strongest), in one topic section at most
    units = {a.slug: quote_units(a) for a in event_articles}
    shown = [s.text for s in takeaways] + [s.text for section in sections for s in section.statements]
    quotes = _strongest_quotes(quote_entries(event_articles, units, people, shown), people, QUOTES)
    shown += [q.text for q in quotes]
    sections = [_with_quotes(section, corpus, units, people, shown) for section in sections]
    briefing = Briefing(
        takeaways=takeaways,
        sections=tuple(s for s in sections if s.statements or s.articles),
        figures=_figure_rows(event_articles, story_of)[:FIGURE_ROWS],
        timeline=_strongest_dates(_timeline(articles, corpus, config), config, TIMELINE_ENTRIES),
        people=people[:PEOPLE],
        coverage=_coverage(articles, corpus, config),
        quotes=quotes,
        cooccurrence=_cooccurrence(articles),
        context_articles=tuple(a.slug for a in articles if corpus.story[a.slug]),
    )
    return _with_backlinks(briefing)


def _section(topic, pool: _Pool, corpus: Corpus) -> TopicSection:
    """A topic's statements are the best-ranked sentences with its keywords not stated
    already; its articles come from every article's topic scores, earlier context included."""
    statements = pool.pick(STATEMENTS_PER_TOPIC, topic.id)
    scored = _articles_on(corpus, topic.id)
    event = [a for _, a in scored if not corpus.story[a.slug]]
    return TopicSection(
        id=topic.id, label=topic.label, statements=statements,
        sources=tuple(dict.fromkeys(cite(a, "p1").source for a in event)),
        quotes=(),
        figures=_figure_rows(event, {a.slug: corpus.reprint_of.get(a.slug, a.slug) for a in event},
                             keep=lambda a, f: _figure_in_topic(a, f, topic.id))[:TOPIC_FIGURES],
        articles=tuple(a.slug for _, a in scored),
    )


def _with_quotes(section: TopicSection, corpus: Corpus, units: dict, people: tuple[Person, ...],
                 shown: list[str]) -> TopicSection:
    """The section with the quotes of its topic's paragraphs not shown already (``shown`` grows)."""
    scored = _articles_on(corpus, section.id)
    event = [a for _, a in scored if not corpus.story[a.slug]]
    in_topic = {(a.slug, p) for _, a in scored for t in a.topics if t.id == section.id for p in t.paragraphs}
    quotes = _strongest_quotes(quote_entries(event, units, people, shown,
                                             keep=lambda a, q: (a.slug, q.paragraph) in in_topic), people, TOPIC_QUOTES)
    shown += [q.text for q in quotes]
    return replace(section, quotes=quotes)


def _articles_on(corpus: Corpus, topic: str) -> list[tuple[float, Article]]:
    """(score, article) of the articles on the topic, strongest first."""
    return sorted(((t.score, a) for a in corpus.articles for t in a.topics if t.id == topic),
                  key=lambda x: (-x[0], x[1].slug))


def _with_backlinks(b: Briefing) -> Briefing:
    cited: dict[str, list[str]] = defaultdict(list)

    def note(section: str, citations) -> None:
        for c in citations:
            if section not in cited[c.slug]:
                cited[c.slug].append(section)

    for s in b.takeaways:
        note("takeaways", (s.source, *s.also))
    for section in b.sections:
        for s in section.statements:
            note(f"topic-{section.id}", (s.source, *s.also))
    for row in b.figures:
        note("figures", row.sources)
    for entry in b.timeline:
        note("timeline", (entry.citation,))
    for q in b.quotes:
        note("quotes", (q.citation,))
    return replace(b, citations_by_article={k: tuple(v) for k, v in sorted(cited.items())})
