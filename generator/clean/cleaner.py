"""``RawDoc`` → ``CleanDoc``: lines repaired, joined into paragraphs, each given a role.

The cleaner is a table of rules (``RULES``) applied in order to a ``Draft``, like
markdown-it's core chain. Each rule is a pure function ``Draft -> Draft`` and records every
character it takes out (``Removal``) or changes (``Repair``) with a reason, so the cleaned
document plus the records always account for the whole input.

Each block gets a ``Role`` (``model.Role`` lists them); a line's role is None until a rule
sets it, and ``Role.HEADER`` is provisional between mark_header_lines and assign_remaining_roles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Container

from ..model import Block, CleanDoc, Problem, RawDoc, Removal, Repair, Role
from ..text import arabic
from ..text.dates import is_date_line

# A paragraph ends at a line that ends a sentence: ". ! ? ؟ … :" or a closing quote/bracket
# after one ('."', '.»'). Two dots ("..") end a kicker line: "الحوار الاستراتيجي ..".
SENTENCE_END_RE = re.compile(r"[.!?؟…:][\"'”»)\]]*$")

# A body paragraph is long: the first one ends the header zone (headline, date, byline…).
BODY_MIN_WORDS = 12
# A full line of a hard-wrapped text has at least this many words.
FULL_LINE_MIN_WORDS = 8
# Bylines and date lines are looked for in the first lines only.
HEADER_MAX_LINES = 8
CAPTION_MIN_WORDS, CAPTION_MAX_WORDS = 4, 40
# A heading is a short line standing alone between paragraphs: "حاجات عراقية".
HEADING_MAX_WORDS = 8

# Bylines as Arabic papers print them: "كتبه سامر خليل", "بقلم: …", "| كتب …".
BYLINE_RE = re.compile(r"^(?:كتبه|كتبت|كتب|بقلم|إعداد|اعداد|تحرير)\s*[:：]?\s*(?P<name>[^|:：]{3,60}?)\s*$")

# A photo caption ends with its credit in brackets: "… في صورة مركبة. (أ ف ب)".
CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[^()]{1,30})\)\s*$")

# Publisher text in Latin script that is never the article: disclaimers and link labels.
BOILERPLATE_RE = re.compile(
    r"about this publication|all rights reserved|click here|copyright|©|is an independent|"
    r"opinions (?:are|expressed)|newsletter|subscribe|terms of (?:use|service)|privacy policy",
    re.IGNORECASE,
)

# Arabic publisher furniture, recognised only on short lines (a sentence that mentions
# "جميع الحقوق" inside an article is not furniture): "جميع الحقوق محفوظة ©", "اقرأ أيضاً: …",
# "تابعونا على تويتر", "شارك هذا المقال", "للاشتراك في النشرة".
ARABIC_BOILERPLATE_RE = re.compile(
    r"^(?:جميع الحقوق محفوظة|حقوق (?:النشر|الطبع) محفوظة|اقرأ أيضا|اقرأ ايضا|إقرأ أيضا|تابعونا|تابعوا|"
    r"شارك(?:وا)? (?:هذا|المقال|الخبر)|للاشتراك|اشترك في|حمّ?ل تطبيق)"
)
ARABIC_BOILERPLATE_MAX_WORDS = 12
# A wire service's staff credits, in brackets on a line of their own:
# "(تغطية صحفية أحمد رشيد - إعداد محمد علي للنشرة العربية - تحرير سها جادو)".
STAFF_CREDITS_RE = re.compile(r"^\((?:تغطية|إعداد|اعداد|تحرير|شارك في|ترجمة)[^()]{0,200}\)$")

# "- 3 -", "12", "صفحة 4", "ص 4", "Page 7", "3/12": a PDF page number on a line of its own.
PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(?:(?:صفحة|ص|page|p\.)\s*)?[\d٠-٩]{1,3}(?:\s*/\s*[\d٠-٩]{1,3})?[-–—\s]*",
                            re.IGNORECASE)
SPACES_RE = re.compile(r"[ \t\f\v]+")


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


def clean(raw: RawDoc, lexicon: Container[str] = frozenset()) -> CleanDoc:
    """Clean one document. ``lexicon`` (from ``build_lexicon`` over the whole corpus) lets the
    split-word rule tell a broken word from a real one; without it that rule only joins
    bound suffixes."""
    draft = Draft(split_lines(raw.article_text), lexicon=lexicon)
    for _name, rule in RULES:
        draft = rule(draft)
    blocks = tuple(Block(ln.text, ln.role or Role.BODY, ln.lang, (ln.first, ln.last)) for ln in draft.lines)
    return CleanDoc(raw.source, blocks, draft.removed, draft.repairs)


def build_lexicon(texts) -> frozenset[str]:
    """Words attested in the corpus, as matching keys, with their clitic-free readings.

    Only words inside a line count: the first and last word of a line are exactly where PDF
    extraction leaves fragments ("يارة" … "ز"), so they cannot vouch for themselves.
    """
    words: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            for token in arabic.tokens(line)[1:-1]:
                words.update(arabic.clitic_variants(token))
    return frozenset(words)


def split_lines(text: str) -> tuple[Line, ...]:
    lines, gap = [], True
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            gap = True
            continue
        lines.append(Line(line, number, number, gap))
        gap = False
    return tuple(lines)


# --- rules -------------------------------------------------------------------------------


def fold_characters(draft: Draft) -> Draft:
    """Presentation forms → letters, tatweel and invisible marks out, spaces tidied.

    "شكـل العـراق" → "شكل العراق" (tatweel recorded once per line with its count). A line
    with no letter or digit ("ـــ ـ ـ", "----") is left as it is, for ``drop_junk_lines``.
    """
    lines, removed, repairs = [], list(draft.removed), list(draft.repairs)
    for ln in draft.lines:
        text = ln.text
        if not arabic.has_letter_or_digit(text):  # "ـــ ـ ـ" like "----": drop_junk_lines takes it whole
            lines.append(ln)
            continue
        folded = arabic.fold_presentation_forms(text)
        if folded != text:
            repairs.append(Repair(text, folded, "presentation forms mapped to base letters", ln.first))
        unmarked = arabic.INVISIBLE_MARKS_RE.sub("", folded)  # in fold_for_display's order
        tatweel = unmarked.count(arabic.TATWEEL) - arabic.remove_tatweel(unmarked).count(arabic.TATWEEL)
        if tatweel:
            removed.append(Removal(arabic.TATWEEL * tatweel, "tatweel (justification stroke)", ln.first))
        marks = "".join(arabic.INVISIBLE_MARKS_RE.findall(folded))
        if marks:
            removed.append(Removal(marks, "invisible direction or zero-width marks", ln.first))
        text = SPACES_RE.sub(" ", arabic.fold_for_display(folded)).strip()
        lines.append(replace(ln, text=text, lang=arabic.script_of(text)))
    return replace(draft, lines=tuple(lines), removed=tuple(removed), repairs=tuple(repairs))


def repair_split_words(draft: Draft) -> Draft:
    """Rejoin a word that PDF extraction split across a line end and swapped.

    The word's head is left at the END of the line, its rest at the START of the same line:
    "يارة الوزير لدمشق.. ماذا ينتظر من ز" → "زيارة الوزير لدمشق.. ماذا ينتظر من";
    "ارة … من جهة، ي ز" → "زيارة …"; "ية الحالة … بسبب مركز" → "مركزية الحالة … بسبب".
    Joined only when the line's first word is not itself attested, and either the joined
    word is attested in the corpus or the first word is a suffix that never stands alone.
    """
    lines, repairs = [], list(draft.repairs)
    for ln in draft.lines:
        text, repair = _rejoin_split_word(ln.text, draft.lexicon)
        if repair:
            repairs.append(replace(repair, line=ln.first))
        lines.append(replace(ln, text=text) if repair else ln)
    return replace(draft, lines=tuple(lines), repairs=tuple(repairs))


def drop_junk_lines(draft: Draft) -> Draft:
    """Lines with no letter or digit at all ("<--", "***", "|") are navigation debris or
    separators ("----", "ـــ ـ ـ" in tatweel, "━━━", "____"); a line that is only a page number
    ("- 3 -", "صفحة 12") is a PDF page break. The blank line the page break leaves is bridged
    later when a sentence runs across it."""
    keep, junk = [], []
    for ln in draft.lines:
        reason = _junk_reason(ln.text)
        if reason:
            junk.append(Removal(ln.text, reason, ln.first))
        else:
            keep.append(ln)
    return replace(draft, lines=_carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(junk))


def _junk_reason(text: str) -> str:
    if not arabic.has_letter_or_digit(text):
        return "junk: a line with no letters or digits"
    if PAGE_NUMBER_RE.fullmatch(text):
        return "page number"
    return ""


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
            folded = SPACES_RE.sub(" ", arabic.fold_for_display(arabic.fold_presentation_forms(line))).strip()
            if not _junk_reason(folded) and arabic.has_letter(folded):
                return True
    return False


def drop_duplicate_lines(draft: Draft) -> Draft:
    """A line repeated word for word (a caption or date printed twice) is kept once."""
    seen: dict[str, int] = {}
    keep, removed = [], []
    for ln in draft.lines:
        key = arabic.matching_key(ln.text)
        if key in seen:
            removed.append(Removal(ln.text, f"duplicate of line {seen[key]}", ln.first))
            continue
        seen[key] = ln.first
        keep.append(ln)
    return replace(draft, lines=_carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(removed))


def mark_boilerplate(draft: Draft) -> Draft:
    """Publisher text is boilerplate: shown apart, never as body. That is Latin-script text
    after the article's last Arabic line or matching a disclaimer phrase, and short Arabic
    lines of site furniture ("جميع الحقوق محفوظة", "اقرأ أيضاً: …")."""
    last_arabic = max((i for i, ln in enumerate(draft.lines) if ln.lang == "ar"), default=-1)
    lines = tuple(replace(ln, role=Role.BOILERPLATE) if _is_boilerplate(ln, i, last_arabic) else ln
                  for i, ln in enumerate(draft.lines))
    return replace(draft, lines=lines)


def _is_boilerplate(ln: Line, index: int, last_arabic: int) -> bool:
    if ln.lang == "en":
        return last_arabic >= 0 and (index > last_arabic or BOILERPLATE_RE.search(ln.text) is not None)
    text = arabic.strip_diacritics(ln.text)
    return ln.lang == "ar" and (STAFF_CREDITS_RE.match(text) is not None or (
        _word_count(text) <= ARABIC_BOILERPLATE_MAX_WORDS and ARABIC_BOILERPLATE_RE.search(text) is not None))


def mark_header_lines(draft: Draft) -> Draft:
    """The header zone: the lines above the first paragraph, and at least through the byline
    or date line if one is printed near the top. Bylines, date lines and captions get their
    roles; the other header lines get the provisional role HEADER (sorted into kicker,
    headline, deck, section later), and a headline wrapped over two lines is joined
    ("… ماذا ينتظر من" + "الولايات المتحدة؟")."""
    width = _wrap_width(draft.lines)
    lines = list(draft.lines)
    top = min(len(lines), HEADER_MAX_LINES)
    for i in range(top):
        if not lines[i].role:
            lines[i] = replace(lines[i], role=_header_line_role(lines[i]))
    last_meta = max((i for i in range(top) if lines[i].role in (Role.BYLINE, Role.DATE)), default=-1)
    end = next((i for i, ln in enumerate(lines) if i > last_meta and _is_body_like(ln, width)), None)
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


def join_wrapped_lines(draft: Draft) -> Draft:
    """Hard-wrapped lines → paragraphs.

    A line continues into the next unless it ends a sentence, is much shorter than the
    document's wrap width (a heading or a paragraph's last line), or either has a role.
    A blank line inside a sentence (a PDF page break) is bridged when the line before it is
    full-width and unfinished.
    """
    width = _wrap_width(draft.lines)
    wrapped = _is_hard_wrapped(draft.lines)
    out: list[Line] = []
    for ln in draft.lines:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, ln, width, wrapped):
            out[-1] = replace(prev, text=f"{prev.text} {ln.text}", last=ln.last)
        else:
            out.append(ln)
    return replace(draft, lines=tuple(out))


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
    return replace(draft, lines=_carry_gaps(draft.lines, tuple(keep)), removed=draft.removed + tuple(removed))


def assign_remaining_roles(draft: Draft) -> Draft:
    """Header lines become kicker / headline / deck / section by position; other lines are
    headings or body."""
    lines = list(draft.lines)
    header = [i for i, ln in enumerate(lines) if ln.role == Role.HEADER]
    for i, role in zip(header, _header_roles(lines, header)):
        lines[i] = replace(lines[i], role=role)
    for i, ln in enumerate(lines):
        if not ln.role:
            lines[i] = replace(ln, role=Role.HEADING if _is_heading(lines, i) else Role.BODY)
    return replace(draft, lines=tuple(lines))


RULES: tuple[tuple[str, Callable[[Draft], Draft]], ...] = (
    ("fold_characters", fold_characters),
    ("repair_split_words", repair_split_words),
    ("drop_junk_lines", drop_junk_lines),
    ("drop_duplicate_lines", drop_duplicate_lines),
    ("mark_boilerplate", mark_boilerplate),
    ("mark_header_lines", mark_header_lines),
    ("join_wrapped_lines", join_wrapped_lines),
    ("drop_pull_quotes", drop_pull_quotes),
    ("assign_remaining_roles", assign_remaining_roles),
)


# --- helpers -----------------------------------------------------------------------------


# Arabic suffixes that are never words by themselves (as matching keys): "ية", "ات", "ين"…
BOUND_SUFFIXES = frozenset(arabic.matching_key(s) for s in (
    "ية", "يات", "ات", "ون", "ين", "تين"))
# A fragment left at a line's end is a letter or a few: "ز", "الز", "مركز".
MAX_FRAGMENT_LETTERS = 6
# Letters only: a piece with a kept tatweel is an abbreviation ("هـ"), never half a word.
ARABIC_WORD_RE = re.compile(r"[\u0621-\u063f\u0641-\u064a\u0670\u0671]+")


def _rejoin_split_word(text: str, lexicon: Container[str]) -> tuple[str, Repair | None]:
    words = text.split(" ")
    head = words[0]
    if len(words) < 3 or not ARABIC_WORD_RE.fullmatch(head):
        return text, None
    head_key = arabic.matching_key(head)
    if head_key in lexicon or head_key in arabic.FUNCTION_WORDS:  # "ما زالت…" is not "فيما"
        return text, None
    for k in (2, 1):  # "ي ز" (two one-letter pieces, reversed) before "ز"
        tail = words[-k:]
        if not all(ARABIC_WORD_RE.fullmatch(w) and len(w) <= (2 if k == 2 else MAX_FRAGMENT_LETTERS)
                   for w in tail):
            continue
        joined = "".join(reversed(tail)) + head
        attested = arabic.matching_key(joined) in lexicon
        if attested or (k == 1 and head_key in BOUND_SUFFIXES and len(tail[0]) >= 2):
            why = "the joined word is attested in the corpus" if attested else f"'{head}' never stands alone"
            return (" ".join([joined] + words[1:-k]),
                    Repair(f"{head} {' '.join(tail)}", joined,
                           f"split word rejoined: '{' '.join(tail)}' (line end) + '{head}' (line start); {why}"))
    return text, None


PULL_QUOTE_WORDS = (6, 40)  # a pull quote is a sentence or two
PULL_QUOTE_OVERLAP = 0.8  # share of its words found in the longer paragraph


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


def _word_count(text: str) -> int:
    return len(text.split())


def _carry_gaps(before: tuple[Line, ...], after: tuple[Line, ...]) -> tuple[Line, ...]:
    """After dropping lines, a kept line follows a gap if any dropped line before it did."""
    kept = {id(ln) for ln in after}
    out, gap = [], False
    for ln in before:
        gap = gap or ln.gap_before
        if id(ln) in kept:
            out.append(replace(ln, gap_before=gap))
            gap = False
    return tuple(out)


def _is_body_like(ln: Line, width: int) -> bool:
    """A paragraph, not a title: a long Arabic line that ends a sentence, or a line that fills
    the wrap width of a hard-wrapped text. The header zone ends at the first one."""
    if ln.lang != "ar" or ln.role:
        return False
    words = _word_count(ln.text)
    return ((words >= BODY_MIN_WORDS and SENTENCE_END_RE.search(ln.text) is not None)
            or (words >= FULL_LINE_MIN_WORDS and len(ln.text) >= 0.75 * width))


def _header_line_role(ln: Line) -> Role | None:
    if byline_name(ln.text) is not None:
        return Role.BYLINE
    if is_date_line(ln.text):
        return Role.DATE
    if CAPTION_CREDIT_RE.search(ln.text) and _word_count(ln.text) >= 4:
        return Role.CAPTION
    return None


def _is_caption(lines: list[Line], i: int, header_end: int) -> bool:
    """A photo caption between paragraphs: a line standing alone, ending with its credit."""
    ln = lines[i]
    alone = ln.gap_before and (i + 1 == len(lines) or lines[i + 1].gap_before)
    match = CAPTION_CREDIT_RE.search(ln.text)
    return (alone and match is not None and CAPTION_MIN_WORDS <= _word_count(ln.text) <= CAPTION_MAX_WORDS
            and len(match["credit"].split()) <= 4 and not ln.text[:match.start()].rstrip().endswith(("،", ",")))


def _wrapped_headline(prev: Line, ln: Line, width: int) -> bool:
    """Is ``ln`` the rest of headline ``prev``? Only when ``prev`` stops mid-phrase (on a word
    like "من") or ``ln`` is a stub of a few words — not when both are whole lines."""
    if ln.gap_before or prev.lang != ln.lang or SENTENCE_END_RE.search(prev.text):
        return False
    last_word = arabic.matching_key(prev.text.split()[-1]) if prev.text.split() else ""
    return last_word in arabic.FUNCTION_WORDS or _word_count(ln.text) <= 3


def byline_name(text: str) -> str | None:
    """The author of a byline: "كتبه سامر خليل", "بقلم: ليلى حداد | 12 مارس 2022" → the name."""
    for segment in text.split("|"):
        match = BYLINE_RE.search(segment.strip())
        if match:
            return match["name"].strip(" ،,.")
    return None


def _wrap_width(lines: tuple[Line, ...]) -> int:
    """The typical length of a full line: high percentile of line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.role)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _is_hard_wrapped(lines: tuple[Line, ...]) -> bool:
    """A text where some lines follow one another without a blank line (a PDF text layer),
    not one whose every line stands apart (a web page, or a text this cleaner wrote: so
    cleaning its own output joins nothing)."""
    return any(not ln.gap_before for ln in lines[1:])


