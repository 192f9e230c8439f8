"""Rule 7, join_wrapped_lines: hard-wrapped lines → paragraphs.

    "وقال الوزير في مؤتمر صحفي عقده في العاصمة إن المحادثات"
    "تناولت التعاون الأمني والاقتصادي."
    →  "وقال الوزير في مؤتمر صحفي عقده في العاصمة إن المحادثات تناولت التعاون الأمني والاقتصادي."

A PDF's text layer breaks a paragraph wherever the column ended. A line continues into the
next unless it ends a sentence, is much shorter than the document's wrap width (a heading or
a paragraph's last line), or either line has a role; a blank line inside a sentence (a page
break) is bridged only out of a full, unfinished line of a hard-wrapped text. It is its own
step because every earlier rule works on source lines (a duplicate, a junk line, a split
word, the header zone are all line-shaped) and every later one on paragraphs.
"""
from __future__ import annotations

from dataclasses import replace

from .draft import SENTENCE_END_RE, Draft, Line, wrap_width


def join_wrapped_lines(draft: Draft) -> Draft:
    """Hard-wrapped lines → paragraphs.

    A line continues into the next unless it ends a sentence, is much shorter than the
    document's wrap width (a heading or a paragraph's last line), or either has a role.
    A blank line inside a sentence (a PDF page break) is bridged when the line before it is
    full-width and unfinished.
    """
    width = wrap_width(draft.lines)
    wrapped = _is_hard_wrapped(draft.lines)
    out: list[Line] = []
    for ln in draft.lines:
        prev = out[-1] if out else None
        # The text's first line is never bridged over a blank line: no page ends after one line.
        if prev is not None and not (ln.gap_before and prev is out[0] and prev.first == prev.last == 1) \
                and _continues(prev, ln, width, wrapped):
            out[-1] = replace(prev, text=f"{prev.text} {ln.text}", last=ln.last)
        else:
            out.append(ln)
    return replace(draft, lines=tuple(out))


def _is_hard_wrapped(lines: tuple[Line, ...]) -> bool:
    """A text where some lines follow one another without a blank line (a PDF text layer),
    not one whose every line stands apart (a web page, or a text this cleaner wrote: so
    cleaning its own output joins nothing)."""
    return any(not ln.gap_before for ln in lines[1:])


def _continues(prev: Line, ln: Line, width: int, wrapped: bool) -> bool:
    if prev.role or ln.role or prev.lang != ln.lang or SENTENCE_END_RE.search(prev.text):
        return False
    full = len(prev.text) >= 0.75 * width
    if not full and not ln.gap_before and wrapped and _clause_left_open(prev.text):
        return True  # "أكد وزير الخارجية الكويتي، عبدالله" + "اليحيا، اليوم …": a heading has neither
    if ln.gap_before:
        # Bridging a blank line (a PDF page break): only out of a full, unfinished line of a
        # hard-wrapped text (narrow width), never between one-line paragraphs.
        return full and width <= 160 and wrapped
    return full


def _clause_left_open(text: str) -> bool:
    """A short line that stops inside its sentence: it has a comma ("… الكويتي، عبدالله") or
    opens a quote or bracket it does not close ("لـ«وكالة الأنباء")."""
    return "،" in text or text.count("«") > text.count("»") or text.count("(") > text.count(")")
