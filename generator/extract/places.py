"""A built-in place gazetteer: countries from Babel's CLDR data (with the short and official
forms Arabic news prints them in), the towns of the Arab states and the world's large cities
from GeoNames (``data/places.tsv``, extracted by ``scripts/extract_places.py``, read once when
first asked for), and a hand list of regions. ``site.yaml`` entities add to it or override it.

General geography only: nothing here is about one event.
"""
from __future__ import annotations

import functools
from pathlib import Path

from babel import Locale

from ..text.arabic import matching_key

DATA = Path(__file__).parent / "data" / "places.tsv"

# Countries as Arabic news names them: the name news prints most (CLDR's when None) and the
# other forms, official ones included ("المملكة الأردنية الهاشمية" is الأردن).
COUNTRY_FORMS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "SA": ("السعودية", ("المملكة العربية السعودية", "المملكة السعودية")),
    "AE": ("الإمارات", ("الإمارات العربية المتحدة", "دولة الإمارات العربية المتحدة", "دولة الإمارات")),
    "PS": ("فلسطين", ("الأراضي الفلسطينية", "دولة فلسطين")),
    "US": (None, ("أمريكا", "الولايات المتحدة الأمريكية")),
    "GB": (None, ("بريطانيا", "المملكة المتحدة لبريطانيا العظمى")),
    "JO": (None, ("المملكة الأردنية الهاشمية", "المملكة الأردنية")),
    "EG": (None, ("جمهورية مصر العربية",)),
    "SY": ("سوريا", ("الجمهورية العربية السورية",)),  # not "سورية": "السورية" is an adjective
    "IQ": (None, ("جمهورية العراق",)),
    "LB": (None, ("الجمهورية اللبنانية",)),
    "KW": (None, ("دولة الكويت",)),
    "QA": (None, ("دولة قطر",)),
    "BH": (None, ("مملكة البحرين",)),
    "OM": (None, ("سلطنة عمان",)),
    "YE": (None, ("الجمهورية اليمنية",)),
    "MA": (None, ("المملكة المغربية",)),
    "DZ": (None, ("الجمهورية الجزائرية", "الجمهورية الجزائرية الديمقراطية الشعبية")),
    "TN": (None, ("الجمهورية التونسية",)),
    "LY": (None, ("دولة ليبيا",)),
    "SD": (None, ("جمهورية السودان",)),
    "MR": (None, ("الجمهورية الإسلامية الموريتانية",)),
    "TR": (None, ("الجمهورية التركية",)),
    "IR": (None, ("الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية في إيران")),
    "RU": (None, ("روسيا الاتحادية", "الاتحاد الروسي")),
    "CN": (None, ("جمهورية الصين الشعبية",)),
    "FR": (None, ("الجمهورية الفرنسية",)),
    "DE": (None, ("جمهورية ألمانيا الاتحادية",)),
}

# CLDR regions worth knowing by name; most numeric CLDR codes (e.g. "145 غرب آسيا") are too
# technical for news, so only these are taken.
CLDR_REGIONS = ("142", "002", "150", "419", "EU")

