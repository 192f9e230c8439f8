"""Quoted statements and who said them.

A quote is a passage of three words or more inside “…”, «…» or "…" that a speech verb
("قال", "أكد", "شدّد على", "أضاف"…) attributes, in the same sentence. The speaker is:
  1. the phrase after the verb when it names an unnamed source ("مسؤول دفاعي أميركي كبير"),
     cut before relative clauses and time words ("طلب عدم نشر اسمه", "أمس") — unless the
     phrase goes on to name the person: "المتحدث باسم الخارجية ناصر كنعاني" is كنعاني (the
     gazetteer's name when it knows him, else the two words after the title), but
     "المتحدث باسم الأمين العام … غوتيريش" stays the phrase (the name is the other title's);
  2. else a person the gazetteer knows, named in that phrase or just before the verb
     ("شدّد أوستن على “…”", "جين ساكي قالت إنّ …");
  3. else, for a bare "وأضاف", the previous quote's speaker;
  4. else the phrase as written, or None.
"""
from __future__ import annotations

import re

from ..model import Entity, Mention, Paragraph, Quote
from ..text.arabic import keyed, matching_key
from .discovery import is_role_title, name_after_title, opens_with_title

QUOTE_RE = re.compile(r"“([^”]{3,})”|«([^»]{3,})»|\"([^\"]{3,})\"")
MIN_QUOTE_WORDS = 3
MAX_SPEAKER_WORDS = 6  # a title and its complement as a speaker: "وزير الصحة اللبناني"
SPEECH_VERBS = ("قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت", "شدد", "شددت", "أوضح",
                "أوضحت", "صرح", "صرحت", "أعلن", "أعلنت", "تابع", "تابعت", "ذكر", "ذكرت", "اعتبر", "اعتبرت",
                "حذر", "حذرت", "رأى", "رأت", "وصف", "وصفت", "بحسب", "حسب")
CONTINUATION_VERBS = ("أضاف", "أضافت", "تابع", "تابعت")
# Words that open an unnamed source: "مسؤول كبير", "مصدر دبلوماسي", "المتحدث باسم …".
UNNAMED_SOURCES = ("مسؤول", "مسؤولة", "مسؤولون", "مصدر", "مصادر", "متحدث", "المتحدث", "متحدثة", "المتحدثة",
                   "دبلوماسي", "دبلوماسيون", "محلل", "خبير", "خبراء", "مراقبون")
# Where a speaker phrase ends: "إنّ", "أن", a relative clause, a time word, a comma.
SPEAKER_END_RE = re.compile(r"(?:^|\s)(?:ان|انه|انها|بان|طلب|طلبت|الذي|التي|امس|اليوم|خلال|"
                            r"في تصريح|لوكاله|للصحفيين|على)(?:\s|$)|[،,:]")
SENTENCE_BREAK_RE = re.compile(r"[.؛;!?؟]\s")

_VERB_RE = re.compile(r"(?:^|\s)[وف]?(?P<verb>%s)(?=\s|$)" % "|".join(matching_key(v) for v in SPEECH_VERBS))
_CONTINUATION = {matching_key(v) for v in CONTINUATION_VERBS}
_UNNAMED = {matching_key(w) for w in UNNAMED_SOURCES}


def find_quotes(paragraphs: tuple[Paragraph, ...], mentions: tuple[Mention, ...],
                entities: dict[str, Entity]) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    people = [m for m in mentions if entities.get(m.entity_id) and entities[m.entity_id].type == "person"]
    bodies = [m for m in mentions if entities.get(m.entity_id) and entities[m.entity_id].type == "organization"]
    for paragraph in paragraphs:
        if not paragraph.role.is_body:
            continue
        for match in QUOTE_RE.finditer(paragraph.text):
            words = next(g for g in match.groups() if g is not None).strip()
            if len(words.split()) < MIN_QUOTE_WORDS:
                continue
            before = paragraph.text[:match.start()]
            sentence_start = max((m.end() for m in SENTENCE_BREAK_RE.finditer(before)), default=0)
            speaker = _speaker(paragraph, sentence_start, match.start(), (people, bodies), entities, quotes)
            if speaker is not False:
                quotes.append(Quote(speaker, words, paragraph.id))
    return tuple(quotes)


