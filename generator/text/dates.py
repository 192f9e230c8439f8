"""Arabic date expressions → ``DateValue`` with the precision the text actually gives.

Gregorian month names come from Babel's Arabic locales, so both systems are known: the
Egyptian/Gulf names (يوليو) and the Levantine/Iraqi ones (تموز), Maghrebi forms (يوليوز,
جويلية), and the paired form newspapers print ("26 يوليو/تموز"). Hijri dates ("17 ذو الحجة
1442 هـ") are converted with hijridate. Relative words ("أمس", "الخميس", "الأسبوع الماضي",
"بنهاية العام") are resolved against a reference date, and marked ``inferred``.

A missing year stays missing unless the text pins it down: a weekday written next to a
day and month ("الاثنين 26 يوليو") selects the one year near the years the article
mentions where that date fell on that weekday, and that year is marked inferred. With a
publication date, a year-less date takes the year that puts it nearest, leaning to the past
(``_year_from_reference``). A PDF that lost its digits (", أغسطس") gives month 8, year unknown:
nothing is invented, and neither is a day the month does not have ("31 فبراير").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable

from babel import Locale
from hijridate import Hijri

from ..model import DateValue
from .arabic import digits_to_ascii, keyed, matching_key, written_span

MONTH_LOCALES = ("ar", "ar_IQ", "ar_MA", "ar_DZ")
# Spellings Babel does not list but newspapers print: "إبريل", "يونيه", "يوليه", Iraqi "مايس".
EXTRA_MONTH_NAMES = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "مايس": 5, "اغسطس": 8}

# Hijri month names as written → 1..12; looked up by matching key (``HIJRI_MONTHS_BY_KEY``),
# since the patterns run on keys, where "جمادى الأولى" is "جمادي الاولي".
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4, "جمادى الأولى": 5,
    "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}
HIJRI_MONTHS_BY_KEY = {matching_key(name): number for name, number in HIJRI_MONTHS.items()}

# Weekday names (matching keys) → Python weekday numbers (Monday = 0).
WEEKDAYS = {matching_key(name): number for name, number in (
    ("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3), ("الجمعة", 4),
    ("السبت", 5), ("الأحد", 6))}

# How far from the years an article mentions a weekday may place a year-less date.
WEEKDAY_YEAR_WINDOW = 3
# How far after the publication date a year-less date may lie and still be read as upcoming
# ("يزور … في 21 مارس" in a piece of 10 March); further ahead it is the last one before.
FUTURE_HORIZON_DAYS = 122


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


def _alternation(words) -> str:
    # Longest first so "تشرين الثاني" wins over a shorter prefix.
    return "|".join(sorted((re.escape(matching_key(w)) for w in words), key=len, reverse=True))


_MONTH = _alternation(MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_MONTH_NAME_RE = re.compile(_MONTH)


def _same_month_pairs() -> str:
    """One month named in two systems, with a slash or a space between: "يوليو/تموز",
    "تموز/يوليو", "نوفمبر تشرين الثاني" (Reuters)."""
    by_number: dict[int, list[str]] = {}
    for key, number in MONTHS.items():
        by_number.setdefault(number, []).append(key)
    names = [_alternation(keys) for _, keys in sorted(by_number.items())]
    return "|".join(rf"(?:{n})(?![\w])(?:\s*/\s*|\s+)(?:{n})" for n in names)

# All patterns run on the matching key of the text (digits ASCII, no diacritics, ة→ه, ى→ي),
# so "٢٦ تمّوز ٢٠٢١" matches like "26 تموز 2021". A month may follow its day with no space, as
# PDF text gives it ("25إبريل 2017م", "28رجب 1438هـ"). Keys keep the text's length only when it had
# no diacritics, so spans are not reported; the words matched are.
DATE_RE = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY})\s*(?:،|,)?\s*)?"
    rf"(?:(?P<day>\d{{1,2}})\s*(?:من\s+)?)?(?<![^\W\d])(?P<month>{_same_month_pairs()}|{_MONTH})(?![\w])"
    rf"(?:\s*/\s*(?:{_MONTH})(?![\w]))?"
    rf"(?:\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?P<year>(?:1[89]|20)\d\d)(?!\d))?"
)
HIJRI_RE = re.compile(
    rf"(?P<day>\d{{1,2}})\s*(?P<month>{_alternation(HIJRI_MONTHS_BY_KEY)})(?![\w])\s*(?:(?:عام|سنه)\s*)?"
    rf"(?P<year>1[34]\d\d)(?!\d)\s*(?:ه\b|هـ|للهجره)?"
)
YEAR_END_RE = re.compile(r"(?:نهايه|اواخر|اخر)\s+(?:العام|عام|السنه)(?:\s+(?P<year>(?:1[89]|20)\d\d))?(?!\s*\d)")
IN_YEAR_RE = re.compile(r"(?:(?<![\w])(?:عام|العام|سنه)\s+)(?P<year>(?:1[89]|20)\d\d)(?!\d)")
RELATIVE_DAYS = {"امس الاول": -2, "اول امس": -2, "امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1}
RELATIVE_RE = re.compile(rf"(?<![\w])(?P<word>{_alternation(RELATIVE_DAYS)})(?![\w])")
LAST_WEEK_RE = re.compile(r"(?<![\w])الاسبوع (?:الماضي|المنصرم)(?![\w])")
# Numeric dates as pages print them: "2023-06-08", "2023/06/08", "08-06-2023", "8.6.2023",
# "2021:07:08.09:07" (year first, a time after a full stop). With
# the year last, the day comes first (the Arab convention) unless only the other order is a date
# ("01/19/2020").
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.:/-])(?:(?P<year>(?:19|20)\d\d)([-/.:])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?!\d|\2\d)"
    r"|(?P<first>\d{1,2})([-/.])(?P<second>\d{1,2})\6(?P<year_last>(?:19|20)\d\d)(?![\d]|[.:/-]\d))")
# A time of day next to a date line's date: "05:34 ص", "23:55", "04:14PM", "22:10:00".
TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|am|pm)?(?![\w])", re.IGNORECASE)
# Words a date line may carry besides its date and time: "هـ", "م" (Gregorian), "ص" (a.m.), "الموافق".
# Words a date line carries besides the date: era marks, and the labels pages print before a
# date ("نشر في", "بتاريخ", "آخر تحديث:", "تاريخ النشر"), and weekdays without the article
# ("أحد, 01/19/2020 - 20:00").
DATE_LINE_WORDS = frozenset(matching_key(w) for w in (
    "ه", "م", "ص", "الموافق", "نشر", "نشرت", "نشر في", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "اخر", "تحديث",
    "التحديث", "تم", "أحد", "اثنين", "إثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت", "يوم"))
BARE_WEEKDAY_RE = re.compile(rf"(?<![\w])(?:يوم\s+)?(?P<weekday>{_WEEKDAY})(?![\w])(?!\s*\d)")


@dataclass(frozen=True, slots=True)
class DateMention:
    value: DateValue
    kind: str  # "date", "hijri", "relative", "year_end", "year"


@dataclass(frozen=True, slots=True)
class Context:
    """What a date needs beyond its own words: the publication date, the years the text names."""

    reference: DateValue | None = None
    mentioned_years: tuple[int, ...] = ()

    @property
    def day(self) -> dt.date | None:
        """The publication day, when known to the day: what relative dates count from."""
        ref = self.reference
        return dt.date(ref.year, ref.month, ref.day) if ref is not None and ref.precision == "day" else None


@dataclass(frozen=True, slots=True)
class DateFormat:
    kind: str
    pattern: re.Pattern
    read: Callable[[re.Match, Context], DateValue | None]  # None: the words give no date here
    stands_alone: bool = False  # a date by itself: it may make a date line and a publication date


def _read_gregorian(m: re.Match, ctx: Context) -> DateValue:
    value = _gregorian(m)
    if value.year is None and m["weekday"] and value.day:
        value = _year_from_weekday(value, WEEKDAYS[m["weekday"]], ctx.mentioned_years)
    if value.year is None and ctx.reference is not None and ctx.reference.precision in ("day", "month"):
        value = _year_from_reference(value, ctx.reference)
    return value


def _read_year_end(m: re.Match, ctx: Context) -> DateValue | None:
    year = int(m["year"]) if m["year"] else (ctx.reference.year if ctx.reference else None)
    return DateValue(year, 12, 31, inferred=not m["year"], text=m.group()) if year else None


def _read_relative_day(m: re.Match, ctx: Context) -> DateValue | None:
    return _shifted(ctx.day, RELATIVE_DAYS[m["word"]], m.group()) if ctx.day else None


def _read_last_week(m: re.Match, ctx: Context) -> DateValue | None:
    if not ctx.day:
        return None
    day = ctx.day - dt.timedelta(days=7)
    return DateValue(day.year, day.month, inferred=True, text=m.group())


def _read_bare_weekday(m: re.Match, ctx: Context) -> DateValue | None:
    if not ctx.day:
        return None
    back = (ctx.day.weekday() - WEEKDAYS[m["weekday"]]) % 7 or 7  # the last such day before
    return _shifted(ctx.day, -back, m.group())


# Every way the texts write a date, in the order they claim words (an earlier format's match
# wins an overlap). The cleaner's date lines, the publication date and the dates a text speaks
# of all read this one table: a new format is one row here.
DATE_FORMATS: tuple[DateFormat, ...] = (
    DateFormat("hijri", HIJRI_RE, lambda m, ctx: _hijri(m), stands_alone=True),  # "17 ذو الحجة 1442 هـ"
    DateFormat("date", DATE_RE, _read_gregorian, stands_alone=True),  # "الاثنين 26 يوليو/تموز 2021"
    DateFormat("date", NUMERIC_DATE_RE, lambda m, ctx: _numeric(m), stands_alone=True),  # "2023/06/08", "08-06-2023"
    DateFormat("year_end", YEAR_END_RE, _read_year_end),  # "بنهاية العام"
    DateFormat("year", IN_YEAR_RE, lambda m, ctx: DateValue(int(m["year"]), text=m.group())),  # "عام 2014"
    DateFormat("relative", RELATIVE_RE, _read_relative_day),  # "أمس"
    DateFormat("relative", LAST_WEEK_RE, _read_last_week),  # "الأسبوع الماضي"
    DateFormat("relative", BARE_WEEKDAY_RE, _read_bare_weekday),  # "يوم الخميس"
)
STANDALONE_FORMATS = tuple(f for f in DATE_FORMATS if f.stands_alone)


def find_all_dates(text: str, reference: DateValue | None = None,
                   mentioned_years: tuple[int, ...] = (), formats: tuple[DateFormat, ...] = DATE_FORMATS
                   ) -> list[DateMention]:
    """Every date expression of ``formats``, in text order, each with its words as written.
    Relative ones need a day-precise ``reference``; year-less dates get a year from their
    weekday when the article's ``mentioned_years`` make it unambiguous."""
    key, offsets = keyed(text)
    context = Context(reference, mentioned_years)
    found: list[tuple[int, DateMention]] = []
    taken: list[tuple[int, int]] = []
    for date_format in formats:
        for m in date_format.pattern.finditer(key):
            start, end = m.span()
            while end > start and key[end - 1] == " ":
                end -= 1
            if any(s < end and start < e for s, e in taken):
                continue
            value = date_format.read(m, context)
            if value is None:
                continue
            taken.append((start, end))
            as_written = written_span(text, offsets, start, end)
            found.append((start, DateMention(replace(value, text=as_written), date_format.kind)))
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


