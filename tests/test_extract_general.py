"""Extraction on Arabic news that is not from the seeds: other outlets, other events."""
from __future__ import annotations

import pytest

from generator.clean.cleaner import build_lexicon, clean
from generator.extract.article import Knowledge, extract
from generator.extract.entities import build_gazetteer, find_mentions
from generator.extract.registry import builtin_sources
from generator.model import DateValue, Entity, Paragraph, RawDoc, Role, Source
from generator.pipeline import place_entities
from generator.text.dates import find_all_dates, is_date_line

GAZETTEER = build_gazetteer([
    Entity("erdogan", "رجب طيب أردوغان", "person", ("أردوغان",)),
    Entity("guterres", "أنطونيو غوتيريش", "person", ("غوتيريش",)),
    Entity("un", "الأمم المتحدة", "organization", ("المنظمة الدولية",)),
    Entity("hezbollah", "حزب الله", "organization"),
    Entity("opec", "منظمة الدول المصدرة للنفط", "organization", ("أوبك",)),
    Entity("militias", "الميليشيات الحوثية", "organization", ("الحوثيين", "الحوثيون")),
] + place_entities())
KNOWLEDGE = Knowledge(GAZETTEER, builtin_sources())


def article_of(text: str):
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    return extract(clean(raw, build_lexicon([text])), raw, "case", KNOWLEDGE)


def names(text: str) -> list[str]:
    by_id = {e.id: e.name for e in GAZETTEER.entities}
    return [by_id[m.entity_id] for m in find_mentions((Paragraph("p1", Role.BODY, text, "ar"),), GAZETTEER)]


def test_reuters_dateline_gives_city_and_agency():
    a = article_of("الرياض (رويترز) - قال مسؤولون سعوديون يوم الأحد إن المملكة ستخفض إنتاجها من النفط "
                   "بمقدار مليون برميل يوميا اعتبارا من الشهر المقبل في خطوة تهدف إلى دعم الأسعار.")
    assert a.dateline == "الرياض" and a.agency.name == "رويترز" and a.agency.name_en == "Reuters"


def test_dpa_and_spa_abbreviations_resolve_to_agencies():
    a = article_of("برلين - (د ب أ) - أعلنت الحكومة الألمانية اليوم الثلاثاء عن حزمة مساعدات جديدة لأوكرانيا "
                   "تشمل معدات عسكرية وذخائر بقيمة تتجاوز مليار يورو خلال العام الجاري.")
    assert a.agency.name_en == "Deutsche Presse-Agentur"
    b = article_of("جدة - واس - استقبل ولي العهد في قصر السلام بجدة اليوم رئيس وزراء باكستان والوفد المرافق له "
                   "وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين الشقيقين.")
    assert b.agency.name == "وكالة الأنباء السعودية" and b.dateline == "جدة"


def test_publisher_self_description_names_the_outlet():
    a = article_of("تناقش هذه الورقة مستقبل العلاقات الخليجية الإيرانية بعد الاتفاق الأخير بين الرياض وطهران "
                   "برعاية صينية، وما يعنيه ذلك لأمن المنطقة واستقرار أسواق الطاقة.\n\n"
                   "The Arab Gulf States Institute (AGSI) is an independent, nonprofit institution.")
    assert a.outlet.name_en == "Arab Gulf States Institute"


def test_rights_line_with_a_glued_lam_names_the_outlet():
    text = ("ارتفاع أسعار الخبز في القاهرة\n\n"
            "رفعت الحكومة المصرية سعر رغيف الخبز غير المدعم للمرة الثانية هذا العام، وسط تراجع قيمة الجنيه "
            "وارتفاع كلفة استيراد القمح من الأسواق العالمية.\n\n"
            "جميع الحقوق محفوظة لـالشروق 2024")
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    knowledge = Knowledge(GAZETTEER, builtin_sources() + (Source("الشروق", "Al-Shorouk"),))
    a = extract(clean(raw, build_lexicon([text])), raw, "case", knowledge)
    assert a.outlet is not None and a.outlet.name_en == "Al-Shorouk"