# Capitals and large cities of the Arab world and the capitals most in the news, and regions
# CLDR lacks. Written as Arabic newspapers spell them; spelling variants are aliases. A city
# here that the GeoNames table also has takes that row's spellings as aliases, spelled as here.
CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("بغداد", ()), ("البصرة", ()), ("الموصل", ()), ("أربيل", ()), ("كركوك", ()), ("النجف", ()),
    ("كربلاء", ()), ("الفلوجة", ()), ("الرمادي", ()), ("السليمانية", ()), ("تكريت", ()),
    ("دمشق", ()), ("حلب", ()), ("بيروت", ()), ("عمّان", ()), ("القدس", ()), ("غزة", ()),
    ("رام الله", ()), ("القاهرة", ()), ("الإسكندرية", ()), ("الأقصر", ()), ("أسوان", ()), ("الرياض", ()), ("جدة", ()),
    ("مكة", ("مكة المكرمة",)), ("المدينة المنورة", ()), ("الدوحة", ()), ("أبوظبي", ("أبو ظبي",)),
    ("دبي", ()), ("الكويت", ()), ("المنامة", ()), ("مسقط", ()), ("صنعاء", ()), ("عدن", ()),
    ("طرابلس", ()), ("بنغازي", ()), ("تونس", ()), ("الجزائر", ()), ("الرباط", ()),
    ("الدار البيضاء", ()), ("نواكشوط", ()), ("الخرطوم", ()), ("مقديشو", ()), ("طهران", ()),
    ("أنقرة", ()), ("إسطنبول", ("اسطنبول",)), ("واشنطن", ()), ("نيويورك", ()), ("موسكو", ()),
    ("لندن", ()), ("باريس", ()), ("برلين", ()), ("بروكسل", ()), ("جنيف", ()), ("فيينا", ()),
    ("روما", ()), ("بكين", ()), ("طوكيو", ()), ("نيودلهي", ()), ("إسلام آباد", ()), ("كابول", ()),
    ("الشرق الأوسط", ()), ("الخليج", ("الخليج العربي",)), ("شمال أفريقيا", ()),
    ("قطاع غزة", ()), ("الضفة الغربية", ()), ("بلاد الشام", ()),
    ("الساحل الإفريقي", ("منطقة الساحل", "الساحل الأفريقي")), ("الساحل الصحراوي", ()),
    ("البحر الميت", ()), ("البحر الأحمر", ()), ("البحر المتوسط", ("البحر الأبيض المتوسط",)),
    ("المنطقة الخضراء", ()), ("كردستان", ("إقليم كردستان",)), ("سيناء", ()),
)


# Places that are one word once diacritics are ignored, and the words that, written near the
# name, say which is meant (see entities.resolve): عمّان, Amman, and عُمان, Oman.
HOMOGRAPH_CUES: dict[str, tuple[str, ...]] = {
    "عمّان": ("الأردن", "الأردني", "الأردنية", "الأردنيين", "أردني", "أردنية"),
    "عُمان": ("سلطنة", "العماني", "العمانية", "العمانيين", "مسقط"),
}


def builtin_places() -> list[tuple[str, tuple[str, ...]]]:
    """(canonical name, aliases) for every built-in place: countries, then the hand list, then
    the GeoNames towns (an earlier entry wins a name two claim)."""
    return list(_builtin_places())


@functools.cache
def _builtin_places() -> tuple[tuple[str, tuple[str, ...]], ...]:
    territories = Locale.parse("ar").territories
    countries = []
    for code, name in sorted(territories.items()):
        if (len(code) == 2 and code.isalpha() and code not in ("ZZ", "EZ", "UN", "QO")) or code in CLDR_REGIONS:
            shown, forms = COUNTRY_FORMS.get(code, (None, ()))
            aliases = tuple(dict.fromkeys(f for f in (name, *forms) if f != (shown or name)))
            countries.append((shown or name, aliases))
    towns = geonames_places()
    by_key = {matching_key(n): row for row in towns for n in (row[0], *row[1])}
    merged: dict[int, tuple[str, tuple[str, ...]]] = {}
    cities = []
    for name, aliases in CITIES:
        row = by_key.get(matching_key(name))
        if row is not None:
            merged[id(row)] = (name, tuple(dict.fromkeys(a for a in (*aliases, row[0], *row[1]) if a != name)))
            cities.append(merged[id(row)])
        else:
            cities.append((name, aliases))
    return tuple(countries + cities + [(row[0], row[1]) for row in towns if id(row) not in merged])


@functools.cache
def geonames_places() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(name, aliases, ISO country code) of every town in ``data/places.tsv``, largest first
    within the Arab states, then the rest of the world."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, aliases, country, *_ = line.split("\t")
        rows.append((name, tuple(a for a in aliases.split("|") if a), country))
    return tuple(rows)