def publication_date_in(text: str) -> DateValue | None:
    """The date a date line or byline gives, as precise as written: its Gregorian date when it
    prints both calendars ("24 شعبان 1442 هـ - 6 أبريل 2021 م"), else its Hijri one."""
    found = find_all_dates(text, formats=STANDALONE_FORMATS)
    gregorian = [m.value for m in found if m.kind == "date"]
    return (gregorian or [m.value for m in found] or [None])[0]


def years_mentioned(text: str) -> tuple[int, ...]:
    """Four-digit years 1800–2099 written in the text."""
    return tuple(sorted({int(y) for y in re.findall(r"(?<!\d)((?:1[89]|20)\d\d)(?!\d)", digits_to_ascii(text))}))


def is_date_line(text: str) -> bool:
    """A line that is a date and little else: "26 يوليو 2021", ", أغسطس", "الاثنين 26 تموز 2021",
    "24 شعبان 1442 هـ - 6 أبريل 2021 م"."""
    key = rest = matching_key(text)
    for date_format in STANDALONE_FORMATS:
        rest = date_format.pattern.sub(" ", rest)
    if rest == key:
        return False
    rest = TIME_RE.sub(" ", rest)
    words = re.split(r"[\s,،|\-–—/.\[\]():：]+", rest)
    leftover = [w for w in words if w and w not in WEEKDAYS and w not in DATE_LINE_WORDS]
    return len(leftover) == 0