def test_byline_with_biqalam_gives_the_author():
    a = article_of("الأزمة الاقتصادية في لبنان\n\nبقلم: ليلى حداد\n\n"
                   "تتواصل معاناة اللبنانيين مع انهيار العملة الوطنية وارتفاع أسعار السلع الأساسية بشكل غير مسبوق "
                   "منذ بداية الأزمة قبل أربع سنوات.")
    assert a.author == "ليلى حداد" and a.title == "الأزمة الاقتصادية في لبنان"


def test_levantine_month_date_line_is_the_publication_date():
    a = article_of("مجلس النواب يقر الموازنة\n\nالثلاثاء ١٤ آذار ٢٠٢٣\n\n"
                   "أقر مجلس النواب العراقي في جلسته المنعقدة مساء اليوم قانون الموازنة العامة الاتحادية للسنوات الثلاث "
                   "المقبلة بعد جدل استمر أسابيع بين الكتل السياسية.")
    assert a.date.iso == "2023-03-14" and not a.date.inferred


@pytest.mark.parametrize("line, iso, printed", [
    ("17 ذو الحجة 1442 هـ", "2021-07-27", "17 ذو الحجة 1442 هـ"),  # a date line for the cleaner: a date for the article
    ("24 شعبان 1442 هـ - 6 أبريل 2021 م", "2021-04-06", "6 أبريل 2021"),  # both calendars: the Gregorian one
    ("الأربعاء 7 إبريل 2021", "2021-04-07", "الأربعاء 7 إبريل 2021"),  # kept as printed, not as its matching key
])
def test_a_date_line_in_any_calendar_is_the_publication_date_as_printed(line, iso, printed):
    a = article_of(f"مجلس النواب يقر الموازنة\n\n{line}\n\n"
                   "أقر مجلس النواب العراقي في جلسته المنعقدة مساء اليوم قانون الموازنة العامة الاتحادية للسنوات الثلاث "
                   "المقبلة بعد جدل استمر أسابيع بين الكتل السياسية.")
    assert (a.date.iso, a.date.text) == (iso, printed)


@pytest.mark.parametrize("line, iso", [
    ("الإثنين 03-12-2012 23:55", "2012-12-03"),  # day first, with a time
    ("2026-02-01 | 05:10", "2026-02-01"),
    ("11:42 2024-09-18", "2024-09-18"),
    ("14/09/2020 04:14PM", "2020-09-14"),
    ("[05/01/2020 06:15]", "2020-01-05"),  # ambiguous: the Arab order, day first
    ("01/19/2020 - 20:00", "2020-01-19"),  # only month first is a date
    ("8.6.2023", "2023-06-08"),
    ("الجمعة، 30 أغسطس 2013 05:34 ص", "2013-08-30"),
    ("12:01 ص الثلاثاء 29 ديسمبر 2020", "2020-12-29"),
])
def test_a_date_line_with_a_time_or_in_numbers_is_the_publication_date(line, iso):
    assert is_date_line(line)
    a = article_of(f"مجلس النواب يقر الموازنة\n\n{line}\n\n"
                   "أقر مجلس النواب العراقي في جلسته المنعقدة مساء اليوم قانون الموازنة العامة الاتحادية للسنوات الثلاث "
                   "المقبلة بعد جدل استمر أسابيع بين الكتل السياسية.")
    assert a.date.iso == iso and a.title == "مجلس النواب يقر الموازنة"


def test_numbers_that_are_not_a_real_date_are_not_one():
    assert [m.kind for m in find_all_dates("بلغ العدد 31/02/2021 وحدة و13.14.2020 طنا")] == []


def test_hijri_date_is_converted():
    (mention,) = find_all_dates("أعلنت السلطات أن يوم 10 ذي الحجة 1444 هـ هو أول أيام عيد الأضحى")
    assert mention.kind == "hijri" and mention.value.iso == "2023-06-28"


@pytest.mark.parametrize("text, iso", [
    ("وكانت الحكومة قد أقرت الخطة في 12 جمادى الأولى 1444 هـ بعد مشاورات مع النقابات", "2022-12-06"),
    ("ويبدأ العام الدراسي الجديد في 3 جمادى الآخرة 1445 هـ وفق التقويم المعتمد", "2023-12-16"),
    ("افتتح المعرض أبوابه يوم 1 ربيع الأول 1445 هـ في مركز المؤتمرات", "2023-09-16"),
])
def test_hijri_months_written_with_alef_maqsura_and_hamza_are_converted(text, iso):
    (mention,) = find_all_dates(text)
    assert mention.kind == "hijri" and mention.value.iso == iso


