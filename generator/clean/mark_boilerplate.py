"""Rule 5, mark_boilerplate: publisher text gets the role BOILERPLATE (shown apart, never as body).

    "© 2021 Example Media. All rights reserved."  (after the last Arabic line)  →  BOILERPLATE
    "جميع الحقوق محفوظة ©", "اقرأ أيضاً: …", "تابعونا على تويتر"               →  BOILERPLATE
    "(تغطية صحفية أحمد رشيد - تحرير سها جادو)"                                 →  BOILERPLATE

Nothing is removed: the reader can still see it, apart from the article. It is its own step
because it needs the whole document's shape (where its last Arabic line is) and runs before
the header zone is looked for, so that a site's "اقرأ أيضاً" line at the top is never taken for
a kicker or a headline. Arabic furniture is recognised on short lines only: a sentence that
mentions "جميع الحقوق" inside an article is not furniture.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Role
from ..text import arabic
from .draft import Draft, Line, word_count

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
        word_count(text) <= ARABIC_BOILERPLATE_MAX_WORDS and ARABIC_BOILERPLATE_RE.search(text) is not None))
