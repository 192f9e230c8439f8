"""Rule 8, drop_pull_quotes: a magazine's enlarged excerpt, printed again beside its paragraph, is read once.

    "الاستقرار في المنطقة يبدأ من بغداد ولا ينتهي عندها"   (a short passage on its own)
    …  "… وأضاف أن الاستقرار في المنطقة يبدأ من بغداد ولا ينتهي عندها، مشيرًا إلى …"  (line 14)
    →  the short passage removed, "pull quote repeating the paragraph at line 14"

A passage of six to forty words, at least 80% of whose words recur in a paragraph half again
as long, is a pull quote. It is its own step because it compares whole paragraphs, so it runs
after join_wrapped_lines (a quote split over source lines would match nothing), and it is not
drop_duplicate_lines because the quote is a part of the paragraph, not a copy of a line.
Header lines (a kicker often repeats the lead) have roles and are not candidates.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Removal
from ..text import arabic
from .draft import Draft, Line, carry_gaps

PULL_QUOTE_WORDS = (6, 40)  # a pull quote is a sentence or two
PULL_QUOTE_OVERLAP = 0.8  # share of its words found in the longer paragraph


def drop_pull_quotes(draft: Draft) -> Draft:
    """A short passage whose words nearly all recur in a longer paragraph of the same article
    is a pull quote (a magazine's enlarged excerpt): the reader gets it once, in place.
    Header lines (a kicker often repeats the lead) have roles and are not candidates."""
    keyed = [(ln, arabic.tokens(ln.text)) for ln in draft.lines]
    postings: dict[str, set[int]] = {}
    for index, (ln, words) in enumerate(keyed):
        if not ln.role:
            for word in set(words):
                postings.setdefault(word, set()).add(index)
    keep, removed = [], []
    for index, (ln, words) in enumerate(keyed):
        source = None if ln.role else _quoted_paragraph(index, words, keyed, postings)
        if source is None:
            keep.append(ln)
        else:
            removed.append(Removal(ln.text, f"pull quote repeating the paragraph at line {source.first}", ln.first))
    return replace(draft, lines=carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(removed))


def _quoted_paragraph(index: int, words: list[str], keyed: list, postings: dict[str, set[int]]) -> Line | None:
    if not PULL_QUOTE_WORDS[0] <= len(words) <= PULL_QUOTE_WORDS[1]:
        return None
    distinct = set(words)
    # Only paragraphs sharing the quote's rarest words can contain it: no all-pairs scan.
    rare = sorted(distinct, key=lambda w: len(postings.get(w, ())))[:3]
    candidates = set().union(*(postings.get(w, set()) for w in rare)) - {index}
    for other in sorted(candidates):
        ln, other_words = keyed[other]
        if len(other_words) >= 1.5 * len(words):
            shared = len(distinct & set(other_words)) / len(distinct)
            if shared >= PULL_QUOTE_OVERLAP:
                return ln
    return None
