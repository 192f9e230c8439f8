"""The draft every cleaning rule reads and returns: its lines, and the records of what was taken out or changed.

A ``Draft`` starts as the document's non-blank lines (``split_lines``) and goes through the
rules of ``cleaner.RULES`` in order; each returns a new one. A ``Line`` remembers the source
lines it came from, whether a blank line preceded it, and its role once a rule sets one.

The few pieces several rules share live here too: the sentence-end pattern, the word count,
the document's wrap width and the carrying of blank-line gaps over a dropped line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Container

from ..model import Removal, Repair, Role
from ..text import arabic

# A paragraph ends at a line that ends a sentence: ". ! ? ؟ … :" or a closing quote/bracket
# after one ('."', '.»'). Two dots ("..") end a kicker line: "الحوار الاستراتيجي ..".
SENTENCE_END_RE = re.compile(r"[.!?؟…:][\"'”»)\]]*$")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    first: int  # source line numbers this text came from
    last: int
    gap_before: bool  # a blank line precedes it in the source
    role: Role | None = None
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Draft:
    lines: tuple[Line, ...]
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    lexicon: Container[str] = frozenset()  # words attested in the corpus (see build_lexicon)
    doubts: tuple[str, ...] = ()  # what a rule could not settle, for the editor (check lists it)


# Content words shorter than this (after their clitics) say too little to tie two lines together.
CONTENT_WORD_MIN_LETTERS = 3


# A cleaning rule: a pure function from one draft to the next.
Rule = Callable[[Draft], Draft]


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text``, numbered from 1, each knowing whether a blank line preceded it."""
    lines, gap = [], True
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            gap = True
            continue
        lines.append(Line(line, number, number, gap))
        gap = False
    return tuple(lines)


def word_count(text: str) -> int:
    return len(text.split())


def carry_gaps(before: tuple[Line, ...], after: tuple[Line, ...]) -> tuple[Line, ...]:
    """After dropping lines, a kept line follows a gap if any dropped line before it did."""
    kept = {id(ln) for ln in after}
    out, gap = [], False
    for ln in before:
        gap = gap or ln.gap_before
        if id(ln) in kept:
            out.append(replace(ln, gap_before=gap))
            gap = False
    return tuple(out)


def wrap_width(lines: tuple[Line, ...]) -> int:
    """The typical length of a full line: high percentile of line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.role)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def content_words(text: str) -> set[str]:
    """A line's content words, without their clitics: what ties a headline to its lead."""
    words = set()
    for token in arabic.tokens(text):
        if token in arabic.FUNCTION_WORDS:
            continue
        stem = min(arabic.clitic_variants(token), key=len)
        if len(stem) >= CONTENT_WORD_MIN_LETTERS:
            words.add(stem)
    return words
