"""Rule 4, drop_duplicate_lines: a line repeated word for word is kept once.

    line 3 "(أ ف ب) صورة من الاجتماع"  …  line 9 "(أ ف ب) صورة من الاجتماع"
    →  line 9 removed, "duplicate of line 3"

A caption, a date or a headline the page printed twice is read once. It is its own step
because it compares each line with all the lines before it, by matching key (spellings that
differ only in alef forms, ة/ه or diacritics are one line). It runs on the lines as the source
has them, before any are joined into paragraphs: a joined paragraph would never repeat a line
exactly.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Removal
from ..text import arabic
from .draft import Draft, carry_gaps

DUPLICATE_REASON = "duplicate of line "  # + the line kept; mark_furniture reads it


def drop_duplicate_lines(draft: Draft) -> Draft:
    """A line repeated word for word (a caption or date printed twice) is kept once."""
    seen: dict[str, int] = {}
    keep, removed = [], []
    for ln in draft.lines:
        key = arabic.matching_key(ln.text)
        if key in seen:
            removed.append(Removal(ln.text, f"{DUPLICATE_REASON}{seen[key]}", ln.first))
            continue
        seen[key] = ln.first
        keep.append(ln)
    return replace(draft, lines=carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(removed))
