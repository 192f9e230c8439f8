"""Page furniture (issue 19): real lines from tests/devset pages get their furniture role, and
never become the headline or a body paragraph; ordinary article lines keep theirs."""
from __future__ import annotations

import pytest

from generator.clean.cleaner import build_lexicon, clean
from generator.clean.draft import Line
from generator.clean.mark_furniture import furniture_role
from generator.model import RawDoc, Role

LEAD = ("أعلنت الحكومة اليوم الثلاثاء عن حزمة إجراءات جديدة لدعم الأسر محدودة الدخل، تشمل زيادة المعونات "
        "الشهرية وتوسيع برامج الدعم الغذائي في المحافظات كافة.")
MORE = ("وأوضح المتحدث باسم الحكومة أن الإجراءات ستدخل حيز التنفيذ مطلع الشهر المقبل، وأن كلفتها ستغطى "
        "من موازنة الطوارئ دون اللجوء إلى الاقتراض.")


def roles(text: str) -> dict[str, Role]:
    raw = RawDoc("case.txt", text.encode("utf-8"), text, "utf-8")
    return {b.text: b.role for b in clean(raw, build_lexicon([text])).blocks}


@pytest.mark.parametrize("line, role", [
    ("أخبار اليوم السابع على Gogole News تابعوا آخر أخبار اليوم السابع عبر Google News", Role.PROMPT),
    ("قناة اليوم السابع على الواتساب اشترك في قناة اليوم السابع على واتساب", Role.PROMPT),
    ("الرجوع الى أعلى الصفحة", Role.PROMPT),
    ("قد يعجبك أيضا", Role.RELATED),
    ("مقالات ذات صلة", Role.RELATED),
    ("#2#", Role.PROMPT),
    ("عن رئاسة الوزراء", Role.NAVIGATION),
    ("أهلاً بِكم في الصّفحة الرسميّة لرئاسة الوزراء", Role.MASTHEAD),
    ("عدد اليوم السابع 28-01-2024", Role.MASTHEAD),
    ("w w w . y o u m 7 . c o m العدد 4625الأحد 28يناير 16 - 2024رجب 1445هـ", Role.MASTHEAD),
    ("8صفحات", Role.MASTHEAD),
    ("Safe image.php?d=aqcvrlv7ejuuw7ha&url=https%3a%2f%2fi.ytimg.com%2fvi%2flcbj6pbapna%2fmaxresdefault.jpg",
     Role.CAPTION),
])
def test_a_furniture_line_of_a_real_page_gets_its_role(line, role):
    assert furniture_role(Line(line, 1, 1, False, lang="ar")) is role


@pytest.mark.parametrize("line", [
    "قال عضو بمجلس النواب الأمريكي إن مسؤولين أبلغوا أعضاء بمجلس الشيوخ في مؤتمر بالهاتف.",
    "عن الحرب والسلام في الشرق الأوسط بعد عقدين من الاحتلال",  # "عن" opens a headline too
    "وزير الخارجية الكويتي: جهود مكثفة للإفراج عن المواطنين المحتجزين",
])
def test_an_article_line_is_not_furniture(line):
    assert furniture_role(Line(line, 1, 1, False, lang="ar")) is None


def test_a_caption_printed_on_two_consecutive_lines_is_not_the_headline():
    got = roles("رئيس المجلس العسكري الانتقالي عبدالفتاح البرهان\nرئيس المجلس العسكري الانتقالي عبدالفتاح البرهان\n\n"
                f"{LEAD}\n\n{MORE}")
    assert got["رئيس المجلس العسكري الانتقالي عبدالفتاح البرهان"] is Role.CAPTION


def test_a_headline_printed_twice_apart_stays_the_headline():
    got = roles(f"المغرب يوحد موعد الانتخابات لتعزيز المشاركة\n\n22\n\nالمغرب يوحد موعد الانتخابات لتعزيز المشاركة\n\n"
                f"{LEAD}\n\n{MORE}")
    assert got["المغرب يوحد موعد الانتخابات لتعزيز المشاركة"] is Role.HEADLINE


