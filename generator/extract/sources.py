"""Who published an article: wire agencies credited in datelines and outlets named by their
own boilerplate, resolved against a registry (built-in agencies + ``sources:`` in site.yaml).

"واشنطن - (أ ف ب) -" → agency وكالة الصحافة الفرنسية; an English disclaimer
"The Example Institute (EI) is an independent …" → outlet "Example Institute", named in
Arabic when the registry knows it.
"""
from __future__ import annotations

import re

from ..model import Block, Outlet, Role, Source
from ..text.arabic import clitic_variants, matching_key, tokens

# The wire agencies Arabic papers credit, with the abbreviations they print.
BUILTIN_AGENCIES: tuple[Source, ...] = (
    Source("وكالة الصحافة الفرنسية", "Agence France-Presse", ("أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "AFP"), True),
    Source("رويترز", "Reuters", ("Reuters",), True),
    Source("أسوشيتد برس", "Associated Press", ("أ ب", "ا ب", "أسوشييتد برس", "AP"), True),
    Source("الوكالة الألمانية للأنباء", "Deutsche Presse-Agentur", ("د ب أ", "د.ب.أ", "DPA"), True),
    Source("وكالة الأنباء السعودية", "Saudi Press Agency", ("واس", "SPA"), True),
    Source("وكالة أنباء الإمارات", "Emirates News Agency", ("وام", "WAM"), True),
    Source("وكالة الأنباء القطرية", "Qatar News Agency", ("قنا", "QNA"), True),
    Source("وكالة الأنباء الكويتية", "Kuwait News Agency", ("كونا", "KUNA"), True),
    Source("وكالة الأنباء العراقية", "Iraqi News Agency", ("واع", "INA"), True),
    Source("الوكالة العربية السورية للأنباء", "Syrian Arab News Agency", ("سانا", "SANA"), True),
    Source("وكالة أنباء الشرق الأوسط", "Middle East News Agency", ("أ ش أ", "MENA"), True),
    Source("وكالة الأنباء الإيرانية", "Islamic Republic News Agency", ("إرنا", "IRNA"), True),
    Source("وكالة الأناضول", "Anadolu Agency", ("الأناضول",), True),
    Source("وكالة شينخوا", "Xinhua", ("شينخوا",), True),
)

# "The Example Institute (EI) is an independent …": a publisher introducing itself.
SELF_DESCRIPTION_RE = re.compile(r"\bThe ([A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*| of| for| and){0,8})"
                                 r" \(([A-Z]{2,8})\) is\b")


def match_source(text: str, registry: tuple[Source, ...]) -> Source | None:
    """The registry entry ``text`` names exactly (any spelling of any alias)."""
    key = matching_key(text.strip(" ()-–—"))
    for source in registry:
        if key in {matching_key(n) for n in (source.name, source.name_en, *source.aliases) if n}:
            return source
    return None


def outlet_named_by(text: str, registry: tuple[Source, ...]) -> Outlet | None:
    """The registered outlet a line consists of ("هسبريس" under a pasted headline)."""
    line = text.strip(" \t-–—|:·•")
    for source in registry:
        if not source.agency and line in (source.name, source.name_en, *source.aliases):
            return source.outlet()
    return None


def outlet_from_blocks(blocks: tuple[Block, ...], registry: tuple[Source, ...]) -> Outlet | None:
    """The publisher: a header line that is an outlet's name, boilerplate that names a
    registered outlet, or boilerplate where the publisher introduces itself."""
    for block in blocks:
        if (block.role in (Role.KICKER, Role.DECK, Role.SECTION, Role.BYLINE)
                and (outlet := outlet_named_by(block.text, registry))):
            return outlet
    furniture = [b.text for b in blocks if b.role in (Role.BOILERPLATE, Role.BYLINE, Role.SECTION)]
    for text in furniture:
        words = tokens(text)
        for source in registry:
            if source.agency:
                continue
            names = [n for n in (source.name, source.name_en, *source.aliases) if n]
            if any(names_in(words, tokens(n)) for n in names):
                return source.outlet()
    for text in furniture:
        match = SELF_DESCRIPTION_RE.search(text)
        if match:
            return Outlet(match[1], match[1])
    return None


def names_in(words: list[str], name: list[str]) -> bool:
    """Whether the words (matching keys) contain ``name`` as whole words, its first word
    possibly behind a proclitic: "جميع الحقوق محفوظة لـالأفق" (tatweel gone: "لالأفق") names
    الأفق; "الأفقية" does not."""
    if not name:
        return False
    n = len(name)
    return any(name[0] in clitic_variants(words[i]) and words[i + 1:i + n] == name[1:]
               for i in range(len(words) - n + 1))
