"""The sentences statements are drawn from: each article's body cut into sentences with what
they carry (content words, people and organizations named, topic words, figures), how rare
those features are in the corpus (their weights), and how close two sentences are.
"""
from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..model import Article
from ..text import arabic

SIMILAR_SENTENCES = 0.28  # Jaccard of content words above which two sentences report one thing
PARAPHRASE_OVERLAP, PARAPHRASE_WORDS, PARAPHRASE_JACCARD = 0.35, 6, 0.15  # looser rewording
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 8, 70
PARTICIPANT_BONUS = 0.5  # the event's own participants weigh a little more in a sentence


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    article: Article
    paragraph: str
    words: frozenset[str]
    entities: frozenset[str]
    topics: frozenset[str]
    figures: frozenset[tuple[str, float]]  # (unit, value) of the figures it states
    lead: bool  # in the article's first paragraph


def _stems(text: str) -> frozenset[str]:
    """Content words without their proclitics, so "والقوات" and "القوات" count as one word."""
    return frozenset(stem for stem in map(_stem, arabic.tokens(text)) if stem)


@functools.lru_cache(maxsize=1 << 16)  # a corpus has far fewer distinct words than words
def _stem(token: str) -> str:
    """The token without its proclitic; "" for a function word, a number or a short token."""
    if len(token) <= 2 or token in arabic.FUNCTION_WORDS or token.isdigit():
        return ""
    variants = arabic.clitic_variants(token)
    return variants[1] if len(variants) > 1 else token


def _dateline_end(article: Article, text: str) -> int:
    """Where the lead's dateline ("واشنطن - (أ ف ب) - ") ends: a statement starts after it."""
    if not article.dateline:
        return 0
    dateline = rf"\s*{re.escape(article.dateline)}\s*[-–—]\s*"
    match = re.match(dateline + r"(?:\(?[^()\-–—]{1,25}\)?\s*[-–—]\s*)?", text)  # then "(agency) - "
    return match.end() if match else 0


def _sentences(article: Article) -> list[_Sentence]:
    out = []
    body = [p for p in article.paragraphs if p.role.is_body]
    mentions_in, hits_in, figures_in = defaultdict(list), defaultdict(list), defaultdict(list)
    for m in article.mentions:
        mentions_in[m.paragraph].append(m)
    for h in article.topic_hits:
        hits_in[h.paragraph].append(h)
    for f in article.figures:
        figures_in[f.paragraph].append(f)
    for index, paragraph in enumerate(body):
        mentions, hits, figures = mentions_in[paragraph.id], hits_in[paragraph.id], figures_in[paragraph.id]
        skip = _dateline_end(article, paragraph.text) if index == 0 else 0
        for start, end in arabic.sentence_spans(paragraph.text):
            start = max(start, skip)
            text = paragraph.text[start:end]
            count = len(text.split())
            if not MIN_SENTENCE_WORDS <= count <= MAX_SENTENCE_WORDS:
                continue
            words = _stems(text)
            out.append(_Sentence(
                text=text, article=article, paragraph=paragraph.id, words=words,
                entities=frozenset(m.entity_id for m in mentions if start <= m.start < end),
                topics=frozenset(h.entity_id for h in hits if start <= h.start < end),
                figures=frozenset((f.unit, f.value) for f in figures if f.text in text), lead=index == 0,
            ))
    return out


def _similar(a: _Sentence, b: _Sentence) -> bool:
    """Do two sentences report the same thing?"""
    return _closeness(a, b) is not None


def _closeness(a: _Sentence, b: _Sentence) -> float | None:
    """How close two sentences reporting the same thing are (shared words and figures over
    all their words), or None when they do not: same wording (most content words shared),
    or the same figure, or a looser paraphrase sharing many words."""
    return _closeness_of(a.words, b.words, a.figures, b.figures)


def _closeness_of(words: frozenset[str], other_words: frozenset[str], figures: frozenset, other_figures: frozenset,
                  ) -> float | None:
    """``_closeness`` of two sentences' words and figures (the echo search calls it millions of times)."""
    common = len(words & other_words)
    union = len(words) + len(other_words) - common
    shared_figures = len(figures & other_figures) if figures and other_figures else 0
    if not shared_figures:
        if not common:
            return None
        jaccard = common / union
        if jaccard < SIMILAR_SENTENCES and (jaccard < PARAPHRASE_JACCARD or common < PARAPHRASE_WORDS
                                            or common / min(len(words), len(other_words)) < PARAPHRASE_OVERLAP):
            return None
    return (common + shared_figures) / (union or 1)


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
