"""Clauses: the few words of a paragraph around a date or a figure, verbatim so they can be
cited (a timeline entry's text, what a figure counts).
"""
from __future__ import annotations

import re

from ..text import arabic

CLAUSE_MAX_WORDS = 25  # a timeline entry's text, at most
CLAUSE_BREAK_RE = re.compile(r"[،,؛;:]\s+|\s+[-–—]\s+")


def _clause_with(paragraph: str, words: str, max_words: int = CLAUSE_MAX_WORDS) -> str:
    """The clause of ``paragraph`` that contains ``words``, verbatim so it can be cited: the
    sentence, cut at commas when it is long, then to ``max_words`` words around ``words``."""
    for start, end in arabic.sentence_spans(paragraph):
        sentence = paragraph[start:end]
        if words not in sentence:
            continue
        if len(sentence.split()) <= max_words:
            return sentence
        at, cut, clause = sentence.index(words), 0, None
        for m in CLAUSE_BREAK_RE.finditer(sentence):
            if m.start() >= at + len(words):
                clause = sentence[cut:m.start()]
                break
            cut = m.end()
        clause = clause if clause is not None else sentence[cut:]
        return _words_around(clause, words, max_words)
    return paragraph


def _words_around(text: str, words: str, max_words: int) -> str:
    """At most ``max_words`` whole words of ``text`` around ``words`` (a third before it)."""
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) <= max_words:
        return text
    at = text.index(words)
    first = next(n for n, t in enumerate(tokens) if t.end() > at)
    start = max(0, min(first - max_words // 3, len(tokens) - max_words))
    chosen = tokens[start:start + max_words]
    return text[chosen[0].start():chosen[-1].end()]