def test_relative_words_resolve_against_the_publication_date_and_are_marked_inferred():
    ref = DateValue(2023, 3, 14)  # a Tuesday
    found = {m.value.text: m.value for m in find_all_dates("التقى الوزير أمس نظيره، وكان قد زار الأحد عمّان", ref)}
    assert found["أمس"].iso == "2023-03-13" and found["أمس"].inferred
    assert found["الأحد"].iso == "2023-03-12"


def test_a_year_less_date_just_ahead_of_publication_is_upcoming_not_last_year():
    ref = DateValue(2023, 3, 10)
    (visit,) = find_all_dates("ومن المقرر أن يزور العاهل الأردني باريس في 21 مارس لإجراء محادثات مع الرئيس الفرنسي", ref)
    assert visit.value.iso == "2023-03-21" and visit.value.inferred
    (summit,) = find_all_dates("وكانت القمة التي عقدت في 29 أكتوبر قد انتهت دون بيان ختامي", ref)
    assert summit.value.iso == "2022-10-29"


def test_a_year_less_date_far_ahead_is_the_last_one_before():
    (mention,) = find_all_dates("وأشار التقرير إلى أن الاحتجاجات اندلعت في 29 يونيو بعد رفع أسعار الوقود",
                                DateValue(2022, 1, 5))
    assert mention.value.iso == "2021-06-29"


def test_reuters_pair_of_month_names_without_a_slash_is_one_date():
    text = "وقالت الوزارة في بيان يوم الثلاثاء 14 نوفمبر تشرين الثاني 2023 إن المحادثات ستستأنف الأسبوع المقبل"
    (mention,) = [m for m in find_all_dates(text) if m.kind == "date"]
    assert mention.value.iso == "2023-11-14" and mention.value.text == "الثلاثاء 14 نوفمبر تشرين الثاني 2023"
    assert [m.value.month for m in find_all_dates("وتنتهي المهلة في كانون الثاني يناير 2024")] == [1]


def test_a_day_the_month_does_not_have_keeps_only_the_month():
    (mention,) = find_all_dates("ونشرت الصحيفة في عددها الصادر يوم 31 فبراير 2023 تقريرا عن الأزمة")
    assert (mention.value.year, mention.value.month, mention.value.day) == (2023, 2, None)


def test_a_weekday_does_not_invent_a_year_without_nearby_years():
    (mention,) = find_all_dates("يصل الوفد يوم الخميس 12 أكتوبر إلى القاهرة")
    assert mention.value.year is None and mention.value.month == 10 and mention.value.day == 12


def test_maghrebi_month_names_and_date_lines():
    (mention,) = find_all_dates("انطلقت الانتخابات يوم 8 شتنبر 2021 في المغرب")
    assert mention.value.iso == "2021-09-08"
    assert is_date_line("الأربعاء 8 شتنبر 2021") and not is_date_line("انطلقت الانتخابات في 8 شتنبر 2021")


def test_entity_with_clitics_and_alias():
    assert names("وأكد أردوغان أن المنظمة الدولية لم تفعل شيئاً، وقال للأمم المتحدة إن بلاده مستعدة") == \
        ["رجب طيب أردوغان", "الأمم المتحدة", "الأمم المتحدة"]


def test_longest_name_wins():
    assert names("استقبل الرئيس التركي رجب طيب أردوغان الأمين العام أنطونيو غوتيريش في أنقرة") == \
        ["رجب طيب أردوغان", "أنطونيو غوتيريش", "أنقرة"]


def test_spelling_variants_match_one_entity():
    assert names("هاجمت المليشيات الحوثية سفينة، واتهمت الميليشيات الحوثيّة واشنطن") == \
        ["الميليشيات الحوثية", "الميليشيات الحوثية", "واشنطن"]


