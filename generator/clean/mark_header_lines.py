"""Rule 6, mark_header_lines: the header zone above the first paragraph, and its bylines, dates and captions.

    "الحوار الاستراتيجي .."                 →  HEADER (provisional: sorted later into kicker, headline…)
    "زيارة الوزير لدمشق.. ماذا ينتظر من"
    "الولايات المتحدة؟"                    →  one HEADER line, the headline wrapped over two joined
    "كتبه سامر خليل"                        →  BYLINE
    "12 مارس 2022"                          →  DATE
    "… في صورة مركبة. (أ ف ب)"  (between paragraphs, alone)  →  CAPTION

The zone ends at the first line that reads like a paragraph (long, ending a sentence, or as
wide as the text's wrap width), but not before a byline or date printed in the first lines.
It is its own step because it must run before join_wrapped_lines: a headline and the lead
paragraph are often not separated by a blank line, and once roles are set the joiner never
merges a header line into the body. ``byline_name`` is also what the extract stage reads a
byline's author with.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Role
from ..text import arabic
from ..text.dates import is_date_line
from .draft import SENTENCE_END_RE, Draft, Line, content_words, word_count, wrap_width

# A body paragraph is long: the first one ends the header zone (headline, date, byline…).
BODY_MIN_WORDS = 12
# A full line of a hard-wrapped text has at least this many words.
FULL_LINE_MIN_WORDS = 8
# Bylines and date lines are looked for in the first lines only.
HEADER_MAX_LINES = 8
CAPTION_MIN_WORDS, CAPTION_MAX_WORDS = 4, 40
# A caption says who is in the picture in a phrase; clauses strung by commas are a paragraph
# closed by its source ("… بعد زعمها اكتشاف عدد منها، مدعية أنها … (ال بي سي)").
CAPTION_MAX_COMMAS = 2
# A headline ending like a sentence has at most this many words and shares this many with the lead below it.
LONG_HEADLINE_MAX_WORDS, HEADLINE_SHARED_WORDS = 22, 3

# "رياض سهيل-بغداد", "بغداد اليوم - بغداد", "خصب – العُمانية|": a name or outlet and a place,
# on a short line of its own, is a byline or a credit, never a headline.
NAME_AND_PLACE_RE = re.compile(r"^[^\s\-–—|:]+(?:\s[^\s\-–—|:]+)?\s*[-–—]\s*[^\s\-–—|:]+[\s|]*$")

# Bylines as Arabic papers print them: "كتبه سامر خليل", "بقلم: …", "| كتب …".
BYLINE_RE = re.compile(r"^(?:كتبه|كتبت|كتب|بقلم|إعداد|اعداد|تحرير)\s*[:：]?\s*(?P<name>[^|:：]{3,60}?)\s*$")

# A photo caption ends with its credit in brackets: "… في صورة مركبة. (أ ف ب)".
CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[^()]{1,30})\)\s*$")


def mark_header_lines(draft: Draft) -> Draft:
    """The header zone: the lines above the first paragraph, and at least through the byline
    or date line if one is printed near the top. Bylines, date lines and captions get their
    roles; the other header lines get the provisional role HEADER (sorted into kicker,
    headline, deck, section later), and a headline wrapped over two lines is joined
    ("… ماذا ينتظر من" + "الولايات المتحدة؟")."""
    width = wrap_width(draft.lines)
    lines = list(draft.lines)
    unsorted = [i for i, ln in enumerate(lines) if not ln.role]  # page furniture does not count
    top = unsorted[HEADER_MAX_LINES - 1] + 1 if len(unsorted) >= HEADER_MAX_LINES else len(lines)
    for i in range(top):
        if not lines[i].role:
            lines[i] = replace(lines[i], role=_header_line_role(lines[i]))
    last_meta = max((i for i in range(top) if lines[i].role in (Role.BYLINE, Role.DATE)), default=-1)
    end = next((i for i, ln in enumerate(lines) if i > last_meta and _is_body_like(ln, width)), None)
    if end is not None and _titles_next_paragraph(lines, end, width):
        end = next((i for i in range(end + 1, len(lines)) if not lines[i].role), None)  # the paragraph it titles
    if end is None:  # no paragraph long enough: only the first line can be a headline
        end = max(last_meta + 1, 1 if len(lines) > 1 else 0)
    out: list[Line] = []
    for ln in lines[:end]:
        ln = ln if ln.role else replace(ln, role=Role.HEADER)
        prev = out[-1] if out else None
        if prev is not None and prev.role == ln.role == Role.HEADER and _wrapped_headline(prev, ln, width):
            out[-1] = replace(prev, text=f"{prev.text} {ln.text}", last=ln.last)
        else:
            out.append(ln)
    rest = [ln if ln.role or not _is_caption(lines, i, end) else replace(ln, role=Role.CAPTION)
            for i, ln in enumerate(lines[end:], start=end)]
    return replace(draft, lines=tuple(out + rest))


def byline_name(text: str) -> str | None:
    """The author of a byline: "كتبه سامر خليل", "بقلم: ليلى حداد | 12 مارس 2022" → the name."""
    for segment in text.split("|"):
        match = BYLINE_RE.search(segment.strip())
        if match:
            return match["name"].strip(" ،,.")
    return None


def _is_body_like(ln: Line, width: int) -> bool:
    """A paragraph, not a title: a long Arabic line that ends a sentence, or a line that fills
    the wrap width of a hard-wrapped text. The header zone ends at the first one."""
    if ln.lang != "ar" or ln.role:
        return False
    words = word_count(ln.text)
    return ((words >= BODY_MIN_WORDS and SENTENCE_END_RE.search(ln.text) is not None)
            or (words >= FULL_LINE_MIN_WORDS and len(ln.text) >= 0.75 * width))


def _titles_next_paragraph(lines: list[Line], i: int, width: int) -> bool:
    """A long headline, not the lead: a line of headline length whose words the paragraph
    after it repeats ("الأمن يقتحم مقر وكالة تونس افريقيا للأنباء..!" above "داهمت قوات أمنية
    … مقر وكالة تونس افريقيا للأنباء")."""
    text = lines[i].text
    # The text's first line, standing alone, need not end like a sentence: a hard-wrapped text's
    # title fills the width of its paragraphs ("وزير الخارجية الكويتي: جهود مكثفة للإفراج …").
    alone_at_top = i == 0 and i + 1 < len(lines) and lines[i + 1].gap_before
    if word_count(text) > LONG_HEADLINE_MAX_WORDS or "،" in text or (
            SENTENCE_END_RE.search(text) is None and not alone_at_top):
        return False  # a lead has commas and more words; a headline has neither
    if i + 1 < len(lines) and lines[i + 1].role in (Role.CREDIT, Role.CAPTION):
        return True  # the picture and its credit come between a headline and its article, not after a lead
    after = _paragraph_after(lines, i)
    return (after is not None and (_is_body_like(after, width) or alone_at_top) and len(after.text) > 1.5 * len(text)
            and len(content_words(text) & content_words(after.text)) >= HEADLINE_SHARED_WORDS)


def _paragraph_after(lines: list[Line], i: int) -> Line | None:
    """The paragraph after line ``i``: its next unsorted line with the lines wrapped onto it."""
    rest = [ln for ln in lines[i + 1:] if not ln.role]
    if not rest:
        return None
    end = next((n for n, ln in enumerate(rest[1:], start=1) if ln.gap_before), len(rest))
    return replace(rest[0], text=" ".join(ln.text for ln in rest[:end]))


def _header_line_role(ln: Line) -> Role | None:
    if byline_name(ln.text) is not None or _is_name_and_place(ln.text):
        return Role.BYLINE
    if is_date_line(ln.text):
        return Role.DATE
    if CAPTION_CREDIT_RE.search(ln.text) and CAPTION_MIN_WORDS <= word_count(ln.text) <= CAPTION_MAX_WORDS \
            and _few_commas(ln.text):
        return Role.CAPTION
    return None


def _few_commas(text: str) -> bool:
    return text.count("،") + text.count(",") < CAPTION_MAX_COMMAS


def _is_name_and_place(text: str) -> bool:
    return NAME_AND_PLACE_RE.match(text.strip()) is not None and not any(ch.isdigit() for ch in text)


def _is_caption(lines: list[Line], i: int, header_end: int) -> bool:
    """A photo caption between paragraphs: a line standing alone, ending with its credit."""
    ln = lines[i]
    alone = ln.gap_before and (i + 1 == len(lines) or lines[i + 1].gap_before)
    match = CAPTION_CREDIT_RE.search(ln.text)
    return (alone and match is not None and CAPTION_MIN_WORDS <= word_count(ln.text) <= CAPTION_MAX_WORDS
            and len(match["credit"].split()) <= 4 and not ln.text[:match.start()].rstrip().endswith(("،", ","))
            and _few_commas(ln.text))


def _wrapped_headline(prev: Line, ln: Line, width: int) -> bool:
    """Is ``ln`` the rest of headline ``prev``? Only when ``prev`` stops mid-phrase (on a word
    like "من") or ``ln`` is a stub of a few words — not when both are whole lines."""
    if ln.gap_before or prev.lang != ln.lang or SENTENCE_END_RE.search(prev.text):
        return False
    last_word = arabic.matching_key(prev.text.split()[-1]) if prev.text.split() else ""
    return last_word in arabic.FUNCTION_WORDS or word_count(ln.text) <= 3
