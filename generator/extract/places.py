"""A built-in place gazetteer: countries from Babel's CLDR data, plus capitals, major cities
and regions that news in Arabic names often. ``site.yaml`` entities add to it or override it.

General geography only: nothing here is about one event.
"""
from __future__ import annotations

from babel import Locale

# CLDR regions worth knowing by name; most numeric CLDR codes (e.g. "145 غرب آسيا") are too
# technical for news, so only these are taken.
CLDR_REGIONS = ("142", "002", "150", "419", "EU")

# Capitals and large cities of the Arab world and the capitals most in the news, and regions
# CLDR lacks. Written as Arabic newspapers spell them; spelling variants are aliases.
CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("بغداد", ()), ("البصرة", ()), ("الموصل", ()), ("أربيل", ()), ("كركوك", ()), ("النجف", ()),
    ("كربلاء", ()), ("الفلوجة", ()), ("الرمادي", ()), ("السليمانية", ()), ("تكريت", ()),
    ("دمشق", ()), ("حلب", ()), ("بيروت", ()), ("عمّان", ()), ("القدس", ()), ("غزة", ()),
    ("رام الله", ()), ("القاهرة", ()), ("الإسكندرية", ()), ("الرياض", ()), ("جدة", ()),
    ("مكة", ("مكة المكرمة",)), ("المدينة المنورة", ()), ("الدوحة", ()), ("أبوظبي", ("أبو ظبي",)),
    ("دبي", ()), ("الكويت", ()), ("المنامة", ()), ("مسقط", ()), ("صنعاء", ()), ("عدن", ()),
    ("طرابلس", ()), ("بنغازي", ()), ("تونس", ()), ("الجزائر", ()), ("الرباط", ()),
    ("الدار البيضاء", ()), ("نواكشوط", ()), ("الخرطوم", ()), ("مقديشو", ()), ("طهران", ()),
    ("أنقرة", ()), ("إسطنبول", ("اسطنبول",)), ("واشنطن", ()), ("نيويورك", ()), ("موسكو", ()),
    ("لندن", ()), ("باريس", ()), ("برلين", ()), ("بروكسل", ()), ("جنيف", ()), ("فيينا", ()),
    ("روما", ()), ("بكين", ()), ("طوكيو", ()), ("نيودلهي", ()), ("إسلام آباد", ()), ("كابول", ()),
    ("الشرق الأوسط", ()), ("الخليج", ("الخليج العربي",)), ("شمال أفريقيا", ()),
)


# Places that are one word once diacritics are ignored, and the words that, written near the
# name, say which is meant (see entities.resolve): عمّان, Amman, and عُمان, Oman.
HOMOGRAPH_CUES: dict[str, tuple[str, ...]] = {
    "عمّان": ("الأردن", "الأردني", "الأردنية", "الأردنيين", "أردني", "أردنية"),
    "عُمان": ("سلطنة", "العماني", "العمانية", "العمانيين", "مسقط"),
}


def builtin_places() -> list[tuple[str, tuple[str, ...]]]:
    """(canonical name, aliases) for every built-in place."""
    territories = Locale.parse("ar").territories
    countries = [(name, ()) for code, name in sorted(territories.items())
                 if (len(code) == 2 and code.isalpha() and code not in ("ZZ", "EZ", "UN", "QO"))
                 or code in CLDR_REGIONS]
    return countries + list(CITIES)
