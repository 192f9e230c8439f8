"""An article's home country, and the state bodies it names without saying whose.

"أعربت وزارة الخارجية عن شكر دولة الكويت …": a ministry, cabinet or parliament printed
without its country is the article's own country's, the one its dateline or outlet is in
("الكويت - كونا", an Iraqi outlet) or the one the text is about. On a site that gathers outlets
of many countries, "وزارة الخارجية" of a Kuwaiti story and of an Iraqi one are two entities:
"وزارة الخارجية الكويتية", "وزارة الخارجية العراقية".

The home is, in order: the country of the dateline (where the text says it was filed); the
outlet's or agency's country where the body names it as often as any other (by name or
adjective: "الكويت", "الكويتيين"); the one country the body names, or names twice, at least
twice as often as any other. Otherwise there is none, and a body without its country stays no
entity at all: a wrong link misleads, a missing one only omits.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml
from babel import Locale

from ..model import Paragraph
from ..text.arabic import WORD_RE, clitic_variants, matching_key
from . import organizations
from .entities import skip_letters
from .places import COUNTRY_FORMS, geonames_places
from .registry import Registry
from .sources import Credits

DATA = Path(__file__).parent / "data" / "nationalities.yaml"
MIN_MENTIONS_ALONE = 2  # a country the text names this often, and twice as often as any other


@functools.cache
def nationalities() -> dict[str, tuple[str, str]]:
    """ISO code → (masculine, feminine) nationality adjective."""
    table = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {code: (forms[0], forms[1]) for code, forms in table["nationalities"].items()}


def adjective(code: str, feminine: bool) -> str:
    masculine, female = nationalities()[code]
    return female if feminine else masculine


@functools.cache
def _country_forms() -> dict[str, str]:
    """Matching key of every form a country is named by (names, adjectives, their plurals) → code."""
    territories = Locale.parse("ar").territories
    forms: dict[str, str] = {}
    for code, (masculine, feminine) in nationalities().items():
        shown, other = COUNTRY_FORMS.get(code, (None, ()))
        bare = masculine.removeprefix("ال")
        for form in (territories.get(code, ""), shown or "", *other, masculine, feminine, bare, bare + "ة",
                     masculine + "ين", masculine + "ون", bare + "ين", bare + "ون"):
            if form:
                forms.setdefault(matching_key(form), code)
    return forms


@functools.cache
def _forms_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word of a form → (the form's words, code), longest first: "الولايات" → ("الولايات", "المتحده")."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, code in _country_forms().items():
        words = tuple(form.split())
        index.setdefault(words[0], []).append((words, code))
    return {first: tuple(sorted(forms, key=lambda f: -len(f[0]))) for first, forms in index.items()}


@functools.cache
def _town_countries() -> dict[str, str]:
    return {matching_key(n): code for name, aliases, code in geonames_places() for n in (name, *aliases)}


def country_counts(paragraphs: tuple[Paragraph, ...]) -> Counter:
    """How often the body names each country, by name or adjective ("والكويت", "للعراقيين" too)."""
    index, counts = _forms_by_first_word(), Counter()
    for paragraph in paragraphs:
        if not paragraph.role.is_body:
            continue
        words = WORD_RE.findall(matching_key(paragraph.text))
        for i, word in enumerate(words):
            for variant in clitic_variants(word):
                code = next((c for form, c in index.get(variant, ()) if tuple(words[i + 1:i + len(form)]) == form[1:]),
                            None)
                if code:
                    counts[code] += 1
                    break
    return counts


def home_country(paragraphs: tuple[Paragraph, ...], credits: Credits, registry: Registry) -> str | None:
    """The article's home country (ISO code), or None when the text does not agree on one."""
    based = [code for outlet in (credits.outlet, credits.agency) if outlet
             for code in getattr(registry.exact(outlet.name), "countries", ())]
    if credits.dateline:  # the text says where it was filed: "بغداد (رويترز)", "الكويت - كونا"
        key = matching_key(credits.dateline)
        filed = {c for c in (_country_forms().get(key), _town_countries().get(key)) if c in nationalities()}
        if len(filed) == 2:  # "عمان - بترا": Amman, as the Jordanian agency says, or Oman
            filed &= set(based)
        if len(filed) == 1:
            return filed.pop()
    counts = country_counts(paragraphs)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, times = ranked[0]
    for code in based:
        if counts[code] >= times:
            return code
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if times >= 2 * second and (times >= MIN_MENTIONS_ALONE or not second) else None


def state_bodies(paragraphs: tuple[Paragraph, ...]) -> list[tuple[str, str, int, int]]:
    """(name, paragraph id, start, end) of each state body the body paragraphs name without its
    country ("وزارة الخارجية"); ``with_country`` names it for the article's home."""
    found = []
    for paragraph in paragraphs:
        if not paragraph.role.is_body or not organizations.may_name_a_state_body(paragraph.text):
            continue
        spans = [m.span() for m in re.finditer(r"\S+", paragraph.text)]
        words = [paragraph.text[a:b] for a, b in spans]
        keys = [organizations.bare(w) for w in words]
        i = 0
        while i < len(words):
            hit = organizations.generic_state_body(words, keys, i)
            if hit is None:
                i += 1
                continue
            name, taken, clitic = hit
            first, last = words[i], words[i + taken - 1]
            lead = len(first) - len(first.lstrip(organizations.PUNCTUATION))
            start = spans[i][0] + lead + skip_letters(first[lead:], clitic)
            end = spans[i + taken - 1][0] + len(last.rstrip(organizations.PUNCTUATION))
            found.append((name, paragraph.id, start, end))
            i += taken
    return found


def with_country(name: str, home: str) -> str:
    """"وزارة الخارجية" of Kuwait → "وزارة الخارجية الكويتية" (the adjective agrees with the head)."""
    return f"{name} {adjective(home, name.split()[0].endswith('ة'))}"


def home_bodies(paragraphs: tuple[Paragraph, ...], credits: Callable[[], Credits],
                registry: Registry) -> list[tuple[str, str, int, int]]:
    """``state_bodies`` named for the article's home country; none when it has no home. The
    home, and the ``credits`` it is read from, are worked out only for an article that names
    such a body: most do not."""
    bodies = state_bodies(paragraphs)
    home = home_country(paragraphs, credits(), registry) if bodies else None
    if home is None or home not in nationalities():
        return []
    return [(with_country(name, home), paragraph, start, end) for name, paragraph, start, end in bodies]