def test_headlines_listed_after_the_article_are_links_not_body():
    got = roles(f"عنوان الخبر كما نشر في الصفحة\n\n{LEAD}\n\n{MORE}\n\nشارك هذا الخبر\n\n"
                "جعجع: ما يجري في طرابلس كارثة وطنية نتاج إهمال متراكم\n\nضاهر: من ضهر البيدر الى طرابلس الإهمال واحد")
    assert got["جعجع: ما يجري في طرابلس كارثة وطنية نتاج إهمال متراكم"] is Role.RELATED
    assert got["ضاهر: من ضهر البيدر الى طرابلس الإهمال واحد"] is Role.RELATED
    assert got[MORE] is Role.BODY


def test_a_caption_the_lead_repeats_is_not_the_headline():
    got = roles("وزير الخارجية عبدالله اليحيا\n\nأكد وزير الخارجية عبدالله اليحيا اليوم الخميس أن الوزارة تتابع عن "
                f"كثب التطورات المتعلقة باحتجاز عدد من المواطنين المشاركين في الأسطول.\n\n{MORE}")
    assert got["وزير الخارجية عبدالله اليحيا"] is Role.CAPTION


def test_a_listing_page_running_on_into_the_next_story_stops_at_its_credit_line():
    got = roles(f"العنوان الأول للخبر كما نشر\n\nبغداد اليوم - بغداد\n\n{LEAD}\n\n{MORE}\n\n"
                "بغداد اليوم - بغداد أعربت وزارة الخارجية، اليوم السبت، عن خالص تضامن العراق مع الجمهورية "
                "الإسلامية الإيرانية إثر الانفجار الذي وقع في الميناء.")
    assert got[MORE] is Role.BODY
    assert [r for t, r in got.items() if t.startswith("بغداد اليوم - بغداد أعربت")] == [Role.RELATED]


def test_a_tag_inside_a_sentence_of_plain_text_is_shown_as_the_text_says():
    line = "قال المتحدث إن وسم <b> يجعل الخط غامقا في صفحات الويب، وإن المطورين يستخدمونه منذ عقود طويلة."
    assert line in roles(f"عنوان الخبر كما نشر في الصفحة\n\n{line}\n\n{MORE}")


NEXT = ("أدى السفير محمود يوسف خليفة، اليمين القانونية، أمام الرئيس سفيرا لدولة فلسطين لدى الجمهورية البولندية، "
        "وحضر المراسم عدد من المسؤولين والمستشارين في مقر الرئاسة.")


@pytest.mark.parametrize("ending", [
    # a source line closes the article, and another story follows
    f'المصدر: موقع "راديو سوا"\n\n{NEXT}',
    # a new headline in Arabic above its English translation, as the page heads every story
    f"خليفة يؤدي اليمين القانونية أمام الرئيس سفيرا لفلسطين لدى بولندا\n"
    f"Khalifa takes the legal oath before President Abbas as Palestine's ambassador to Poland\n\n{NEXT}",
])
def test_the_next_story_on_the_page_is_links_not_body(ending):
    got = roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n{MORE}\n\n{ending}")
    assert got[MORE] is Role.BODY
    assert got[NEXT] is Role.RELATED


def test_headlines_after_the_outlets_sign_off_are_links_but_a_heading_before_paragraphs_is_not():
    got = roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n{MORE}\n\nسيريانيوز\n\n"
                "السفير التركي الجديد يثير جدلا بعد استخدامه مصطلح \"شام شريف\" بدلا من دمشق\n\n"
                "تصعيد عسكري بحلب.. معارك ب")
    assert got["السفير التركي الجديد يثير جدلا بعد استخدامه مصطلح \"شام شريف\" بدلا من دمشق"] is Role.RELATED
    assert got["تصعيد عسكري بحلب.. معارك ب"] is Role.RELATED
    kept = roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\nحاجات عراقية\n\n{MORE}\n\n{LEAD}")
    assert kept["حاجات عراقية"] is Role.HEADING and kept[MORE] is Role.BODY


@pytest.mark.parametrize("last, role", [
    # a page stored in part stops inside the next story's headline
    ("الملك يدين التفجير الإرهابي في أحد م", Role.RELATED),
    # a paragraph going on ("وأضاف …") is the article's, cut or not
    ('وأضاف المتحدث أن "سوريا ا', Role.BODY),
    # "م" after a year is a word: the era, not a cut
    ("وكان الاتفاق قد وقع في عام 2021 م", Role.BODY),
])
def test_a_last_line_stopping_inside_a_word_is_the_next_storys_headline_unless_it_goes_on(last, role):
    assert roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n{MORE}\n\n{last}")[last] is role


