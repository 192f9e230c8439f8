"""Who published it (issue 19): the registry of outlets and agencies, datelines in all their
shapes, credits, mastheads and an outlet quoting itself — on lines taken from real pages
(tests/devset), each inside a short article as a user would paste it."""
from __future__ import annotations

from collections import Counter

import pytest

from generator.clean.cleaner import build_lexicon, clean
from generator.extract.article import Knowledge, extract
from generator.extract.entities import build_gazetteer
from generator.extract.registry import Registry, builtin_sources
from generator.model import RawDoc, Source
from generator.pipeline import place_entities
from generator.text.arabic import matching_key

KNOWLEDGE = Knowledge(build_gazetteer(place_entities()), builtin_sources())
LEAD = ("أعلنت الحكومة اليوم الثلاثاء عن حزمة إجراءات جديدة لدعم الأسر محدودة الدخل، تشمل زيادة المعونات "
        "الشهرية وتوسيع برامج الدعم الغذائي في المحافظات كافة.")
MORE = ("وأوضح المتحدث باسم الحكومة أن الإجراءات ستدخل حيز التنفيذ مطلع الشهر المقبل، وأن كلفتها ستغطى "
        "من موازنة الطوارئ دون اللجوء إلى الاقتراض.")


def article(*lines: str, knowledge: Knowledge = KNOWLEDGE):
    text = "\n\n".join(lines)
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    return extract(clean(raw, build_lexicon([text])), raw, "case", knowledge)


def names(a) -> tuple:
    return (a.outlet.name if a.outlet else None, a.agency.name if a.agency else None, a.dateline)


def test_the_registry_holds_150_outlets_and_agencies_each_form_naming_one():
    sources = builtin_sources()
    assert len(sources) >= 150
    assert sum(s.agency for s in sources) >= 30 and sum(not s.agency for s in sources) >= 120
    claimed = Counter(key for s in sources for key in {tuple(matching_key(f).split()) for f in (s.name, s.name_en, *s.aliases) if f})
    assert [f for f, n in claimed.items() if n > 1] == []


def test_a_site_yaml_source_with_a_built_in_name_replaces_it():
    mine = Source("النهار", "Our An-Nahar", ("نهارنا",))
    registry = Registry.build((mine,) + builtin_sources())
    assert registry.exact("النهار").name_en == "Our An-Nahar" and registry.exact("نهارنا") is mine
    assert registry.exact("أ.ف.ب").name == "وكالة الصحافة الفرنسية"


@pytest.mark.parametrize("opening, expected", [
    ("البحر الميت 24 ايار(بترا)–اكد رئيس الوزراء", (None, "وكالة الأنباء الأردنية", "البحر الميت")),
    ("الجزائر 7 يوليو 2021 (شينخوا) أعلنت الرئاسة", (None, "شينخوا", "الجزائر")),
    ("الدوحة في 16 نوفمبر /قنا/ قام حضرة صاحب السمو", (None, "وكالة الأنباء القطرية", "الدوحة")),
    ("أبوظبي (وام) وصفت النشرة", (None, "وكالة أنباء الإمارات", "أبوظبي")),
    ("أفريقيا برس – المغرب. تشير الأرقام الرسمية", ("أفريقيا برس", None, "المغرب")),
    ("الكويت – أشاد نائب رئيس مجلس الوزراء", (None, None, "الكويت")),
    ("بغداد - قال الوزير -", (None, None, "بغداد")),
])
def test_a_dateline_opening_the_lead_in_any_shape(opening, expected):
    assert names(article("عنوان الخبر كما نشر", f"{opening} {LEAD}", MORE)) == expected


@pytest.mark.parametrize("line, expected", [
    ("واشنطن (رويترز)", (None, "رويترز", "واشنطن")),
    ("باريس - (أ ش أ):", (None, "وكالة أنباء الشرق الأوسط", "باريس")),
    ("خصب – العُمانية|", (None, "وكالة الأنباء العمانية", "خصب")),
    ("الجزائر - سبأنت", ("وكالة الأنباء اليمنية سبأ", "وكالة الأنباء اليمنية سبأ", "الجزائر")),  # its own site
    ("بغداد اليوم - بغداد", ("بغداد اليوم", None, "بغداد")),
    ("بلدي نيوز – (متابعات)", ("بلدي نيوز", None, None)),
    ("د ب أ", (None, "وكالة الأنباء الألمانية", None)),
    ("مصراوي Masrawy", ("مصراوي", None, None)),
])
def test_a_dateline_or_credit_on_a_line_of_its_own_is_not_shown_as_a_deck(line, expected):
    a = article("مقتل ثلاثة جنود في انفجار عبوة ناسفة شمال البلاد", line, LEAD, MORE)
    assert names(a) == expected
    assert a.subtitle is None and a.kicker is None


def test_a_writer_and_a_place_on_one_line_give_the_author_and_the_dateline():
    a = article("رياض سهيل-بغداد", LEAD, MORE)
    assert (a.author, a.dateline) == ("رياض سهيل", "بغداد")


def test_a_byline_naming_an_agency_is_the_agency_not_a_writer():
    a = article("عنوان الخبر كما نشر", "الإثنين 03-12-2012 23:55 | كتب: أ.ف.ب |", LEAD, MORE)
    assert a.agency.name == "وكالة الصحافة الفرنسية" and a.author is None


