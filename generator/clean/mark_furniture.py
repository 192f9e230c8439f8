"""Rule, mark_furniture: the page around the article gets a furniture role, never headline or body.

    "الصفحة الرئيسية >> العالم العربي", "القائمة الرئيسية"            →  NAVIGATION
    "الأخبار أخبار سورية أخبار عربية أخبار دولية"  (one word, again and again) →  NAVIGATION
    "أخبار ساخنة" / "أخبار بصور" / "ملفات خاصة"  (a run of short lines)  →  NAVIGATION
    "إعلان", "حجم الخط اطبع", "اترك تعليقاً", "حمّل التطبيق"             →  PROMPT
    "مقالات ذات صلة", "اقرأ أيضاً: …", "الوسوم"                         →  RELATED
    "رئيس التحرير", "صحيفة الشرق - العدد 1969", "آخر تحديث: منذ 8 دقائق" →  MASTHEAD
    "تصوير: أحمد حسن /رويترز", "المصدر: النهار"                          →  CREDIT

Nothing is removed: the lines keep their text and their place in the accounting, and the page
shows only the article. It decides by general signals, never by outlet: phrases every Arabic
news site prints (on short lines only, so a sentence that mentions "رئيس التحرير" is body), a
word repeated through one short line (a menu glued on a line), runs of short lines without a
sentence's punctuation outside the article's paragraphs, and items split by "|", "•" or ">>".
It runs before the header zone is looked for, so that no menu line is taken for a headline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Role
from ..text import arabic
from ..text.dates import is_date_line
from .draft import SENTENCE_END_RE, Draft, Line, word_count
from .drop_duplicate_lines import DUPLICATE_REASON

# Furniture is short: a phrase of the table marks a line of at most this many words.
FURNITURE_MAX_WORDS = 12
CAPTION_PAIR_MAX_WORDS = 25
# The furniture that closes an article: a share bar, publisher text, a related-links header.
ARTICLE_CLOSERS = frozenset((Role.PROMPT, Role.BOILERPLATE, Role.RELATED))
# A related article's headline, listed under "مقالات ذات صلة": up to a long headline's length.
RELATED_ITEM_MAX_WORDS = 20
# A menu's items are one to three words; three such lines in a row, outside the article, are a menu.
MENU_ITEM_MAX_WORDS, MENU_RUN_MIN_LINES = 3, 3
# A word printed this many times in one short line is a menu glued on a line.
MENU_REPEATS = 3
# A body paragraph: the article's text runs between the first and the last of them.
PARAGRAPH_MIN_WORDS = 15


def _phrases(*alternatives: str) -> re.Pattern:
    """A pattern over a line's matching key (alef forms, ة/ه, ى/ي and diacritics ignored); its
    escapes are kept as written (the key folds case, and "\\S" is not "\\s")."""
    return re.compile("|".join(f"(?:{_keyed_pattern(a)})" for a in alternatives), re.IGNORECASE)


def _keyed_pattern(pattern: str) -> str:
    return "".join(part if part.startswith("\\") else _keyed_keeping_spaces(part)
                   for part in re.split(r"(\\.)", pattern))


def _keyed_keeping_spaces(part: str) -> str:
    core = part.strip(" ")
    if not core:
        return part
    return part[:len(part) - len(part.lstrip(" "))] + arabic.matching_key(core) + part[len(part.rstrip(" ")):]


# A printed paper's front-page masthead: its issue number, its title line. Not a web page's
# "آخر تحديث منذ …", printed under the headline (see _mark_teasers_above_the_masthead).
FRONT_PAGE_PHRASES = (r"\bالعدد\s*\(?\s*\d", r"^عدد (?:اليوم|\S+ \d)", r"issue\s*(?:no\.?)?\s*\d", r"صحيفة يومية",
                      r"يومية شاملة")

# Phrases that open (or make up) a furniture line, by role. Written as sites print them.
FURNITURE_PHRASES: tuple[tuple[Role, re.Pattern], ...] = (
    (Role.RELATED, _phrases(
        r"^اقرأ أيضا", r"^إقرأ أيضا", r"^اقرأ المزيد", r"^المزيد(?: من)?", r"^(?:مقالات|أخبار|مواضيع|مواد) ذات صلة",
        r"^ذات صلة", r"^أخبار متعلقة", r"^قد يهمك", r"^(?:الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية)\b",
        r"^شاهد أيضا", r"^طالع أيضا", r"^tags\b", r"^related\b", r"^قد يعجبك", r"^ربما يعجبك", r"^اخترنا لك",
        r"^(?:مقالات|أخبار) (?:مقترحة|أخرى|مشابهة)", r"^you may also like")),
    (Role.PROMPT, _phrases(
        r"^إعلان$", r"^advertisement$", r"^advertise", r"^ads?$", r"^شارك", r"^مشاركة", r"^طباعة", r"^اطبع",
        r"حجم الخط", r"^a\s*[+-]\s*a?\s*[+-]?$",
        r"ارسال بالايميل", r"^أرسل (?:لصديق|بالبريد)", r"^اترك تعليقا", r"^أضف تعليق",
        r"^التعليقات", r"لن يتم نشر عنوان بريدك", r"الحقول الإلزامية", r"^تابعونا", r"^تابعوا", r"^تابعنا",
        r"^(?:الرجوع|العودة|عودة|ارجع) (?:إلى|الى|ل)(?:أعلى| أعلى) الصفحة", r"^back to top",
        r"^حمل (?:ال)?تطبيق", r"^نزل (?:ال)?تطبيق", r"^اشترك", r"^للاشتراك", r"النشرة البريدية", r"^اضغط (?:على|هنا)",
        r"^انقر هنا", r"^زر الذهاب", r"^نسخ الرابط", r"^رابط مختصر", r"تلقيمة", r"^rss\b", r"^(?:واتساب|فيسبوك|تويتر|"
        r"تلغرام|انستغرام|يوتيوب|لينكد ان)$", r"^(?:facebook|twitter|whatsapp|telegram|youtube|instagram)$")),
    (Role.NAVIGATION, _phrases(
        r"^الرئيسية$", r"الصفحة الرئيسية", r"^القائمة(?: الرئيسية)?$", r"^(?:اخر|آخر) الأخبار$", r"^أبرز الأخبار$",
        r"^أخبار (?:ساخنة|بصور|عاجلة)$", r"^ملفات خاصة$", r"^الأكثر (?:قراءة|مشاهدة|تداولا)", r"^اتصل بنا$",
        r"^من نحن$", r"^عن (?:الموقع|موقعنا|الجريدة|الصحيفة|القناة|الوكالة|المؤسسة|الشركة|رئاسة \S+|دولة رئيس \S+)$",
        r"^سياسة الخصوصية$", r"^خريطة الموقع$", r"^مواقيت الصلاة$", r"^حالة الطقس$", r"^في الواجهة$",
        r"^home$", r"^menu$", r"^english(?: en)?$")),
    (Role.MASTHEAD, _phrases(
        r"^رئيس (?:مجلس الإدارة|التحرير)", r"^(?:الإشراف العام|المشرف العام|مدير التحرير|المدير العام)",
        *FRONT_PAGE_PHRASES, r"^(?:آخر|اخر) تحديث\s*:?\s*منذ", r"^منذ \d+ (?:دقيقة|دقائق|ساعة|ساعات|يوم|أيام)",
        r"^مرحبا بك", r"^أهلا بك", r"^أهلا وسهلا بك", r"^مرحبا بكم", r"^الثمن\s*:", r"^\d+\s*(?:صفحه|صفحات)$")),
    (Role.CREDIT, _phrases(r"^تصوير\s*[:：]", r"^(?:الصورة|صورة)\s*[:：]", r"^المصدر\s*[:：]", r"^photo\s*[:：]",
                           r"^(?:getty|afp|reuters|ap) images?\b")),
)

# Items of a menu printed on one line: "سياسة | اقتصاد | رياضة", "الرئيسية >> العالم العربي".
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
ITEM_SEPARATOR_RE = re.compile(r"\s*(?:\||•|·|>>|»|›|/)\s*")
BREADCRUMB_RE = re.compile(r">>|›|\s>\s")
# A photo caption: "(الصورة …)" or "الصورة: …" at its start, or a picture agency's credit at its
# end ("… في المباراة النهائية- جيتي", "… (أرشيفية)").
CAPTION_RE = re.compile(r"^\(?(?:الصورة|صورة)\b|[-–—(/]\s*(?:جيتي|أرشيفية|ارشيفية|أرشيف|getty(?: images)?|afp|epa|"
                        r"انترنت|إنترنت)\s*\)?\s*$", re.IGNORECASE)
# A prompt to follow the outlet on a platform, up to twice a furniture line's length: "تابعوا آخر
# أخبار … عبر Google News", "اشترك في قناة … على واتساب" (matched on the matching key: "على" is "علي").
PLATFORM_PROMPT_RE = re.compile(r"(?:علي|على|عبر)\s+(?:ال)?(?:google news|gogole news|واتساب|whatsapp|تيليجرام|تلغرام|"
                                r"telegram|يوتيوب|youtube|فيسبوك|facebook|تويتر|انستجرام|انستغرام)\b")
# An image's address or query string left as a line: "Safe image.php?d=…&url=https%3a%2f%2f…".
IMAGE_ADDRESS_RE = re.compile(r"\.(?:php|aspx?|jpe?g|png|gif|webp)\?|(?:%[0-9a-f]{2}[^%\s]*){3}|[?&][\w-]+=\S*&", re.I)
# A site's address printed letter by letter in a PDF masthead: "w w w . y o u m 7 . c o m".
SPACED_ADDRESS_RE = re.compile(r"\bw\s+w\s+w\s*\.\s*(?:\w\s+){2,}", re.I)
# A view, like or comment counter on a line of its own: "6122", "1.2K", "#2#".
COUNTER_RE = re.compile(r"[#*\s]*[\d٠-٩][\d٠-٩.,]*\s*[kKMm]?[#*\s]*")


def mark_furniture(draft: Draft) -> Draft:
    """Menus, prompts, related lists, masthead lines and credits get their furniture roles."""
    lines = list(draft.lines)
    first, last = _article_span(lines)
    pairs = _printed_on_the_next_line_too(draft)
    for i, ln in enumerate(lines):
        if ln.role:
            continue
        if role := furniture_role(ln):
            lines[i] = replace(ln, role=role)
        elif ln.first in pairs and word_count(ln.text) <= CAPTION_PAIR_MAX_WORDS and not is_date_line(ln.text):
            lines[i] = replace(ln, role=Role.CAPTION)
    _mark_related_lists(lines)
    _mark_teasers_above_the_masthead(lines)
    _mark_links_after_the_article(lines, first, last)
    for start, end in _short_line_runs(lines):
        if end <= first or start > last:  # outside the article's paragraphs
            masthead = any(_phrase_role(lines[i].text) is Role.MASTHEAD for i in range(start, end))
            for i in range(start, end):
                if not lines[i].role:
                    lines[i] = replace(lines[i], role=Role.MASTHEAD if masthead else Role.NAVIGATION)
    return replace(draft, lines=tuple(lines))


def _mark_related_lists(lines: list[Line]) -> None:
    """The headlines listed under a related-articles line ("مقالات ذات صلة", "قد يعجبك أيضا")
    are related links too, up to the next paragraph-long line."""
    listing = False
    for i, ln in enumerate(lines):
        if ln.role is Role.RELATED:
            listing = True
        elif listing and not ln.role and word_count(ln.text) <= RELATED_ITEM_MAX_WORDS:
            lines[i] = replace(ln, role=Role.RELATED)
        elif not ln.role:
            listing = False


def _mark_teasers_above_the_masthead(lines: list[Line]) -> None:
    """A PDF front page prints teasers of other stories around its masthead ("… صحيفة يومية",
    "العدد 4625", "Issue NO 4625"): paragraphs above the masthead's last line, when the article's
    paragraphs, as many at least, come below it, are those teasers."""
    mastheads = [i for i, ln in enumerate(lines) if ln.role is Role.MASTHEAD and _front_page_line(ln.text)]
    for m in reversed(mastheads):
        above = [i for i in range(m) if not lines[i].role and word_count(lines[i].text) >= PARAGRAPH_MIN_WORDS]
        below = [i for i in range(m + 1, len(lines)) if not lines[i].role
                 and word_count(lines[i].text) >= PARAGRAPH_MIN_WORDS]
        if above and len(below) >= max(2, len(above)):
            for i in range(m):
                if not lines[i].role and not is_date_line(lines[i].text):
                    lines[i] = replace(lines[i], role=Role.RELATED)
            return


FRONT_PAGE_RE = _phrases(*FRONT_PAGE_PHRASES)


def _front_page_line(text: str) -> bool:
    """A front-page masthead line: its issue number or title line, or its address spelt out."""
    return bool(FRONT_PAGE_RE.search(arabic.matching_key(text)) or SPACED_ADDRESS_RE.search(text))


def _mark_links_after_the_article(lines: list[Line], first: int, last: int) -> None:
    """Below the article's last paragraph and the line that closes an article ("شارك هذا
    الخبر", "اقرأ أيضاً"), headlines that end no sentence are the site's links to other articles.
    A page with fewer than two paragraph-long lines (a PDF front page) has no article to be below."""
    after_furniture = False
    if last <= first:
        return
    for i in range(last + 1, len(lines)):
        ln = lines[i]
        if ln.role in ARTICLE_CLOSERS:
            after_furniture = True
        elif (after_furniture and not ln.role and word_count(ln.text) <= RELATED_ITEM_MAX_WORDS
              and not SENTENCE_END_RE.search(ln.text)):
            lines[i] = replace(ln, role=Role.RELATED)


def _printed_on_the_next_line_too(draft: Draft) -> frozenset[int]:
    """Lines printed exactly twice, the copy on the very next line: a photo's alternative text
    and its caption ("رئيس المجلس العسكري الانتقالي عبدالفتاح البرهان" twice at the top). A
    headline the page repeats is further apart (in the page's title, then above the article)."""
    copies = Counter(r.reason for r in draft.removed if r.reason.startswith(DUPLICATE_REASON))
    return frozenset(int(r.reason[len(DUPLICATE_REASON):]) for r in draft.removed
                     if r.reason.startswith(DUPLICATE_REASON) and copies[r.reason] == 1
                     and r.line == int(r.reason[len(DUPLICATE_REASON):]) + 1)


def furniture_role(ln: Line) -> Role | None:
    """The furniture role one line has on its own, or None."""
    text = arabic.strip_diacritics(ln.text).strip()
    if ("w w w" in text or "W W W" in text) and SPACED_ADDRESS_RE.search(text):
        return Role.MASTHEAD
    if word_count(text) > FURNITURE_MAX_WORDS * 2:
        return None
    if ("?" in text or "%" in text) and IMAGE_ADDRESS_RE.search(text) and not ARABIC_LETTER_RE.search(text):
        return Role.CAPTION
    role = _phrase_role(text) if word_count(text) <= FURNITURE_MAX_WORDS else None
    if role:
        return role
    if PLATFORM_PROMPT_RE.search(arabic.matching_key(text)):
        return Role.PROMPT
    if is_date_line(text):
        return None
    if CAPTION_RE.search(text):
        return Role.CAPTION
    if COUNTER_RE.fullmatch(text):
        return Role.PROMPT
    if BREADCRUMB_RE.search(text) or _is_menu_on_one_line(text):
        return Role.NAVIGATION
    return None


def _phrase_role(text: str) -> Role | None:
    key = arabic.matching_key(text.strip(" \t-–—|:·•*#"))
    return next((role for role, pattern in FURNITURE_PHRASES if pattern.search(key)), None)


def _is_menu_on_one_line(text: str) -> bool:
    """A menu glued on one line: a word again and again ("أخبار سورية أخبار عربية أخبار
    دولية"), or three or more short items between separators, with no sentence's punctuation."""
    if SENTENCE_END_RE.search(text) or "،" in text:
        return False
    words = [_without_article(arabic.matching_key(w)) for w in text.split() if len(w) > 2]
    if words and Counter(words).most_common(1)[0][1] >= MENU_REPEATS:
        return True
    items = [item for item in ITEM_SEPARATOR_RE.split(text) if item.strip()]
    return len(items) >= 3 and all(word_count(item) <= MENU_ITEM_MAX_WORDS for item in items) and not any(
        ch.isdigit() for ch in text)


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _article_span(lines: list[Line]) -> tuple[int, int]:
    """The first and last paragraph-long lines: the article's text lies between them."""
    long = [i for i, ln in enumerate(lines) if word_count(ln.text) >= PARAGRAPH_MIN_WORDS and not ln.role]
    return (long[0], long[-1]) if long else (len(lines), -1)


def _short_line_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs (start, end) of at least three consecutive short lines without a sentence's end."""
    runs, start = [], None
    for i, ln in enumerate([*lines, None]):
        short = ln is not None and not ln.role and _is_menu_item(ln)
        if short and start is None:
            start = i
        elif not short and start is not None:
            if i - start >= MENU_RUN_MIN_LINES:
                runs.append((start, i))
            start = None
    return runs


def _is_menu_item(ln: Line) -> bool:
    text = ln.text.strip()
    return (word_count(text) <= MENU_ITEM_MAX_WORDS and not SENTENCE_END_RE.search(text)
            and not is_date_line(text) and not text.isdigit())
