"""The registry of who publishes: wire agencies and outlets, with every form they are printed in.

The built-in table is data (``data/sources.yaml``, 230-odd agencies and outlets of every Arab
state and the international Arabic services), read once, when first asked for. ``sources:`` in
site.yaml come first: an entry there with a built-in's name replaces it, any other adds to it.

``Registry`` indexes every form by its words (matching keys), so a line is scanned once,
word by word, whatever the size of the table:

    Registry.build(builtin_sources()).exact("أ.ف.ب")         → وكالة الصحافة الفرنسية
    Registry.build(builtin_sources()).names_in("قال لـ«النهار»") → [Found(النهار, words 1–2, clitic "ل")]
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import Source
from ..text.arabic import WORD_RE, clitic_variants, matching_key

DATA = Path(__file__).parent / "data" / "sources.yaml"
# A first word may carry these proclitics and still be the name: "للسومرية" is ل + السومرية.
NAME_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


@functools.cache
def builtin_sources() -> tuple[Source, ...]:
    """The agencies, then the outlets, of ``data/sources.yaml``."""
    table = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(Source(e["name"], e.get("en", ""), tuple(e.get("aka", ())), kind == "agencies", e.get("plain", False),
                        tuple(e.get("site", ())), tuple(e.get("in", ())))
                 for kind in ("agencies", "outlets") for e in table[kind])


@dataclass(frozen=True, slots=True)
class Found:
    """A registered name found among a line's words: words [start, end), and the proclitic
    its first word carried ("ل" in "للنهار"), "" when none."""

    source: Source
    start: int
    end: int
    clitic: str
    plain: bool  # an ordinary phrase as well as a name: counts only with a cue


@dataclass(frozen=True, slots=True)
class Registry:
    sources: tuple[Source, ...]
    forms: dict[tuple[str, ...], int]  # a form's words → the source printed so
    longest: int  # the most words a form has
    sites: frozenset[tuple[str, ...]] = frozenset()  # the forms that are an agency's website name
    firsts: frozenset[str] = frozenset()  # the first words of the forms: any other word starts no name
    endings: frozenset[str] = frozenset()  # their last two letters: a quick look before the proclitics

    @classmethod
    def build(cls, sources: tuple[Source, ...]) -> Registry:
        """Earlier sources win a name or form two of them claim (site.yaml before built-ins)."""
        kept: list[Source] = []
        names: set[str] = set()
        forms: dict[tuple[str, ...], int] = {}
        sites: set[tuple[str, ...]] = set()
        for source in sources:
            if matching_key(source.name) in names:
                continue
            names.add(matching_key(source.name))
            kept.append(source)
            for form in (source.name, source.name_en, *source.aliases, *source.site):
                words = tuple(WORD_RE.findall(matching_key(form)))
                if words:
                    forms.setdefault(words, len(kept) - 1)
            sites.update(tuple(WORD_RE.findall(matching_key(form))) for form in source.site)
        firsts = frozenset(words[0] for words in forms)
        return cls(tuple(kept), forms, max(map(len, forms), default=0), frozenset(sites), firsts,
                   frozenset(first[-2:] for first in firsts))

    def is_site(self, text: str) -> bool:
        """Whether ``text`` is an agency's website name ("سبأنت"): the page is the agency's own."""
        return tuple(WORD_RE.findall(matching_key(text))) in self.sites

    def exact(self, text: str) -> Source | None:
        """The source ``text`` consists of ("(أ ف ب)", "رويترز"), punctuation aside."""
        number = self.forms.get(tuple(WORD_RE.findall(matching_key(text))))
        return None if number is None else self.sources[number]

    def names_in(self, words: list[str]) -> list[Found]:
        """The registered names among ``words`` (matching keys), longest first at each word,
        not overlapping, in order."""
        found, i = [], 0
        while i < len(words):
            hit = self.name_at(words, i)
            if hit:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        return found

    def name_at(self, words: list[str], i: int) -> Found | None:
        """The longest registered name starting at word ``i``, its first word possibly behind a proclitic."""
        firsts = [v for v in clitic_variants(words[i]) if v in self.firsts] if words[i][-2:] in self.endings else ()
        if not firsts:
            return None
        for n in range(min(self.longest, len(words) - i), 0, -1):
            rest = tuple(words[i + 1:i + n])
            for first in firsts:
                number = self.forms.get((first, *rest))
                if number is None:
                    continue
                clitic = _clitic(words[i], first)
                if clitic is None:
                    continue
                source = self.sources[number]
                return Found(source, i, i + n, clitic, is_plain(source, (first, *rest)))
        return None


def _clitic(word: str, stem: str) -> str | None:
    """The proclitics ``word`` carries before ``stem`` ("ل" for "للنهار" → "النهار", "وب" for
    "وبالجزيرة"), None when the rest is not proclitics (a longer word that only ends so)."""
    if word.endswith(stem):
        prefix = word[:len(word) - len(stem)]
    elif stem.startswith("ال") and word.endswith(stem[2:]) and word[:len(word) - len(stem) + 2].endswith("لل"):
        prefix = word[:len(word) - len(stem) + 1]  # ل + ال is written لل: the ل is the proclitic
    else:
        return None
    return prefix if len(prefix) <= 2 and all(ch in NAME_PROCLITICS for ch in prefix) else None


def is_plain(source: Source, words: tuple[str, ...]) -> bool:
    """A name that is also an ordinary phrase: marked so in the table, or one word with the
    article ("النهار" is also "the day")."""
    return source.plain or (len(words) == 1 and words[0].startswith("ال"))
