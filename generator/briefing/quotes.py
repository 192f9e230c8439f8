"""The briefing's quotes as units a reader can take in alone.

Extraction finds every passage in quotation marks a speech verb attributes (``extract.quotes``).
One of several in a sentence, or one whose subject is outside the marks, is a fragment: «قال
الوزير إن القوات "قادرة على القتال" و"من الصعب" التمييز بين …» gives "قادرة على القتال" (who
is?) and "من الصعب" (what is?). Such a sentence is shown once, as the clause it reports: «القوات
"قادرة على القتال" و"من الصعب" التمييز بين …», verbatim from the paragraph, so it can be cited.
"""
from __future__ import annotations

import re

from ..extract.quotes import after_speech_verb
from ..model import Article, Quote
from ..text import arabic
from .model import Person, QuoteEntry, cite

REPORTED_RE = re.compile(r"(?:^|\s)(?:إن|إنّ|أن|أنّ|بأن|بأنّ|ان)\s+")  # "said *that* …": the reported clause starts
TRAILING_RE = re.compile(r"[\s.،,؛;:]+$")


def quote_entries(articles: list[Article], units: dict[str, tuple[Quote, ...]], people: tuple[Person, ...],
                  shown: list[str], keep=lambda article, quote: True) -> list[QuoteEntry]:
    """The quote units (``units``: slug → ``quote_units``) of ``articles`` that ``keep`` keeps,
    each once (a reprint's copy is the same quote), none in or holding a text already ``shown``
    on the page (a statement that is the quote's sentence, a quote shown in another section),
    each with its speaker's role when known."""
    roles = {name: p.role for p in people for name in (p.entity.name, *p.entity.aliases) if p.role}
    on_page = [k for k in map(text_key, shown) if k]
    seen: set[str] = set()
    out = []
    for article in articles:
        for q in units[article.slug]:
            mine = text_key(q.text)
            if not mine or mine in seen or not keep(article, q) or any(mine in k or k in mine for k in on_page):
                continue
            seen.add(mine)
            out.append(QuoteEntry(q.speaker, q.text, cite(article, q.paragraph), roles.get(q.speaker or "", "")))
    return out


def text_key(text: str) -> str:
    """A text as compared for "shown already": letters only, spelling variants folded."""
    return " ".join(arabic.matching_key(text).split())


def quote_units(article: Article) -> tuple[Quote, ...]:
    """The article's quotes, each a whole quote or, for fragments, the clause of their sentence
    that holds them; a sentence's fragments make one unit, attributed to its first speaker."""
    texts = {p.id: p.text for p in article.paragraphs}
    units: list[Quote] = []
    for place, quotes in _by_sentence(article.quotes, texts):
        if place is None:
            units += quotes
            continue
        paragraph, start, end = place
        sentence = texts[paragraph][start:end]
        at = sentence.find(quotes[0].text)
        opened = _reported_start(sentence, at)
        subject_outside = opened is not None and sentence[opened:at].strip(" “”«»\"'")
        if len(quotes) == 1 and not subject_outside:
            units += quotes
        else:
            units.append(Quote(quotes[0].speaker, TRAILING_RE.sub("", sentence[opened or 0:]), paragraph))
    return tuple(units)


def _by_sentence(quotes: tuple[Quote, ...], texts: dict[str, str]) -> list[tuple[tuple[str, int, int] | None,
                                                                                  list[Quote]]]:
    """Quotes grouped by the sentence that holds them, (paragraph, start, end), in order; a quote
    not found in its paragraph's text is a group of its own, placed nowhere (None)."""
    groups: dict[tuple[str, int, int], list[Quote]] = {}
    out: list[tuple[tuple[str, int, int] | None, list[Quote]]] = []
    for q in quotes:
        text = texts.get(q.paragraph, "")
        at = text.find(q.text)
        span = next(((s, e) for s, e in arabic.sentence_spans(text) if s <= at < e), None) if at >= 0 else None
        if span is None:
            out.append((None, [q]))
        elif (q.paragraph, *span) in groups:
            groups[(q.paragraph, *span)].append(q)
        else:
            groups[(q.paragraph, *span)] = [q]
            out.append(((q.paragraph, *span), groups[(q.paragraph, *span)]))
    return out


def _reported_start(sentence: str, first_quote: int) -> int | None:
    """Where the clause the sentence reports starts: after the last «إن»/«أن» between its last
    speech verb and its first quote ("قال الوزير إن القوات …", "… مؤكدا أن «…»"); None when there
    is none ("شدّد الوزير على «…»")."""
    verb = after_speech_verb(sentence[:max(first_quote, 0)])
    opened = [m.end() for m in REPORTED_RE.finditer(sentence, verb, max(first_quote, 0))] if verb is not None else []
    return opened[-1] if opened else None
