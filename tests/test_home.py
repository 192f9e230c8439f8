"""A state body named without its country is the article's home country's, when the text agrees
on one (issue 19): "وزارة الخارجية" in a Kuwaiti story is "وزارة الخارجية الكويتية"."""
from __future__ import annotations

from generator.extract.home import home_country, state_bodies, with_country
from generator.extract.registry import Registry, builtin_sources
from generator.extract.sources import Credits
from generator.model import Outlet, Paragraph, Role

REGISTRY = Registry.build(builtin_sources())


def body(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(f"p{n}", Role.BODY, t, "ar") for n, t in enumerate(texts, start=1))


KUWAIT = body("أعربت وزارة الخارجية عن شكر وامتنان دولة الكويت لكل الدول التي ساهمت في الإفراج عن المواطنين الكويتيين.",
              "وجددت الوزارة تأكيدها أن سلامة المواطنين الكويتيين أولوية، وأن وزارة الخارجية تتابع عن كثب.")


def test_a_story_about_one_country_is_at_home_there_and_names_its_ministry_so():
    home = home_country(KUWAIT, Credits(), REGISTRY)
    assert home == "KW"
    found = state_bodies(KUWAIT)
    assert [with_country(name, home) for name, *_ in found] == ["وزارة الخارجية الكويتية", "وزارة الخارجية الكويتية"]
    name, paragraph, start, end = found[0]
    assert (paragraph, KUWAIT[0].text[start:end]) == ("p1", "وزارة الخارجية")


def test_the_dateline_names_the_home_when_the_text_names_its_country_as_often_as_any():
    text = body("قال مسؤولون في مجلس النواب إن الجلسة تأجلت، وأكدوا أن العراق لن يقبل ضغوطا من إيران.")
    assert home_country(text, Credits(dateline="بغداد"), REGISTRY) == "IQ"
    assert [with_country(n, "IQ") for n, *_ in state_bodies(text)] == ["مجلس النواب العراقي"]
    assert home_country(text, Credits(), REGISTRY) is None  # Iraq and Iran once each: no home


def test_the_outlets_country_is_the_home_only_where_the_text_agrees():
    text = body("قالت وزارة الخارجية الأمريكية إن واشنطن تتابع، وأكد مسؤول أمريكي أن الولايات المتحدة لن تتدخل في مصر.")
    egyptian = Credits(outlet=Outlet("اليوم السابع", None))
    assert home_country(text, egyptian, REGISTRY) == "US"  # the text is about the United States


def test_a_body_that_names_its_country_or_a_longer_name_is_not_generic():
    text = body("أعلنت وزارة الخارجية العراقية ووزارة الخارجية والتعاون الدولي برئاسة الفريق أول ما تم الاتفاق عليه.")
    assert state_bodies(text) == []


def test_a_state_body_is_named_for_no_country_when_the_text_agrees_on_none():
    from generator.extract.home import home_bodies
    text = body("قالت وزارة الخارجية إن العراق لن يقبل ضغوطا من إيران في هذا الملف.")
    assert home_bodies(text, Credits, REGISTRY) == []
    assert [b[0] for b in home_bodies(text, lambda: Credits(dateline="بغداد"), REGISTRY)] == ["وزارة الخارجية العراقية"]


def test_a_dateline_spelled_like_two_countries_places_is_read_by_its_agency():
    text = body("قال رئيس مجلس النواب إن الحكومة ستقدم خطتها للمجلس خلال أسبوعين.")
    assert home_country(text, Credits(dateline="عمان", agency=Outlet("وكالة الأنباء الأردنية", None)), REGISTRY) == "JO"
    assert home_country(text, Credits(dateline="عمان", agency=Outlet("وكالة الأنباء العمانية", None)), REGISTRY) == "OM"
    assert home_country(text, Credits(dateline="عمان"), REGISTRY) is None
