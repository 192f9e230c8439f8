"""Rule 3, drop_junk_lines: lines with no letter or digit, and PDF page numbers, are taken out.

    "<--", "***", "|", "----", "ـــ ـ ـ", "━━━"  →  removed, "junk: a line with no letters or digits"
    "- 3 -", "صفحة 12", "3/12"                  →  removed, "page number"

It is its own step because it decides on a line alone, by its characters: nothing here needs
the line's neighbours or role. It runs after the split-word repair (which reads whole lines)
and before the duplicate check, so that a separator printed twice is counted as junk, not as a
duplicate. The blank line a page break leaves is carried to the next line and bridged later,
by join_wrapped_lines, when a sentence runs across it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Removal
from ..text import arabic
from .draft import Draft, carry_gaps

# "- 3 -", "12", "صفحة 4", "ص 4", "Page 7", "3/12": a PDF page number on a line of its own.
PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(?:(?:صفحة|ص|page|p\.)\s*)?[\d٠-٩]{1,3}(?:\s*/\s*[\d٠-٩]{1,3})?[-–—\s]*",
                            re.IGNORECASE)


def drop_junk_lines(draft: Draft) -> Draft:
    """Lines with no letter or digit at all ("<--", "***", "|") are navigation debris or
    separators ("----", "ـــ ـ ـ" in tatweel, "━━━", "____"); a line that is only a page number
    ("- 3 -", "صفحة 12") is a PDF page break. The blank line the page break leaves is bridged
    later when a sentence runs across it."""
    keep, junk = [], []
    for ln in draft.lines:
        reason = junk_reason(ln.text)
        if reason:
            junk.append(Removal(ln.text, reason, ln.first))
        else:
            keep.append(ln)
    return replace(draft, lines=carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(junk))


def junk_reason(text: str) -> str:
    """Why the line ``text`` is junk ("page number"…), or "" when it is not."""
    if not arabic.has_letter_or_digit(text):
        return "junk: a line with no letters or digits"
    if PAGE_NUMBER_RE.fullmatch(text):
        return "page number"
    return ""