def test_adjectives_and_relations_are_not_places():
    assert names("أكدت الحكومة اللبنانية والقوات السورية والعراقية على الحدود التركية") == []
    assert names("زار لبنان وسوريا ثم عاد إلى تركيا") == ["لبنان", "سوريا", "تركيا"]


def test_amman_and_oman_are_told_apart_by_diacritics_and_context():
    assert names("وصل وزير الخارجية السعودي إلى العاصمة الأردنية عمان في زيارة تستغرق يومين") == ["عمّان"]
    assert names("وقعت سلطنة عمان والهند اتفاقية للتجارة الحرة بعد مفاوضات استمرت عامين") == ["عُمان", "الهند"]
    assert names("وتستضيف عمّان اجتماعا لوزراء الطاقة العرب، فيما تشارك عُمان بوفد رفيع") == ["عمّان", "عُمان"]
    assert names("وبحث العاهل الأردني مع الرئيس الفرنسي الأوضاع في المنطقة قبل عودته إلى عمان") == ["عمّان"]
    assert names("بحث الجانبان خطط الربط الكهربائي بين الأردن وسلطنة عمان") == ["الأردن", "عُمان"]


def test_a_bare_amman_or_oman_without_any_cue_is_not_linked():
    assert names("ومن المقرر أن تستضيف عمان الجولة المقبلة من المحادثات الشهر المقبل") == []
    a = article_of("أعلن وزير الطاقة الأردني أن بلاده ستوقع اتفاقية جديدة للغاز الشهر المقبل في إطار سعيها لتنويع مصادرها.\n\n"
                   "وأضاف أن الاتفاقية ستوقع في عمان بحضور ممثلين عن عدد من الشركات الإقليمية والدولية.")
    (amman,) = [m for m in a.mentions if m.surface == "عمان"]
    assert amman.entity_id == next(e.id for e in GAZETTEER.entities if e.name == "عمّان")


def test_an_alias_of_one_homograph_names_it_alone():
    gazetteer = build_gazetteer([Entity("oman", "عُمان", "place", ("سلطنة عمان",))] + place_entities())
    by_id = {e.id: e.name for e in gazetteer.entities}
    text = "واستقبلت سلطنة عمان وفدا إيرانيا رفيعا لبحث الملف النووي"
    assert [by_id[m.entity_id] for m in find_mentions((Paragraph("p1", Role.BODY, text, "ar"),), gazetteer)] == ["عُمان"]


def test_amman_and_oman_have_pages_of_their_own():
    ids = {e.name: e.id for e in GAZETTEER.entities}
    assert ids["عمّان"] != ids["عُمان"]
    assert len({e.id for e in GAZETTEER.entities}) == len(GAZETTEER.entities)


def test_figures_with_scales_written_numbers_and_percent():
    a = article_of("قالت وزارة الصحة إن نحو 1,200 شخص أصيبوا، وإن أكثر من ثلاثة آلاف لاجئ عبروا الحدود، "
                   "فيما ارتفع التضخم إلى 12.5 في المئة وتجاوزت قيمة الخسائر 3 مليارات دولار خلال أسبوعين.")
    got = {(f.value, f.unit, f.qualifier) for f in a.figures}
    assert (1200, "people", "about") in got
    assert (3000, "refugees", "more_than") in got
    assert (12.5, "percent", "") in got
    assert (3_000_000_000, "USD", "") in got


def test_years_alone_are_not_figures():
    a = article_of("شهد عام 2019 احتجاجات واسعة، وفي 2020 تفشت الجائحة، وعاد الهدوء نسبياً إلى الشوارع "
                   "مع حلول عام 2022 بعد تشكيل الحكومة الجديدة وإقرار الموازنة.")
    assert a.figures == ()


def test_quote_from_a_named_person_and_its_continuation():
    a = article_of("أنقرة (الأناضول) - قال الرئيس التركي رجب طيب أردوغان في كلمة أمام البرلمان اليوم "
                   "\"لن نسمح بأي تهديد لأمننا القومي مهما كان مصدره\". وأضاف \"سنواصل عملياتنا حتى تحقيق أهدافنا كاملة\".")
    assert [(q.speaker, q.text.split()[0]) for q in a.quotes] == [("رجب طيب أردوغان", "لن"), ("رجب طيب أردوغان", "سنواصل")]