def test_teasers_above_a_pdf_front_pages_masthead_are_not_the_article():
    teaser = ("زحام مبهج وعروض جذابة ظواهر ثلاثة أيام من معرض الكتاب و750 ألف زائر منذ انطلاق الدورة الجديدة في "
              "القاهرة")
    got = roles(f"عدد اليوم السابع 28-01-2024\n\n{teaser}\n\nSunday- 28 January 2024 - Issue NO 4625\n\n"
                f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n{MORE}")
    assert got[teaser] is Role.RELATED
    assert got[LEAD] is Role.BODY and got[MORE] is Role.BODY


def test_a_crawlers_date_marker_is_cut_from_the_paragraph_and_accounted_for():
    text = f"العنوان الأول للخبر كما نشر\n\ndate 2025-12-12 {LEAD}\n\n{MORE}"
    doc = clean(RawDoc("case.txt", text.encode("utf-8"), text, "utf-8"))
    assert [b.text for b in doc.blocks if b.role is Role.BODY] == [LEAD, MORE]
    assert [(r.text, r.reason) for r in doc.removed] == [("date 2025-12-12", "crawler date marker")]


def test_a_paragraph_closed_by_its_source_is_body_but_a_caption_with_its_credit_is_a_caption():
    paragraph = ("وقد طلبت الإدارة الأميركية عقد اجتماع لمجلس الأمن الدولي بهدف تحميل السلطات المسؤولية عن حفر "
                 "الأنفاق، بعد زعمها اكتشاف عدد منها، مدعية أنها انطلقت من الأراضي المحاذية للحدود. (ال بي سي)")
    caption = "الرئيس الأمريكي ورئيس الوزراء العراقي في صورة مركبة. (أ ف ب)"
    got = roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n{paragraph}\n\n{caption}\n\n{MORE}")
    assert got[paragraph] is Role.BODY
    assert got[caption] is Role.CAPTION


def test_a_headline_above_its_photo_credit_is_the_headline_though_it_ends_like_a_sentence():
    headline = "صباح الثلثاء: اللبنانيون يتحولون شعبين ومواقف الراعي لا تحتاج إلى دستور... تفليسة من دون إدارة!"
    got = roles(f"الجمعة - 19 نيسان 2024\n\n{headline}\n\nالمصدر: \"النهار\"\n{LEAD}\n\n{MORE}")
    assert got[headline] is Role.HEADLINE and got[LEAD] is Role.BODY


def test_a_round_ups_title_above_its_date_is_the_headline_not_its_first_marked_item():
    got = roles("تقرير \"الانباء\" الاعلامي المسائي\n\n18 كانون الأول 2018 22:10:00\n\nمحليات\n\n"
                f"*جلسة لمجلس الأمن عن ملف الانفاق والحدود\n\n{LEAD}\n\n*جعجع: كل الأمل بولادة لبنان الذي نريد\n\n{MORE}")
    assert got["تقرير \"الانباء\" الاعلامي المسائي"] is Role.HEADLINE
    assert got["محليات"] is Role.SECTION
    assert got["*جلسة لمجلس الأمن عن ملف الانفاق والحدود"] is Role.HEADING


def test_a_web_pages_update_line_below_a_long_headline_turns_nothing_above_it_into_teasers():
    headline = "عنوان طويل للخبر كما نشرته الصحيفة على موقعها يتحدث عن قرار الحكومة الجديد بشأن دعم الأسر المحتاجة"
    got = roles(f"{headline}\n\nآخر تحديث: منذ 8 دقائق\n\n{LEAD}\n\n{MORE}")
    assert got[headline] is not Role.RELATED and got[LEAD] is Role.BODY


def test_an_english_quote_under_the_line_that_introduces_it_is_no_new_story():
    got = roles(f"العنوان الأول للخبر كما نشر\n\n{LEAD}\n\n"
                "وكتب الرئيس على حسابه الرسمي في موقع تويتر باللغة الإنجليزية موجها كلامه إلى الوفد\n"
                f"We will not accept any delay in the talks\n\n{MORE}")
    assert got[MORE] is Role.BODY
