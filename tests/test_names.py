"""Names beyond the gazetteer (issue 19): places from GeoNames, built-in and form-named
organizations, persons in longer names — on real sentences of the development set and seeds,
and ordinary words that must not be taken for names."""
from __future__ import annotations

import pytest

from generator.extract.discovery import discover_people, discovered_entities
from generator.extract.entities import build_gazetteer, find_mentions
from generator.extract.organizations import named_institutions
from generator.extract.places import builtin_places, geonames_places
from generator.model import Entity, Paragraph, Role, entity_id_for


def body(text: str) -> tuple[Paragraph, ...]:
    return (Paragraph("p1", Role.BODY, text, "ar"),)


@pytest.fixture(scope="module")
def places():
    return build_gazetteer([Entity(entity_id_for(n), n, "place", a) for n, a in builtin_places()])


def place_names(text: str, gazetteer) -> list[str]:
    by_id = {e.id: e.name for e in gazetteer.entities}
    return [by_id[m.entity_id] for m in find_mentions(body(text), gazetteer)]


def discovered(text: str, gazetteer) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in discovered_entities(discover_people(body(text), gazetteer))]


def test_towns_of_the_arab_states_are_places_from_the_geonames_table(places):
    text = "وصلت قوات النظام الى حلب وحماه وبلدات في ريف حمص، ثم إلى درعا والسويداء ودير الزور وكركوك والبصرة"
    assert place_names(text, places) == ["حلب", "حماة", "حمص", "درعا", "السويداء", "دير الزور", "كركوك", "البصرة"]


def test_countries_are_named_as_news_prints_them_with_their_official_forms(places):
    text = "شكرت الكويت كلا من مملكة البحرين، والمملكة الأردنية الهاشمية، والمملكة العربية السعودية والإمارات"
    assert place_names(text, places) == ["الكويت", "البحرين", "الأردن", "السعودية", "الإمارات"]


def test_ordinary_words_spelled_like_towns_are_not_places(places):
    # بيان, الصدر, المدينة, إطار, العين, سحر, عالية are towns in GeoNames and ordinary words
    text = "وذكر في بيان أن الصدر رحب بالقرار في إطار المدينة، وقالت إن العين ترى سحر المرحلة العالية"
    assert place_names(text, places) == []
    assert all(row[2] for row in geonames_places())  # every town has its country


def test_the_table_names_its_towns_in_arabic_spelling_only():
    letters_of_other_languages = set("پچژگکیےڈٹںھۀ")
    for name, aliases, _country in geonames_places():
        for spelling in (name, *aliases):
            assert not set(spelling) & letters_of_other_languages, spelling


def test_built_in_organizations_are_found_under_their_aliases(places):
    text = "دعا مجلس الأمن الأممي وحلف الناتو والجامعة العربية إلى وقف إطلاق النار، وقال صندوق النقد الدولي"
    assert [n for n, t in discovered(text, places) if t == "organization"] == [
        "مجلس الأمن الدولي", "حلف شمال الأطلسي", "جامعة الدول العربية", "صندوق النقد الدولي"]


def test_institutions_are_named_by_their_form_with_what_completes_them():
    text = ("أعربت وزارة الخارجية الكويتية عن شكرها، وعقد مجلس الوزراء العراقي جلسته اليوم، وقرر "
            "المجلس العسكري الانتقالي ووزارة التجارة والصناعة ذلك، وقال رئيس مجلس الوزراء الدكتور مصطفى مدبولي")
    assert named_institutions(body(text)) == ["وزارة الخارجية الكويتية", "مجلس الوزراء العراقي",
                                              "المجلس العسكري الانتقالي", "وزارة التجارة والصناعة"]


@pytest.mark.parametrize("text, names", [
    ("عين أمينا عاما لوزارة الاقتصاد الوطني برتبة وزير", ["وزارة الاقتصاد الوطني"]),  # a proclitic on the head
    ("في الدورة الثالثة للجنة العليا المشتركة التونسية الجزائرية المنعقدة بتونس",
     ["اللجنة العليا المشتركة التونسية الجزائرية"]),  # ل + اللجنة; a participle after the name
    ("وقال رئيس لجنة الاستخبارات في مجلس النواب إن", ["لجنة الاستخبارات في مجلس النواب"]),
    ("وأضاف أبرز الأعضاء في لجنة الشئون الخارجية بمجلس النواب أن", ["لجنة الشئون الخارجية بمجلس النواب"]),
    ("وذكرت الأمانة العامة لمجلس الوزراء في بيان", ["الأمانة العامة لمجلس الوزراء"]),
    ("وأصدر المجلس الوطني لحقوق الإنسان والوزارة بيانا مشتركا", ["المجلس الوطني لحقوق الإنسان"]),
    ("احتجاجا على قرب رئيسها من حركة “النهضة” وحزب العمال", ["حركة النهضة", "حزب العمال"]),  # one word: quoted, or a party
    ("المشاركين في أسطول الصمود العالمي حتى تأمين عودتهم", ["أسطول الصمود العالمي"]),
    ("استهدفت السفارة الأمريكية والمنشآت العسكرية", []),  # an embassy is a building; "والمنشآت" no part of it
    ("وتأثرت حركة الملاحة في الميناء، وبرئاسة الفريق أول", []),  # traffic; "chaired by"
    ("وقال المتحدث باسم الرئاسة التركية إلهان كايا إن", ["الرئاسة التركية"]),  # "إلهان" is no "ال" word
])
def test_institutions_run_over_proclitics_parties_and_the_bodies_they_belong_to(text, names):
    assert named_institutions(body(text)) == names