@pytest.mark.parametrize("furniture, outlet", [
    ("صحيفة الشرق - العدد 1969 - نسخة الدمام", "الشرق"),
    ("العدد 161 لصحيفة الصباح", "الصباح"),
    ("عدد اليوم السابع 28-01-2024", "اليوم السابع"),
    ("مرحبا بك في موقع رؤيا الإخباري لتطلع على آخر الأحداث والمستجدات في الأردن والعالم", "رؤيا"),
    ("قناة اليوم السابع على الواتساب اشترك في قناة اليوم السابع على واتساب", "اليوم السابع"),
    ("السومرية نيوز-سياسة", "السومرية نيوز"),
    ("رويترز عربي ودولي", "رويترز"),
    ("جميع الحقوق محفوظة لـالشروق 2024", "الشروق"),
])
def test_the_page_names_its_outlet_in_its_furniture(furniture, outlet):
    a = article(furniture, "عنوان الخبر كما نشر في الصفحة", LEAD, MORE)
    assert a.outlet is not None and a.outlet.name == outlet


@pytest.mark.parametrize("sentence, outlet", [
    ("وقال النائب محمود فالح السيد، للسومرية نيوز، ان البرلمان سار بالاتجاه الصحيح.", "السومرية نيوز"),
    ("وقال الباحث في حديث مع هسبريس إن التوافق على موعد واحد يخفض الكلفة.", "هسبريس"),
    ("وذكرت الأمانة العامة، في بيان تلقته (بغداد اليوم) أن الدوام معطل.", "بغداد اليوم"),
    ("وأكد مصدر وزاري لـ«عكاظ» أن التحقيق مستمر.", "عكاظ"),
])
def test_an_outlet_quoting_itself_names_it(sentence, outlet):
    assert article("عنوان الخبر كما نشر", LEAD, sentence, MORE).outlet.name == outlet


@pytest.mark.parametrize("text", [
    "وقال مسؤول بالمخابرات الأمريكية لرويترز إن الهجوم يحمل بصمات الحكومة.",  # an agency interviewing
    "وأكد الوزير في تصريح لوكالة كونا أن الوزارة تتابع بحرص شديد.",  # an agency named in the body
    "وقال إن النهار كان طويلا على المتظاهرين في الساحات.",  # an ordinary word with no cue
    "المصدر: صحيفة “الأنباء”",  # where the text came from, not who publishes the page
])
def test_names_in_the_text_that_are_not_the_publisher(text):
    a = article("عنوان الخبر كما نشر", LEAD, text, MORE)
    assert (a.outlet, a.agency) == (None, None)


def test_an_issue_line_does_not_make_an_ordinary_word_an_outlet():
    assert article("عدد اليوم", "عنوان الخبر كما نشر في الصفحة", LEAD, MORE).outlet is None


def test_check_asks_to_confirm_an_outlet_read_only_from_the_text_naming_it():
    from generator.commands.check import review_notes

    quoting = article("عنوان الخبر كما نشر", LEAD, "وأكد مصدر وزاري لـ«عكاظ» أن التحقيق مستمر.", MORE)
    masthead = article("صحيفة الشرق - العدد 1969 - نسخة الدمام", "عنوان الخبر كما نشر في الصفحة", LEAD, MORE)
    assert any("عكاظ" in note and "naming it" in note for note in review_notes(quoting))
    assert not any("naming it" in note for note in review_notes(masthead))


def test_check_asks_to_register_an_agency_credit_it_does_not_know():
    from generator.commands.check import review_notes

    a = article("عنوان الخبر كما نشر", f"دبي (وكالة النجمة) - {LEAD}", MORE)
    assert a.agency.name == "وكالة النجمة"
    assert any("not in the registry" in note for note in review_notes(a))


def test_a_writers_name_alone_above_the_lead_is_the_author_not_a_deck():
    a = article("حصيلة عام من عمر حكومة عزيز أخنوش", "مصطفى واعراب", LEAD, MORE)
    assert (a.author, a.subtitle) == ("مصطفى واعراب", None)
    b = article("حصيلة عام من عمر حكومة عزيز أخنوش", "خبراء الآثار", LEAD, MORE)  # a label, with the article
    assert b.author is None


@pytest.mark.parametrize("deck", ["آخر تحديث: السبت 4 أكتوبر 2025 - 5:58 م بتوقيت القاهرة", "نشر :", "(reuters_tickers)",
                                  "04 12 14"])
def test_a_date_label_or_placeholder_is_not_shown_as_the_deck(deck):
    assert article("وزير الخارجية الكويتي: الإفراج عن مواطنين اثنين", deck, LEAD, MORE).subtitle is None


def test_an_outlet_set_by_hand_settles_its_review_note():
    from generator.commands.check import review_notes
    from generator.read.overrides import Override, apply_override

    a = article("عنوان الخبر كما نشر", LEAD, "وأكد مصدر وزاري لـ«عكاظ» أن التحقيق مستمر.", MORE)
    fixed = apply_override(a, Override("content/articles/case.md", {"outlet": a.outlet}))
    assert not any("naming it" in note for note in review_notes(fixed))


def test_a_byline_run_onto_the_end_of_a_line_gives_the_author():
    deck = "الرئيس يتابع تنفيذ خطط الدولة لتحسين جودة الجامعات وربطها بسوق العمل كتب  -محمد الجالى"
    assert article("توجيهات رئاسية برفع كفاءة التعليم الجامعي", deck, LEAD, MORE).author == "محمد الجالى"
    assert article("عنوان الخبر كما نشر", LEAD, "وقال الوزير إن الكاتب الذي كتب الرواية معروف.", MORE).author is None