def after_speech_verb(text: str) -> int | None:
    """Where the last speech verb of ``text`` ends ("… قال الوزير إن" → after «قال»), or None."""
    key, offsets = keyed(text)
    verbs = list(_VERB_RE.finditer(key))
    return offsets[verbs[-1].end() - 1] + 1 if verbs else None


def _speaker(paragraph: Paragraph, start: int, quote_start: int, named: tuple[list[Mention], list[Mention]],
             entities: dict[str, Entity], earlier: list[Quote]) -> str | None | bool:
    """The speaker's name, None when unknown, or False when no verb attributes the quote.
    ``named``: the text's mentions of persons and of organizations."""
    people, bodies = named
    clause = paragraph.text[start:quote_start]
    key, offsets = keyed(clause)
    verbs = list(_VERB_RE.finditer(key))
    if not verbs:
        return False
    verb = verbs[-1]
    after = key[verb.end():].strip()
    end = SPEAKER_END_RE.search(after)
    phrase = after[:end.start()].strip() if end else after
    first = phrase.split(" ", 1)[0] if phrase else ""
    at = key.index(phrase, verb.end()) if phrase else len(key)
    written = clause[offsets[at]:offsets[at + len(phrase) - 1] + 1] if phrase else ""
    if first in _UNNAMED:
        return _named_after_title(written, start + offsets[at], paragraph.id, people, entities) or written
    person = [m for m in people if m.paragraph == paragraph.id and start <= m.start < quote_start]
    if person:
        return entities[person[-1].entity_id].name
    if phrase and opens_with_title(phrase) and _plain_phrase(written):  # "قال وزير الصحة اللبناني: «…»"
        return written
    opens = start + offsets[at] if phrase else quote_start  # where the phrase after the verb starts
    body = [m for m in bodies if m.paragraph == paragraph.id and opens <= m.start <= opens + len(first)]
    if phrase and body:  # "وذكر الصليب الأحمر في بيان: «…»": the body opens the phrase, it is the subject
        return entities[body[0].entity_id].name
    if not phrase or first == "في":  # "وقال في كلمة: «…»": the speaker is the one named before
        return _named_before(paragraph, start, people, entities, earlier if verb["verb"] in _CONTINUATION else [],
                             across=not phrase)
    return None


def _named_before(paragraph: Paragraph, start: int, people: list[Mention], entities: dict[str, Entity],
                  continued: list[Quote], across: bool) -> str | None:
    """The speaker of a verb with no subject of its own: the last quote's, when the verb goes on
    from it in this paragraph ("وأضاف"), else the last person the paragraph named before, else
    (``across``: nothing between verb and quote) the last quote's from an earlier paragraph."""
    if continued and continued[-1].paragraph == paragraph.id:
        return continued[-1].speaker
    before = [m for m in people if m.paragraph == paragraph.id and m.start < start]
    if before:
        return entities[before[-1].entity_id].name
    return continued[-1].speaker if continued and across else None


def _plain_phrase(written: str) -> bool:
    """Is a speaker phrase only a title and its complement, short and quoting nothing (not "محافظ
    بيروت العاصمة "مدينة منكوبة"", where the sentence goes on past the speaker)?"""
    words = written.split()
    return (len(words) <= MAX_SPEAKER_WORDS and not any(c in written for c in "\"“”«»")
            and all(len(w.rstrip("ـ")) > 1 for w in words))  # «الوزير فلان لـ«…»»: the phrase ran into a preposition


def _named_after_title(phrase: str, at: int, paragraph: str, people: list[Mention],
                      entities: dict[str, Entity]) -> str | None:
    """The person an unnamed-source phrase (at offset ``at`` of the paragraph) goes on to name
    right after its title: a person the gazetteer knows, else the two words that follow."""
    known = [m for m in people if m.paragraph == paragraph and at <= m.start < at + len(phrase)]
    if known:
        first = known[0]
        return entities[first.entity_id].name if is_role_title(phrase[:first.start - at]) else None
    return name_after_title(phrase)