def _gregorian(match: re.Match) -> DateValue:
    year = int(match["year"]) if match["year"] else None
    month = MONTHS[_MONTH_NAME_RE.match(match["month"]).group()]  # the first of a pair
    day = int(match["day"]) if match["day"] else None
    if day is not None and not _is_real_day(year, month, day):
        day = None  # "31 فبراير 2023": the month and year are all the text really gives
    return DateValue(year=year, month=month, day=day, text=match.group().strip())


def _numeric(match: re.Match) -> DateValue | None:
    if match["year"]:
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    else:
        first, second, year = int(match["first"]), int(match["second"]), int(match["year_last"])
        day, month = (second, first) if first <= 12 < second else (first, second)
    if not 1 <= month <= 12 or not _is_real_day(year, month, day):
        return None
    return DateValue(year, month, day, text=match.group())


def _is_real_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in that month (of that year; of a leap year when it is unknown)."""
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _hijri(match: re.Match) -> DateValue:
    try:
        day = Hijri(int(match["year"]), HIJRI_MONTHS_BY_KEY[match["month"]], int(match["day"])).to_gregorian()
    except (ValueError, OverflowError):
        return DateValue(text=match.group().strip())
    return DateValue(day.year, day.month, day.day, text=match.group().strip())


def _year_from_weekday(value: DateValue, weekday: int, mentioned: tuple[int, ...]) -> DateValue:
    """The single year near the mentioned ones where day/month fell on ``weekday``."""
    if not mentioned:
        return value
    low, high = min(mentioned) - WEEKDAY_YEAR_WINDOW, max(mentioned) + WEEKDAY_YEAR_WINDOW
    fits = []
    for year in range(low, high + 1):
        try:
            if dt.date(year, value.month, value.day).weekday() == weekday:
                fits.append(year)
        except ValueError:
            continue
    if len(fits) != 1:
        return value
    return DateValue(fits[0], value.month, value.day, inferred=True, text=value.text)


def _year_from_reference(value: DateValue, reference: DateValue) -> DateValue:
    """The year that puts a year-less date nearest the publication date, leaning to the past
    that news mostly reports: the date up to FUTURE_HORIZON_DAYS after it (a lead-up piece of
    10 March 2023: "في 21 مارس" is 2023-03-21), else the last one on or before it ("29 يونيو"
    in an article of 26 July 2021 or of 5 January 2022 is 2021-06-29). A day that exists in
    none of the years around it (29 February) gets no year."""
    year = _nearest_year(reference, value.month, value.day)
    if year is None:
        return value
    return DateValue(year, value.month, value.day, inferred=True, text=value.text)


def _nearest_year(reference: DateValue, month: int, day: int | None) -> int | None:
    anchor = dt.date(reference.year, reference.month, reference.day or 15)
    candidates = [(year, dt.date(year, month, day or 15)) for year in range(reference.year - 1, reference.year + 2)
                  if _is_real_day(year, month, day or 15)]
    ahead = [year for year, date in candidates if 0 < (date - anchor).days <= FUTURE_HORIZON_DAYS]
    before = [year for year, date in candidates if date <= anchor]
    return ahead[0] if ahead else (before[-1] if before else None)


def _shifted(base: dt.date, days: int, text: str) -> DateValue:
    day = base + dt.timedelta(days=days)
    return DateValue(day.year, day.month, day.day, inferred=True, text=text)