def test_quote_from_an_unnamed_source_keeps_the_description():
    a = article_of("بيروت - (أ ف ب) - وقال مصدر أمني لبناني رفيع طلب عدم كشف هويته إن «الوضع على الحدود الجنوبية "
                   "هادئ حذر منذ ساعات الصباح الأولى» وفق ما نقلت وسائل إعلام محلية عن الجيش اللبناني.")
    assert [q.speaker for q in a.quotes] == ["مصدر أمني لبناني رفيع"]


def test_quote_from_a_named_spokesperson_gives_the_name_not_the_office():
    a = article_of("طهران (أ ف ب) - وقال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن «طهران لن تقبل "
                   "بأي شروط مسبقة للعودة إلى المفاوضات» مشيرا إلى أن الكرة في ملعب الأطراف الأوروبية.")
    assert [q.speaker for q in a.quotes] == ["ناصر كنعاني"]
    b = article_of("أنقرة - وقال المتحدث باسم وزارة الدفاع التركية زكي أقطورك إن «القوات المسلحة ستواصل "
                   "عملياتها ضد التنظيمات الإرهابية في شمال العراق» وفق ما نقلت وكالة الأناضول.")
    assert [q.speaker for q in b.quotes] == ["زكي أقطورك"]


def test_a_spokesperson_whose_name_starts_like_the_article_is_named():
    a = article_of("بغداد - وقالت المتحدثة باسم وزارة الصحة إلهام العبيدي للصحفيين إن «عدد الإصابات بالكوليرا "
                   "تراجع بشكل ملحوظ خلال الأسبوعين الماضيين» مؤكدة استمرار حملات التلقيح في المحافظات.")
    assert [q.speaker for q in a.quotes] == ["إلهام العبيدي"]


def test_a_known_spokesperson_is_named_when_the_phrase_runs_on():
    from generator.extract.quotes import find_quotes
    gazetteer = build_gazetteer([Entity("kalin", "إبراهيم قالن", "person", ("قالن",))])
    text = ("وأضاف المتحدث باسم الرئاسة التركية إبراهيم قالن في كلمة متلفزة أن \"أنقرة لن تقبل بأي تهديد "
            "لحدودها الجنوبية مهما كان مصدره\"")
    paragraph = Paragraph("p1", Role.BODY, text, "ar")
    (quote,) = find_quotes((paragraph,), find_mentions((paragraph,), gazetteer), {e.id: e for e in gazetteer.entities})
    assert quote.speaker == "إبراهيم قالن"


def test_the_spokesperson_of_a_named_leader_is_not_the_leader():
    a = article_of("نيويورك - وقال المتحدث باسم الأمين العام للأمم المتحدة أنطونيو غوتيريش إن «المنظمة تتابع "
                   "بقلق بالغ تدهور الأوضاع الإنسانية في القطاع» داعيا إلى فتح المعابر فورا.")
    assert [q.speaker for q in a.quotes] == ["المتحدث باسم الأمين العام للأمم المتحدة أنطونيو غوتيريش"]


def test_a_known_spokesperson_is_named_as_the_gazetteer_names_him():  # Egyptian final ى
    from generator.extract.quotes import find_quotes
    gazetteer = build_gazetteer([Entity("kanaani", "ناصر كنعاني", "person", ("كنعاني",))])
    text = ("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعانى للصحفيين إن «طهران لن تسمح بأي تدخل "
            "في شؤونها الداخلية»")
    paragraph = Paragraph("p1", Role.BODY, text, "ar")
    mentions = find_mentions((paragraph,), gazetteer)
    (quote,) = find_quotes((paragraph,), mentions, {e.id: e for e in gazetteer.entities})
    assert quote.speaker == "ناصر كنعاني"


def test_a_spokesperson_without_a_name_keeps_the_office_and_adjectives_are_not_names():
    a = article_of("وقال المتحدث باسم الجيش اللبناني إن «الوحدات العسكرية انتشرت على طول الحدود الجنوبية» "
                   "وأضافت مسؤولة عراقية كبيرة أن «الحكومة لن تسمح بتكرار ما جرى في المدينة».")
    assert [q.speaker for q in a.quotes] == ["المتحدث باسم الجيش اللبناني", "مسؤولة عراقية كبيرة"]


