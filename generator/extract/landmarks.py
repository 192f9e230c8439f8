"""Places named by their kind: palaces, streets, quarters, crossings, ports, stadiums and parks
("قصر السيف", "شارع السعدون", "حي الأمين", "معبر الشلامجة", "استاد الجنوب", "متنزه الزوراء",
"شارع 14 رمضان"). No gazetteer lists them; the kind noun and the name after it say what they are.

The name is one word with the article, a quoted word ('إستاد "الوكرة"') or a day and a month
after "شارع". A common adjective is no name ("مطار دولي", "الميناء الرئيسي", "ملعب العسكري"
aside), nor is a function word ('مطار »التي فور«' as a PDF breaks it).
"""
from __future__ import annotations

import functools
import re

from ..model import Paragraph
from ..text import arabic, wordlist

KINDS = ("قصر", "شارع", "حي", "معبر", "مطار", "ميناء", "استاد", "إستاد", "ملعب", "متنزه", "ميدان", "جامع",
         "مسجد", "كنيسة", "قلعة", "فندق")  # not "مخيم": "مخيم اللاجئين" is any camp
PROCLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول")
ADJECTIVE_ZIPF = 4.0  # "الرئيسي" 5.1, "الدولي" 5.4; a family name in ي is rarer: "الربيعي" 3.4
QUOTES = "\"“”«»'"
PUNCTUATION = arabic.WORD_PUNCTUATION
DATE_NAME_RE = re.compile(r"^\d{1,2}$")
_KINDS = frozenset(arabic.matching_key(k) for k in KINDS)
KIND_STEMS_RE = re.compile("|".join(sorted({k[1:] if k[0] in "اإ" else k for k in KINDS}, key=len, reverse=True)))
_STREET = arabic.matching_key("شارع")


def landmarks_named_in(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    """The landmarks the body paragraphs name, as written, first named first."""
    found: dict[str, None] = {}
    for paragraph in paragraphs:
        if not paragraph.role.is_body or not KIND_STEMS_RE.search(paragraph.text):
            continue
        words = paragraph.text.split()
        for i in range(len(words) - 1):
            name = _landmark_at(words, i)
            if name:
                found.setdefault(name)
    return list(found)


def _landmark_at(words: list[str], i: int) -> str | None:
    kind = _kind_of(words[i])
    if kind is None or words[i][-1] in PUNCTUATION:
        return None
    following = arabic.strip_diacritics(words[i + 1])
    name = following.strip(PUNCTUATION)
    if following[:1] in QUOTES and name and name not in arabic.FUNCTION_WORDS_WRITTEN:
        return f"{kind} {name}"
    if arabic.matching_key(kind) == _STREET and DATE_NAME_RE.match(name) and i + 2 < len(words):
        month = arabic.strip_diacritics(words[i + 2]).strip(PUNCTUATION)  # "شارع 14 رمضان"
        return f"{kind} {name} {month}" if month.isalpha() else None
    if not name.startswith("ال") or len(name) < 4 or not name.isalpha() or _ordinary(name):
        return None
    return f"{kind} {name}"


@functools.lru_cache(maxsize=1 << 16)  # words repeat: a pure function, memoised
def _kind_of(written: str) -> str | None:
    """The kind noun a word is, as written without its proclitic ("بإستاد" → "إستاد"), or None."""
    word = arabic.strip_diacritics(written).strip(PUNCTUATION)
    return next((word[len(p):] for p in PROCLITICS if word.startswith(p)
                 and arabic.matching_key(word[len(p):]) in _KINDS), None)


@functools.lru_cache(maxsize=1 << 12)
def _ordinary(word: str) -> bool:
    """A common adjective or a function word, which follows a kind noun without naming it."""
    key = arabic.matching_key(word)
    if word in arabic.FUNCTION_WORDS_WRITTEN:
        return True
    if not key.endswith(("ي", "يه")):
        return False
    frequency = wordlist.zipf(word)
    return frequency is None or frequency >= ADJECTIVE_ZIPF
