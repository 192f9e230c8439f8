"""Where the article ends and the page goes on with other stories: from there on, lines are links.

A page copied whole runs past the article's last paragraph into the site's other stories. Each
of these says the article has ended (the first that applies, after the article's first
paragraph):

* the next story opens with this one's credit line ("بغداد اليوم - بغداد أعربت …" under
  "بغداد اليوم - بغداد"), as listing pages print every story;
* a source line closes the article ("المصدر: موقع "راديو سوا"") and paragraphs follow it;
* a new headline in two scripts, an Arabic line and its English translation below it, as a
  bilingual site heads each story ("خليفة يؤدي اليمين …" / "Khalifa takes the legal oath …");
* a sign-off, the outlet's name or a word alone after the last paragraph ("سيريانيوز"),
  followed only by headline-long lines: the site's links to other stories;
* a page stored only in part ends inside the next story's headline: a last line of its own,
  headline-long, that opens no continuation and stops inside a word ("الملك يدين التفجير
  الإرهابي في أحد م").

Nothing is removed: the lines become RELATED and stay in the accounting.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Role
from ..text import arabic
from .draft import SENTENCE_END_RE, Line, word_count

SOURCE_LINE_OPENINGS = tuple(arabic.matching_key(w) for w in ("المصدر", "مصدر الخبر"))
HEADLINE_MAX_WORDS = 20  # an Arabic headline above its English translation
SIGN_OFF_MAX_WORDS = 2
LINK_MAX_WORDS = 20  # a link to another story: a headline's length
CUT_HEADLINE_MAX_WORDS = 12  # a headline cut short; a paragraph's cut opening runs longer
MIN_LINKS_AFTER_SIGN_OFF = 2


def next_story_out(lines: list[Line]) -> list[Line]:
    """The lines, with every line from the next story's start on a link (RELATED)."""
    body = [i for i, ln in enumerate(lines) if ln.role is Role.BODY]
    if len(body) < 2:
        return lines
    start = next((found for found in (_credit_repeated(lines, body), _after_source_line(lines, body),
                                      _bilingual_headline(lines, body), _after_sign_off(lines, body),
                                      _cut_headline_at_end(lines, body))
                  if found is not None), None)
    if start is None:
        return lines
    return lines[:start] + [ln if ln.role and ln.role.is_furniture else replace(ln, role=Role.RELATED)
                            for ln in lines[start:]]


def _credit_repeated(lines: list[Line], body: list[int]) -> int | None:
    credits = [arabic.matching_key(ln.text) for ln in lines if ln.role is Role.BYLINE and word_count(ln.text) >= 2]
    return next((i for i in body[1:] if any(arabic.matching_key(lines[i].text).startswith(c + " ") for c in credits)),
                None)


def _after_source_line(lines: list[Line], body: list[int]) -> int | None:
    for i in range(body[1] + 1, len(lines)):
        if lines[i].role is Role.CREDIT and arabic.matching_key(lines[i].text).startswith(SOURCE_LINE_OPENINGS):
            following = [j for j in body if j > i]
            return i + 1 if following else None
    return None


def _bilingual_headline(lines: list[Line], body: list[int]) -> int | None:
    for i in range(body[0] + 1, len(lines) - 1):
        ln, below = lines[i], lines[i + 1]
        if ln.role is Role.BODY and ln.lang == "ar" and below.lang == "en" and below.role in (Role.BODY, Role.HEADING) \
                and word_count(ln.text) <= HEADLINE_MAX_WORDS and not SENTENCE_END_RE.search(ln.text) \
                and not _introduces(ln.text):
            return i
    return None


def _introduces(text: str) -> bool:
    """A line that leads into what follows, not a headline: a line opening with "و" or "ف" ("وكتب
    على حسابه في تويتر …" above an English tweet), or going on after a colon or a comma."""
    stripped = text.rstrip()
    return stripped.endswith((":", "：", "،", ",")) or arabic.matching_key(stripped)[:1] in ("و", "ف")


def _after_sign_off(lines: list[Line], body: list[int]) -> int | None:
    last = body[-1]
    for i in range(body[1] + 1, len(lines)):
        ln = lines[i]
        if ln.role not in (Role.BODY, Role.HEADING) or word_count(ln.text) > SIGN_OFF_MAX_WORDS \
                or SENTENCE_END_RE.search(ln.text):
            continue
        after = [j for j in range(i + 1, len(lines)) if lines[j].role in (Role.BODY, Role.HEADING)]
        if len(after) >= MIN_LINKS_AFTER_SIGN_OFF and after[-1] == last \
                and all(word_count(lines[j].text) <= LINK_MAX_WORDS for j in after) \
                and any(word_count(lines[j].text) > LINK_MAX_WORDS for j in body if j < i):
            return i + 1
    return None


def _cut_headline_at_end(lines: list[Line], body: list[int]) -> int | None:
    last = body[-1]
    ln = lines[last]
    if last != len(lines) - 1 or not ln.gap_before or ln.first != ln.last or _introduces(ln.text) \
            or word_count(ln.text) > CUT_HEADLINE_MAX_WORDS or SENTENCE_END_RE.search(ln.text):
        return None
    return last if _stops_inside_a_word(ln.text) else None


def _stops_inside_a_word(text: str) -> bool:
    """The text ends in one letter that is no word of its own: not the conjunction "و", not the
    "م"/"ه"/"ص" printed after a year or an hour ("2021 م", "9:40 ص")."""
    words = text.split()
    if len(words) < 2 or len(words[-1]) != 1 or arabic.count_arabic_letters(words[-1]) != 1 or words[-1] == "و":
        return False
    return not any(ch.isdigit() for ch in words[-2])
