"""The publication date among the dates a page prints (issue 19), on lines from real pages."""
from __future__ import annotations

import pytest

from generator.clean.cleaner import build_lexicon, clean
from generator.extract.article import Knowledge, extract
from generator.extract.entities import build_gazetteer
from generator.extract.registry import builtin_sources
from generator.model import RawDoc
from generator.pipeline import place_entities
from generator.text.dates import publication_date_in

KNOWLEDGE = Knowledge(build_gazetteer(place_entities()), builtin_sources())
LEAD = ("أعلنت الحكومة اليوم عن حزمة إجراءات جديدة لدعم الأسر محدودة الدخل، تشمل زيادة المعونات "
        "الشهرية وتوسيع برامج الدعم الغذائي في المحافظات كافة.")
MORE = ("وأوضح المتحدث باسم الحكومة أن الإجراءات ستدخل حيز التنفيذ مطلع الشهر المقبل، وأن كلفتها ستغطى "
        "من موازنة الطوارئ دون اللجوء إلى الاقتراض.")


def published(*lines: str) -> tuple:
    text = "\n\n".join(lines)
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    date = extract(clean(raw, build_lexicon([text])), raw, "case", KNOWLEDGE).date
    return date.year, date.month, date.day


@pytest.mark.parametrize("line, expected", [
    ("2021:07:08.09:07 حجم الخط اطبع", (2021, 7, 8)),  # year first with colons, a time after
    ("الموافق ١٤نوفمبر 2019", (2019, 11, 14)),  # PDF text: the month glued to its day
    ("www.alsharq.net.sa alShrqNews الثاثاء 28رجب 1438هـ | 25إبريل 2017م | العدد ( | )1969السنة", (2017, 4, 25)),
    ("آخر تحديث: السبت 4 أكتوبر 2025 - 5:58 م بتوقيت القاهرة د ب أ", (2025, 10, 4)),
])
def test_dates_as_pages_and_pdfs_print_them(line, expected):
    value = publication_date_in(line)
    assert (value.year, value.month, value.day) == expected


def test_a_header_line_that_opens_with_a_date_gives_it():
    assert published("وزير الخارجية: الإفراج عن مواطنين اثنين من المشاركين بالأسطول",
                     "آخر تحديث: السبت 4 أكتوبر 2025 - 5:58 م بتوقيت القاهرة د ب أ", LEAD, MORE) == (2025, 10, 4)


def test_the_masthead_today_years_after_the_articles_own_date_is_not_the_date():
    assert published("الجمعة - 19 نيسان 2024", "إعلان", "صباح الخير، إليكم أبرز مستجدات الثلثاء 2 آذار 2021",
                     LEAD, MORE) == (2021, 3, 2)


def test_a_masthead_date_stays_when_the_text_speaks_of_no_distant_full_date():
    assert published("الجمعة - 19 نيسان 2024", "عنوان الخبر كما نشر في الصفحة", LEAD, MORE) == (2024, 4, 19)


def test_the_date_in_the_leads_dateline_when_nothing_else_prints_one():
    assert published("سمو الأمير يقوم بجولة في قصر الحكم",
                     "الدوحة في 16 نوفمبر /قنا/ قام حضرة صاحب السمو أمير البلاد بجولة تفقدية صباح اليوم في القصر.",
                     MORE) == (None, 11, 16)


def test_a_crawlers_marker_before_the_lead_is_not_a_date():
    assert published("date 2025-12-12 أبرمت وكالة تونس إفريقيا للأنباء ووكالة الأنباء الجزائرية اليوم الجمعة "
                     "بتونس العاصمة اتفاقية لتبادل الأخبار.", MORE) == (None, None, None)


def test_check_says_when_the_masthead_today_was_set_aside():
    from generator.commands.check import review_notes

    text = "\n\n".join(("الجمعة - 19 نيسان 2024", "إعلان", "صباح الخير، إليكم أبرز مستجدات الثلثاء 2 آذار 2021", LEAD, MORE))
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    notes = review_notes(extract(clean(raw, build_lexicon([text])), raw, "case", KNOWLEDGE))
    assert any("19 نيسان 2024" in note and "today" in note for note in notes)
