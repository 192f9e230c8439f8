"""Whether cleaning a text leaves any letter: a file that would be left without one is refused.

    a file of the lines "----", "- 3 -" and "***"   →  "holds no letters (only separator lines, …)"
    a file with the line "شكـل العـراق" among them   →  None: letters are left

A file with no letter gives no word to build a page from, so the pipeline refuses it after
reading, like an empty file, instead of publishing an empty article. The check answers
without running the rules: it applies the same tests as fold_characters and drop_junk_lines
(the only rules that take letters out without keeping a copy), line by line, and stops at the
first line that keeps a letter.
"""
from __future__ import annotations

from ..model import Problem, RawDoc
from ..text import arabic
from .drop_junk_lines import junk_reason
from .fold_characters import tidy


def no_letters_problem(raw: RawDoc, shown: str) -> Problem | None:
    """A file that cleaning would leave without a single letter is refused like an empty one:
    not a word to build a page from."""
    if leaves_letters(raw.article_text):
        return None
    if raw.problems:  # no letter because the bytes are not text in any encoding we know
        return Problem(shown, f"holds no letters; it {raw.problems[0].message}", hint=raw.problems[0].hint)
    return Problem(shown, "holds no letters (only separator lines, punctuation, digits or invisible marks)",
                   hint="paste the article's text into it, or remove it")


def leaves_letters(text: str) -> bool:
    """Whether cleaning ``text`` leaves any letter: False for a file of separator lines,
    punctuation, digits, page numbers or invisible marks only. The same tests as
    ``fold_characters`` and ``drop_junk_lines`` (the only rules that take letters out without
    keeping a copy), line by line, stopping at the first line that keeps a letter."""
    for line in text.split("\n"):
        if arabic.has_letter_or_digit(line):
            folded = tidy(arabic.fold_presentation_forms(line))
            if not junk_reason(folded) and arabic.has_letter(folded):
                return True
    return False
