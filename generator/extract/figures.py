"""Key figures: a number, what it counts, and how sure the text is of it.

"نحو 50 هجوما" → 50 attacks (about); "36 قتيلاً على الأقل" → 36 killed (at least);
"155 مليون دولار" → 155000000 USD; "ثلاث قواعد" → 3 bases. Only numbers followed by a unit
we know are kept: a bare number (a year, a page) is not a figure. Matching runs on the
matching key, so diacritics, tanwin and Arabic-Indic digits do not matter; the text is
reported as written.
"""
from __future__ import annotations

import re

from ..model import Figure, Paragraph
from ..text.arabic import keyed, matching_key, written_span

# Unit → the words (singular, plural, accusative with tanwin alif) that name it.
UNITS: dict[str, tuple[str, ...]] = {
    "USD": ("دولار", "دولارا", "دولارات"),
    "EUR": ("يورو",),
    "troops": ("جندي", "جنديا", "جنود", "عسكري", "عسكريا", "عسكريين", "عسكريون", "مقاتل", "مقاتلا", "مقاتلين"),
    "killed": ("قتيل", "قتيلا", "قتلى"),
    "wounded": ("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين"),
    "attacks": ("هجوم", "هجوما", "هجمات", "هجمه"),
    "bases": ("قاعده", "قواعد"),
    "rockets": ("صاروخ", "صاروخا", "صواريخ"),
    "people": ("شخص", "شخصا", "أشخاص"),
    "refugees": ("لاجئ", "لاجئا", "لاجئين"),
    "displaced": ("نازح", "نازحا", "نازحين"),
    "barrels": ("برميل", "برميلا", "براميل"),
    "percent": ("بالمئه", "بالمائه", "في المئه", "في المائه", "%", "٪"),
}
SCALES = {"الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}
# Written-out numbers, both genders: "ثلاث قواعد", "ثلاثة آلاف".
NUMBER_WORDS = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10,
    "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "مئه": 100, "مائه": 100,
}
QUALIFIERS_BEFORE = {"نحو": "about", "حوالي": "about", "حوالى": "about", "قرابه": "about", "زهاء": "about",
                     "ما يقارب": "about", "اكثر من": "more_than", "اقل من": "less_than",
                     "ما لا يقل عن": "at_least", "حتى": "up_to"}
AT_LEAST_AFTER = "على الاقل"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(matching_key(w)) for w in words), key=len, reverse=True))


_UNIT_OF = {matching_key(w): unit for unit, words in UNITS.items() for w in words}
_QUALIFIER_OF = {matching_key(k): v for k, v in QUALIFIERS_BEFORE.items()}
_NUMBER_OF = {matching_key(k): v for k, v in NUMBER_WORDS.items()}
_SCALE_OF = {matching_key(k): v for k, v in SCALES.items()}
FIGURE_RE = re.compile(
    rf"(?:(?P<qualifier>{_alternation(QUALIFIERS_BEFORE)})\s+)?"
    rf"(?:(?P<digits>\d{{1,3}}(?:[,،]\d{{3}})+|\d+(?:[.٫]\d+)?)|(?<![\w])(?P<word>{_alternation(NUMBER_WORDS)}))"
    rf"(?:\s+(?P<scale>{_alternation(SCALES)}))?"
    rf"\s*(?P<unit>{_alternation(_UNIT_OF)})(?![\w])"
    rf"(?P<at_least>\s+{re.escape(matching_key(AT_LEAST_AFTER))})?"
)


def find_figures(paragraphs: tuple[Paragraph, ...]) -> tuple[Figure, ...]:
    figures = []
    for paragraph in paragraphs:
        if not paragraph.role.is_body:
            continue
        key, offsets = keyed(paragraph.text)
        for match in FIGURE_RE.finditer(key):
            figures.append(_figure(match, paragraph, offsets))
    return tuple(figures)


def _figure(match: re.Match, paragraph: Paragraph, offsets: list[int]) -> Figure:
    if match["digits"]:
        number = float(re.sub(r"[,،]", "", match["digits"]).replace("٫", "."))
    else:
        number = float(_NUMBER_OF[match["word"]])
    if match["scale"]:
        number *= _SCALE_OF[match["scale"]]
    qualifier = "at_least" if match["at_least"] else _QUALIFIER_OF.get(match["qualifier"] or "", "")
    text = written_span(paragraph.text, offsets, match.start(), match.end())
    value = int(number) if number.is_integer() else number
    return Figure(value, _UNIT_OF[match["unit"]], text, paragraph.id, qualifier)