def _continues(prev: Line, ln: Line, width: int, wrapped: bool) -> bool:
    if prev.role or ln.role or prev.lang != ln.lang or SENTENCE_END_RE.search(prev.text):
        return False
    full = len(prev.text) >= 0.75 * width
    if ln.gap_before:
        # Bridging a blank line (a PDF page break): only out of a full, unfinished line of a
        # hard-wrapped text (narrow width), never between one-line paragraphs.
        return full and width <= 160 and wrapped
    return full


def _header_roles(lines: list[Line], header: list[int]) -> list[Role]:
    """Header lines in order. A first line of one to three words that does not end like a
    kicker is a section label. When Arabic and English titles both appear, the first Arabic
    one is the headline (the English one is the original's title, kept as kicker or deck).
    Otherwise: one line is the headline; two are kicker + headline when the first ends like a
    kicker ("..", ":") or else headline + deck; three or more are kicker, headline, deck…"""
    rest = list(header)
    roles: list[Role] = []
    first = lines[rest[0]].text if rest else ""
    if len(rest) >= 2 and _word_count(first) <= 3 and not first.endswith(KICKER_ENDINGS):
        roles.append(Role.SECTION)
        rest = rest[1:]
    if not rest:
        return roles
    arabic_lines = [n for n, i in enumerate(rest) if lines[i].lang == "ar"]
    if arabic_lines and len(arabic_lines) < len(rest):
        head = arabic_lines[0]
        return roles + [Role.KICKER if n < head else Role.HEADLINE if n == head else Role.DECK for n in range(len(rest))]
    if len(rest) == 1:
        return roles + [Role.HEADLINE]
    if len(rest) == 2:
        return roles + ([Role.KICKER, Role.HEADLINE] if lines[rest[0]].text.endswith(KICKER_ENDINGS)
                        else [Role.HEADLINE, Role.DECK])
    return roles + [Role.KICKER, Role.HEADLINE] + [Role.DECK] * (len(rest) - 2)


KICKER_ENDINGS = ("..", ":", "…", "：")


def _is_heading(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if _word_count(ln.text) > HEADING_MAX_WORDS or ln.lang != "ar" or i + 1 >= len(lines):
        return False
    if ln.text.endswith((".", "،", ",", "!", ":")):
        return False
    nxt, prev = lines[i + 1], lines[i - 1] if i else None
    return nxt.role in (None, Role.BODY) and (prev is None or SENTENCE_END_RE.search(prev.text) is not None
                                              or prev.role not in (None, Role.BODY))
