"""Outlets and agencies a text speaks of are organizations; a dateline that only credits one is
not a mention (issue 19). Sentences from the development set's pages."""
from __future__ import annotations

import pytest

from generator.extract.entities import build_gazetteer, find_mentions
from generator.extract.named_sources import sources_named_in, without_credits
from generator.extract.registry import Registry, builtin_sources
from generator.model import Entity, Paragraph, Role, entity_id_for


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.build(builtin_sources())


def named(text: str, registry: Registry) -> list[str]:
    return [name for name, _forms in sources_named_in((Paragraph("p1", Role.BODY, text, "ar"),), registry)]


@pytest.mark.parametrize("text, names", [
    ('وقال المسؤول لرويترز "إن كان النظام السوري قد استخدم الأسلحة الكيماوية"', ["رويترز"]),
    ("وأكد الوزير في تصريح لوكالة كونا أن الوزارة تتابع بحرص شديد منذ اللحظة الأولى", ["وكالة الأنباء الكويتية"]),
    ('بيان صادر عن قصر الإليزيه أوردته "فرانس 24" في نسختها باللغة الإنجليزية', ["فرانس 24"]),
    ("يرى الباحث، في حديث مع هسبريس، أن التوافق على موعد الانتخابات أمر مهم", ["هسبريس"]),
    ('وفي افتتاحية "النهار" سأل الكاتب عن مصير الحكومة المقبلة وموعد تشكيلها', ["النهار"]),
])
def test_an_outlet_or_agency_the_text_speaks_of_is_named_by_the_registry(text, names, registry):
    assert named(text, registry) == names


@pytest.mark.parametrize("text", [
    "واشنطن (رويترز) - قال مسؤول بالمخابرات الأمريكية يوم الخميس إن الأدلة متزايدة",  # a dateline
    "جدة - واس - استقبل ولي العهد في قصر السلام بجدة اليوم وزير الخارجية",  # a dateline of dashes
    "أفريقيا برس – المغرب. تشير المعطيات إلى أن الحكومة تواجه صعوبات كبيرة",  # outlet – city.
    "وقال إن الحكومة ستعلن خطتها قريبا وما زالت المشاورات جارية بين الأحزاب (أ ف ب)",  # a closing credit
    "أعربت الوزارة عن تضامن العراق مع الجمهورية الإسلامية الإيرانية في هذا المصاب",  # an ordinary phrase
    "وأشار إلى المجلس السيادي الذي جاء بنا على توافق بين المكونين العسكري والمدني",  # "بنا" is a word
])
def test_a_credit_or_an_ordinary_word_is_no_outlet(text, registry):
    assert named(text, registry) == []


def test_a_source_known_from_another_article_is_not_mentioned_by_a_dateline_crediting_it(registry):
    agency = Entity(entity_id_for("وكالة الأنباء العمانية"), "وكالة الأنباء العمانية", "organization", ("العمانية",))
    gazetteer = build_gazetteer([agency])
    paragraphs = (Paragraph("p1", Role.BODY, "خصب – العُمانية| نظمت إدارة التنمية الاجتماعية بمحافظة مسندم ندوة", "ar"),
                  Paragraph("p2", Role.BODY, "وذكرت وكالة الأنباء العمانية أن الندوة تناولت دور الأسرة", "ar"))
    mentions = without_credits(find_mentions(paragraphs, gazetteer), paragraphs, {agency.id: agency},
                               Registry.build(builtin_sources()))
    assert [m.paragraph for m in mentions] == ["p2"]


def test_a_place_inside_a_sources_name_is_no_place_but_a_place_that_is_the_name_stays(registry):
    places = [Entity(entity_id_for(n), n, "place") for n in ("أفريقيا", "تونس", "الشرق الأوسط")]
    gazetteer = build_gazetteer(places)
    paragraphs = (Paragraph("p1", Role.BODY, "وأفادت أفريقيا برس بأن وكالة تونس إفريقيا للأنباء نقلت الخبر عن تونس", "ar"),
                  Paragraph("p2", Role.BODY, "وتشهد منطقة الشرق الأوسط توترا متصاعدا منذ أشهر", "ar"))
    mentions = without_credits(find_mentions(paragraphs, gazetteer), paragraphs, {e.id: e for e in places}, registry)
    assert [(m.paragraph, m.surface) for m in mentions] == [("p1", "تونس"), ("p2", "الشرق الأوسط")]
