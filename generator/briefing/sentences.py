"""The sentences statements are drawn from: each article's body cut into sentences with what
they carry (content words, people and organizations named, topic words, figures), how rare
those features are in the corpus (their weights), and the keys they are compared by (``similarity``).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..model import Article, Paragraph
from ..text import arabic
from .similarity import Wording, wording
from .topical import LEADING_TOPIC_SCORE

MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 8, 70
LONG_PIECE_WORDS = 25  # a longer sentence is stated in pieces of about this many words
STATEMENT_BREAK_RE = re.compile(r"[؛;،,]\s+")
PARTICIPANT_BONUS = 0.5  # the event's own participants weigh a little more in a sentence


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    article: Article
    paragraph: str
    wording: Wording
    entities: frozenset[str]
    topics: frozenset[str]
    figures: frozenset[tuple[str, float]]  # (unit, value) of the figures it states
    lead: bool  # in the article's first paragraph
    opens_sentence: bool = True  # False for a later piece of a long sentence
    keywords: tuple[tuple[str, int], ...] = ()  # (topic, distinct keywords of it named here)
    topics_around: frozenset[str] = frozenset()  # topics of its paragraph beyond it, and leading its article

    @property
    def words(self) -> frozenset[str]:
        return self.wording.words


def _dateline_end(article: Article, text: str) -> int:
    """Where the lead's dateline ("واشنطن - (أ ف ب) - ") ends: a statement starts after it."""
    if not article.dateline:
        return 0
    dateline = rf"\s*{re.escape(article.dateline)}\s*[-–—]\s*"
    match = re.match(dateline + r"(?:\(?[^()\-–—]{1,25}\)?\s*[-–—]\s*)?", text)  # then "(agency) - "
    return match.end() if match else 0


def _sentences(article: Article, wordings: tuple[Wording, ...] | None = None) -> list[_Sentence]:
    """The article's statements; ``wordings``: their ``wordings_of``, worked out already (the
    pipeline keeps them per article between builds), else worked out here."""
    out = []
    mentions_in, hits_in = defaultdict(list), defaultdict(list)
    for m in article.mentions:
        mentions_in[m.paragraph].append(m)
    for h in article.topic_hits:
        hits_in[h.paragraph].append(h)
    leading = frozenset(t.id for t in article.topics if t.score >= LEADING_TOPIC_SCORE)
    spans = _spans(article)
    if wordings is None or len(wordings) != len(spans):
        wordings = tuple(wording(text, stated) for _i, _p, _s, _e, _o, text, stated in spans)
    for (index, paragraph, start, end, opens, text, stated), said in zip(spans, wordings):
        mentions, hits = mentions_in[paragraph.id], hits_in[paragraph.id]
        inside = [h for h in hits if start <= h.start < end]
        out.append(_Sentence(
            text=text, article=article, paragraph=paragraph.id, wording=said,
            entities=frozenset(m.entity_id for m in mentions if start <= m.start < end),
            topics=frozenset(h.entity_id for h in inside),
            figures=stated, lead=index == 0, opens_sentence=opens, keywords=_keywords_named(inside),
            topics_around=leading | {h.entity_id for h in hits if not start <= h.start < end},
        ))
    return out


def statement_texts(article: Article) -> tuple[tuple[str, tuple[tuple[str, float], ...]], ...]:
    """(text, figures it states) of each statement, in order: all its wording depends on, and
    so what the pipeline keeps its wordings by between builds (sorted: a stable key)."""
    return tuple((text, tuple(sorted(stated))) for _i, _p, _s, _e, _o, text, stated in _spans(article))


def wordings_of(texts: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]) -> tuple[Wording, ...]:
    """The ``similarity.wording`` of each of ``statement_texts``: the per-article part of the
    briefing's work, done in worker processes by the pipeline."""
    return tuple(wording(text, frozenset(figures)) for text, figures in texts)


def _spans(article: Article) -> list[tuple[int, Paragraph, int, int, bool, str, frozenset[tuple[str, float]]]]:
    """(body paragraph's index, paragraph, start, end, opens a sentence, text, figures stated) of
    each statement of the article."""
    figures_in = defaultdict(list)
    for f in article.figures:
        figures_in[f.paragraph].append(f)
    out = []
    for index, paragraph in enumerate(p for p in article.paragraphs if p.role.is_body):
        skip = _dateline_end(article, paragraph.text) if index == 0 else 0
        for start, end, opens in _statement_spans(paragraph.text):
            start = max(start, skip)
            text = paragraph.text[start:end]
            if MIN_SENTENCE_WORDS <= len(text.split()) <= MAX_SENTENCE_WORDS:
                stated = frozenset((f.unit, f.value) for f in figures_in[paragraph.id] if f.text in text)
                out.append((index, paragraph, start, end, opens, text, stated))
    return out


def _keywords_named(hits: list) -> tuple[tuple[str, int], ...]:
    """(topic, how many distinct keywords of it) among a sentence's keyword hits."""
    named: dict[str, set[str]] = defaultdict(set)
    for h in hits:
        named[h.entity_id].add(arabic.matching_key(h.surface))
    return tuple(sorted((topic, len(words)) for topic, words in named.items()))


def _statement_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opens a sentence) of the paragraph's statements: its sentences, and a sentence
    longer than ``MAX_SENTENCE_WORDS`` (facts run together with commas and semicolons) as its
    pieces, cut at the semicolon or comma past ``LONG_PIECE_WORDS`` words, so that each of its
    facts can be matched (its first piece may state them; a later one opens mid-sentence)."""
    out = []
    for start, end in arabic.sentence_spans(text):
        if len(text[start:end].split()) <= MAX_SENTENCE_WORDS:
            out.append((start, end, True))
            continue
        piece = start
        for cut in STATEMENT_BREAK_RE.finditer(text, start, end):
            if len(text[piece:cut.start()].split()) >= LONG_PIECE_WORDS:
                out.append((piece, cut.start() + 1, piece == start))
                piece = cut.end()
        out.append((piece, end, piece == start))
    return out


def _feature_weights(sentences: list[_Sentence], participants: frozenset[str]) -> dict[str, float]:
    """Rarer features weigh more (idf over the articles that carry them); the event's own
    participants a little more again."""
    carriers: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for f in _feature_keys(s):
            carriers[f].add(s.article.slug)
    n = len({s.article.slug for s in sentences}) or 1
    return {f: math.log(1 + n / len(slugs))
            + (PARTICIPANT_BONUS if f[2:] in participants and f.startswith("e:") else 0.0)
            for f, slugs in carriers.items()}


def _feature_keys(s: _Sentence) -> list[str]:
    return [f"e:{e}" for e in s.entities] + [f"t:{t}" for t in s.topics]