def test_an_office_an_institution_or_the_person_named_before_is_the_speaker():
    """Real shapes from the Beirut corpus, reworded: an office with no name, an institution that
    opens the phrase, a verb whose subject is the person the paragraph named before."""
    from generator.extract.quotes import find_quotes
    gazetteer = build_gazetteer([Entity("red-cross", "الصليب الأحمر اللبناني", "organization", ("الصليب الأحمر",)),
                                 Entity("diab", "حسان دياب", "person", ("دياب",)),
                                 Entity("kataeb", "حزب الكتائب", "organization", ())])
    texts = ["يأتي ذلك فيما قال وزير الصحة اللبناني في تصريح إعلامي: «المستشفيات الميدانية ستكون الحل المناسب»",
             "وذكر الصليب الأحمر في بيان: «حتى الآن أصيب أكثر من أربعة آلاف شخص»",
             "وتعهد حسان دياب بمحاسبة المسؤولين. وقال في كلمة تلفزيونية: \"سيتم كشف الحقائق كاملة\"",
             "وقال النائب عن حزب \"الكتائب\" إلياس حنكش، في تصريح مختصر: \"أتحفظ عن الكلام في هذه الساعة\"",
             "وأضاف \"سقط عشرات الجرحى في الانفجار\"",
             "وقال الوزير اليحيا لـ«متابعة التطورات المتعلقة باحتجاز المواطنين مستمرة»"]
    paragraphs = tuple(Paragraph(f"p{n}", Role.BODY, t, "ar") for n, t in enumerate(texts, 1))
    quotes = find_quotes(paragraphs, find_mentions(paragraphs, gazetteer), {e.id: e for e in gazetteer.entities})
    assert [q.speaker for q in quotes] == ["وزير الصحة اللبناني", "الصليب الأحمر اللبناني", "حسان دياب", None, None,
                                           None]  # not «الوزير اليحيا ل»


def test_scare_quotes_are_not_quotes():
    a = article_of("وتتهم الحكومة ما تسميه \"الإرهاب\" بالوقوف وراء الهجمات الأخيرة على المنشآت النفطية في "
                   "الجنوب، بينما يرفض السكان المحليون هذه الرواية ويطالبون بتحقيق مستقل وشفاف.")
    assert a.quotes == ()


@pytest.mark.parametrize("text, iso", [
    ("٢٣ نيسان ٢٠٢٤", "2024-04-23"), ("5 جويلية 2022", "2022-07-05"), ("1 إبريل 2020", "2020-04-01"),
    ("30 كانون الأول 2019", "2019-12-30"),
])
def test_month_spellings_across_the_arab_world(text, iso):
    (mention,) = find_all_dates(text)
    assert mention.value.iso == iso


def test_names_after_role_titles_are_discovered_with_their_roles():
    from generator.extract.discovery import discover_people, discovered_entities

    text = ("وقال وزير الخارجية الأردني أيمن الصفدي إن بلاده ترفض أي تهجير، فيما أكدت المتحدثة باسم الخارجية "
            "الفرنسية آن كلير لوجندر أن باريس تتابع الوضع. وواجه رئيس الوزراء ضغوطاً متزايدة من المعارضة.")
    found = discovered_entities(discover_people((Paragraph("p1", Role.BODY, text, "ar"),), GAZETTEER))
    assert [(e.name, e.role) for e in found] == [("أيمن الصفدي", "وزير الخارجية الأردني"),
                                                ("آن كلير", "المتحدثة باسم الخارجية الفرنسية")]


def test_discovered_people_reach_the_built_site_without_a_gazetteer(project):
    import re as _re

    from conftest import articles_data, build_quietly
    config = project / "site.yaml"
    config.write_text(_re.split(r"\n# The gazetteer", config.read_text(encoding="utf-8"))[0] + "\n", encoding="utf-8")
    assert build_quietly(project) == 0
    people = {e["name"] for a in articles_data(project / "output").values() for e in a["entities"] if e["type"] == "person"}
    assert {"قاسم الأعرجي", "جون كيربي", "لويد أوستن", "جين ساكي", "أنتوني بلينكن"} <= people
