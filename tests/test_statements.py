"""Statements the briefing may show stand alone (generator/briefing/standalone.py)."""
from __future__ import annotations

import pytest

from generator.briefing.standalone import leans_on_context


@pytest.mark.parametrize("sentence, leans", [
    ("وتوقّع ذات الدبلوماسي السابق الذي تحدّث شريطة عدم ذكر اسمه أن يُطرح ملف إيران", True),  # "the same diplomat"
    ('وأضاف "اقترح العراق، ونحن نوافق تماما، أنهم يحتاجون إلى تدريب مستمر"', True),  # whose words?
    ("وأشار المتحدّث إلى أنّ وزير الدفاع انضمّ إلى المحادثات", True),  # which spokesman?
    ("وأضاف أن الحكومة ستواصل دعم الأسر المتضررة في القرى الجبلية", True),
    ("وهو ما يعني أن المهمة لن تتغير على الأرض", True),
    ("من جهته، قال الوزير إن القوات قادرة على القتال", True),
    ("وقال رئيس الحكومة عزيز أخنوش إن الحكومة ستطلق برنامجا لإعادة الإعمار", False),  # names its speaker
    ("وقال مسؤول كبير في إدارة بايدن إن المهمة القتالية تنتهي بنهاية العام", False),
    ("ويوجد في العراق حاليا 2500 عسكري أميركي يركزون على مواجهة فلول تنظيم داعش.", False),
    ("هذيان الحمى علامة على شدة المرض عند الأطفال", False),  # a word that begins like «هذا»
    ("تريدهم إدارة بايدن أن يبقوا في العراق من أجل تدريب القوات", True),  # who are "they"?
    ("يتفاهم الطرفان على جدول زمني للانسحاب", False),  # a verb that only ends like «هم»
    ("تفاهم بين بغداد وواشنطن على جدول زمني", False),
    ("وبرزت المساعدة الأميركية في هذا المجال كمطلب عراقي عبّرت عنه حكومة الكاظمي", True),  # which field?
    ("ورحّب الطرفان بهذه الخطوة التي تأتي بعد أشهر من المفاوضات", True),
    ("ومن المتوقع أن تنتهي المهمة القتالية بحلول نهاية هذا العام", False),  # "this year" is a time
    ("وقال الأمين العام للأمم المتحدة إن هذه المرة مختلفة", False),
    ("ويعد هذا الزلزال الأعنف في المغرب منذ زلزال أغادير عام 1960", False),  # the event itself
])
def test_a_statement_that_leans_on_the_sentence_before_is_told_apart(sentence, leans):
    assert leans_on_context(sentence) is leans