def test_two_institutions_joined_by_and_are_two():
    text = "وصادق البرلمان بغرفتيه، مجلس الأمة والمجلس الشعبي الوطني، على القانون"
    assert ("المجلس الشعبي الوطني", "organization") in discovered(text, build_gazetteer([]))
    assert ("مجلس الأمة", "organization") in discovered(text, build_gazetteer([]))


def test_a_generic_institution_alone_is_no_entity():
    # "وزارة الخارجية" alone is any state's ministry: the article's, which it does not say
    assert named_institutions(body("وأكدت وزارة الخارجية في بيان أن مجلس الوزراء اجتمع")) == []


@pytest.mark.parametrize("text, name", [
    ("أعرب رئيس الجمهورية،السيد عبد المجيد تبون، اليوم الأحد من العاصمة الألمانية", "عبد المجيد تبون"),
    ("قام حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى، بزيارة", "تميم بن حمد آل ثاني"),
    ("وعين السلطان وزير التراث محمد بن عبدالله الحارثي في منصبه", "محمد بن عبدالله الحارثي"),
    ("قال وزير الخارجية الأردني أيمن الصفدي إن بلاده ترفض", "أيمن الصفدي"),
    # a name set off by commas after the title and its complement
    ("قال السفير الأمريكي لدى دمشق، روبرت فورد، الأربعاء، إنه لا يعتقد", "روبرت فورد"),
    ("وقال رئيس لجنة الاستخبارات في مجلس النواب، مايك روجرز، لـ «رويترز» إن", "مايك روجرز"),
    # a transliterated name ending like a plural (wordfreq: "الماكرون" is no word)
    ("وشدد الرئيس الفرنسي إيمانويل ماكرون - وفق بيان صادر عن الإليزيه", "إيمانويل ماكرون"),
    # a title of several words keyed as words are, behind "و"
    ("وعضوية كل من الفريق أول محمد حمدان دقلو والفريق ياسر العطا واللواء إبراهيم جابر", "ياسر العطا"),
    ("برئاسة الفريق أول ركن عبدالفتاح البرهان.", "عبدالفتاح البرهان"),
    # a head noun and its genitive in the title's complement
    ('أكّد رئيس حزب "القوّات اللبنانيّة" سمير جعجع أننا جماعة رجاء', "سمير جعجع"),
    ("أمام رئيس دولة فلسطين محمود عباس، سفيراً لدولة فلسطين", "محمود عباس"),
    ("وقال الناطق الرسمي باسم الرئاسة بالنيابة سمير عقون، في بيان إنه", "سمير عقون"),
    # a family name rare in the word list runs on; "عبد الله" is a given name, not a blessing
    ("بناء على استقالة دولة الدكتور بشر هاني الخصاونة، وبعد الاطلاع", "بشر هاني الخصاونة"),
    ("أعلن وزير الخارجية عبد الله اليحيا، اليوم السبت، أن مواطنين", "عبد الله اليحيا"),
    ("ووجه السلطان هيثم بن طارق المعظم كلمة إلى المواطنين", "هيثم بن طارق"),  # an epithet, no family
    # a name closed a word or two on, by punctuation or by the next title; honorifics skipped
    ("وعضوية كل من الفريق أول محمد حمدان دقلو والفريق أول شمس الدين كباشي", "محمد حمدان دقلو"),
    ("وعضوية كل من الفريق أول محمد حمدان دقلو والفريق أول شمس الدين كباشي", "شمس الدين كباشي"),
    ("برئاسة سمو الشيخ صباح خالد الحمد الصباح رئيس مجلس الوزراء", "صباح خالد الحمد الصباح"),
    ('أن "رئيس مجلس الوزراء، محمد شياع السوداني، وجه بتعطيل الدوام', "محمد شياع السوداني"),
    ("ش - الدكتور إسماعيل الخلفان - الدكتور محمد رضى جلخي - الدكتور أحمد قربي", "محمد رضى جلخي"),
    ("والتي أسس لها المغفور له الشيخ زايد بن سلطان آل نهيان، طيب الله ثراه", "زايد بن سلطان آل نهيان"),
    ("منح الرئيس، امس الأحد، القائد الراحل عثمان أبو غربية، النجمة الكبرى", "عثمان أبو غربية"),
    ("التقت رئيسة تحريرها، مدير التحرير غسان الحجار والصحافي علي حماده.", "غسان الحجار"),
    ("أكد الرئيس عبد المجيد تبون الحرص.", "عبد المجيد تبون"),  # a word with the article runs on only before a title
])
def test_persons_are_named_in_full_after_their_title(text, name, places):
    assert (name, "person") in discovered(text, places)


