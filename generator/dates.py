"""Arabic date expressions → ``DateValue`` with the precision the text actually gives.

Month names come from Babel's Arabic locales, so both systems are known: the Egyptian/Gulf
names (يوليو) and the Levantine/Iraqi ones (تموز), plus Maghrebi forms (يوليوز, جويلية), and
the paired form newspapers use ("26 يوليو/تموز"). A missing year stays missing: nothing is
invented (a PDF that lost its digits reads ", أغسطس" → month 8, year unknown).
"""
from __future__ import annotations

import re

from babel import Locale

from .arabic import digits_to_ascii, matching_key
from .model import DateValue

MONTH_LOCALES = ("ar", "ar_IQ", "ar_MA", "ar_DZ")
# Spellings Babel does not list but newspapers print: "إبريل", "يونيه", "يوليه", Iraqi "مايس".
EXTRA_MONTH_NAMES = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "مايس": 5, "اغسطس": 8}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for name in MONTH_LOCALES:
        months = Locale.parse(name).months["format"]["wide"]
        for number in range(1, 13):
            table[matching_key(months[number])] = number
    for word, number in EXTRA_MONTH_NAMES.items():
        table[matching_key(word)] = number
    return table


MONTHS: dict[str, int] = _month_table()  # matching key of a month name → 1..12

# Longest names first so "تشرين الثاني" wins over a shorter prefix.
_MONTH_ALTERNATION = "|".join(sorted((re.escape(k) for k in MONTHS), key=len, reverse=True))

# "26 يوليو 2021", "26 يوليو/تموز", "أغسطس 2020", ", أغسطس". Matched on the matching key of
# the text (digits ASCII, no diacritics), so "٢٦ يوليو ٢٠٢١" matches too.
DATE_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s*)?(?<![\w])(?P<month>{_MONTH_ALTERNATION})(?![\w])"
    rf"(?:\s*/\s*(?:{_MONTH_ALTERNATION})(?![\w]))?"
    rf"(?:\s*(?:عام|سنه)?\s*(?P<year>(?:1[89]|20)\d\d)(?!\d))?"
)


def find_dates(text: str) -> list[DateValue]:
    """Every date expression in ``text``, in order, as precise as written."""
    key = matching_key(digits_to_ascii(text))
    found = []
    for match in DATE_RE.finditer(key):
        day = int(match["day"]) if match["day"] else None
        month = MONTHS[match["month"]]
        year = int(match["year"]) if match["year"] else None
        if day is not None and not 1 <= day <= 31:
            day = None
        found.append(DateValue(year=year, month=month, day=day, text=match.group().strip()))
    return found


def is_date_line(text: str) -> bool:
    """A line that is a date and little else: "26 يوليو 2021", ", أغسطس", "الاثنين 26 تموز 2021"."""
    key = matching_key(digits_to_ascii(text))
    rest = DATE_RE.sub(" ", key, count=1)
    if rest == key:
        return False
    leftover = [w for w in re.split(r"[\s,،|\-–—/.]+", rest) if w and w not in _WEEKDAYS]
    return len(leftover) == 0


_WEEKDAYS = {matching_key(d) for d in ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                       "الجمعة", "السبت")}