@pytest.mark.parametrize("text", [
    "نائب رئيس مجلس الوزراء ووزير الدولة لشؤون مجلس الوزراء",  # titles, not a person
    "وقال الأمير حفظه الله إن البلاد",  # a blessing
    "وقال العقيد علمَ ببالغ الحزن",  # a vowelled verb
    "وقال المتحدث باسم الجيش المسؤولين العراقيين",  # a plural, not a name
    "ورحب السيد وعلى الرغم من ذلك",
])
def test_titles_blessings_and_function_words_are_not_taken_for_persons(text, places):
    assert [n for n, t in discovered(text, places) if t == "person"] == []


@pytest.mark.parametrize("text, names", [
    ("وذكرت الوكالة أن المرسوم الأول قضى بتعيين حمود بن فيصل وزيرا للخدمة المدنية، وكان يشغل", ["حمود بن فيصل"]),
    ("2- يعين معالي السيد أيمن حسين عبدالله الصفدي، نائبا لرئيس الوزراء ووزيرا للخارجية", ["أيمن حسين عبدالله الصفدي"]),
    ("والشؤون المناخية، ويحيى بن سعود بن منصور السليمي وزيرا للنقل", ["يحيى بن سعود بن منصور السليمي"]),
    # a list of portfolios and names after a plural title
    ("وحافظ وزراء الداخلية كمال بلجود، والطاقة محمد عرقاب، والشؤون الدينية يوسف بلمهدي، على مناصبهم",
     ["كمال بلجود", "محمد عرقاب", "يوسف بلمهدي"]),
])
def test_persons_are_named_before_the_role_they_are_given_and_in_lists_of_portfolios(text, names, places):
    assert [n for n, t in discovered(text, places) if t == "person"] == names


@pytest.mark.parametrize("text", [
    "وقد شكلت أسباب رئيسة لحكومة الوحدة الوطنية عقبة أمام الاتفاق",  # "رئيسة": the adjective "main"
    "اجتمع الطرفان تحت إشراف رئيسة الحكومة في العاصمة",  # a subject, not an appointment
    "وعلى أمل النهوض بالقطاع الاعلامي سواء المكتوب او المرئي",  # "الإعلامي" agrees with القطاع: no title
    "وقالت مصادر مطلعة إن الأجهزة نجحت. وقالت مصادر مطلعة إن التحقيق مستمر.",  # unnamed sources, twice
    "وأفاد مصدر دبلوماسي بأن الوفد وصل. وأفاد مصدر دبلوماسي بأن المحادثات بدأت.",
    "وكان الوزير قد أعلن مطلع العام أن الحكومة ستعلن. وأعلن مطلع العام أن الخطة جاهزة.",  # a time noun
    'وقالت الباحثة في مركز أنقرة للدراسات الاستراتيجية: "أبوابنا مفتوحة للجميع"',  # a colon opens a quote
    "وأشاد بالكادر الإعلامي والفني الذي يعمل في الوكالة",
])
def test_words_before_a_role_that_is_no_appointment_are_not_persons(text, places):
    assert [n for n, t in discovered(text, places) if t == "person"] == []


def test_a_name_after_a_verb_of_speech_counts_when_the_article_names_it_twice(places):
    twice = "وقال محمد الحلبوسي إن الجلسة انتهت. وأضاف أن محمد الحلبوسي سيلتقي الوفد."
    assert ("محمد الحلبوسي", "person") in discovered(twice, places)
    assert discovered("وقال محمد الحلبوسي إن الجلسة انتهت.", places) == []


@pytest.mark.parametrize("text, names", [
    ("عقد المجلس اجتماعه في قصر السيف برئاسة رئيس الوزراء", ["قصر السيف"]),
    ("وسقطت القذائف قرب متنزه الزوراء وشارع الربيعي وفي شارع 14 رمضان", ["متنزه الزوراء", "شارع الربيعي", "شارع 14 رمضان"]),
    ('في المباراة التي أقيمت بإستاد "الوكرة" ثاني ملاعب البطولة', ["إستاد الوكرة"]),
    ("باشرت القوات عمليات تفتيش في منطقة حي الامين (جنوب شرق بغداد)", ["حي الامين"]),
    ("ووصل إلى مطار دولي ثم إلى الميناء الرئيسي قرب مطار »التي فور«", []),  # adjectives, a function word
    ("وسجل الملعب العسكري حضورا كبيرا قرب ملعب العسكري", []),  # a common adjective after the kind noun
])
def test_landmarks_are_places_named_by_their_kind(text, names):
    from generator.extract.landmarks import landmarks_named_in
    assert landmarks_named_in(body(text)) == names
