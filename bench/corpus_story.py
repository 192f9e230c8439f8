"""Stories: what a wire agency or a writer filed, before any outlet printed it.

``compose_story(seed, k)`` makes article k's story from the vocabulary in ``corpus_words``: its
kind (the event, the earlier visit, another story), style (wire copy, a report, an analysis),
topic, date, cast, dateline and paragraphs. A ``Composer`` builds the sentences; it names
people in full once and by their short name afterwards, makes verbs agree with the speaker,
and never says a clause twice in one article. ``reprint_source``/``reprinted`` make a few
articles another outlet's lightly edited copy of an earlier wire story.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import random
from dataclasses import dataclass, replace

from hijridate import Gregorian

if __package__:
    from . import corpus_words as W
else:  # run as a script: python bench/corpus.py
    import corpus_words as W

# --- shares and rates (why each: see bench/README.md) -------------------------------------

KIND_WEIGHTS = (("event", 38), ("earlier", 4), ("other", 58))  # the event: enough for a briefing
STYLE_WEIGHTS = (("wire", 60), ("report", 20), ("analysis", 20))  # wire copy: most have a dateline
REPRINT_SHARE = 0.05
REPRINT_LOOKBACK = 60  # a reprint follows its original within this many files
WORDS = {"wire": (300, 750, 520), "report": (350, 850, 600), "analysis": (450, 1000, 760)}  # triangular
SPAN = (dt.date(2022, 3, 1), dt.date(2024, 2, 28))  # other stories: two years around the event
EVENT_SPREAD = (-40, 45)  # event articles: days around the meeting
EARLIER_SPREAD = (-4, 8)
COMPOSED_SHARE = .6  # clauses composed from a topic's grammar rather than taken from its handwritten list
# Hijri months kept out of the article bodies (none: every month is read since generator/text/dates.py
# looks Hijri month names up by matching key).
HIJRI_MONTHS_SKIPPED: frozenset[int] = frozenset()


# --- the data the texts are made of -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Person:
    name: str
    alias: str
    role: str
    name_en: str
    female: bool
    group: str
    topics: frozenset[str]  # what the office speaks about; empty: anything


def _role_topics(role: str) -> frozenset[str]:
    if role.startswith(W.GENERAL_ROLES):
        return frozenset()
    return frozenset(t for words, topics in W.ROLE_TOPICS if words in role for t in topics)


PEOPLE = tuple(Person(*row, _role_topics(row[2])) for row in W.PEOPLE)
BY_NAME = {p.name: p for p in PEOPLE}
PARTICIPANTS = tuple(BY_NAME[name] for name in W.EVENT["participants"])
EVENT_DAY = dt.date(*W.EVENT_DATE)
EARLIER_DAY = dt.date(*W.EARLIER_DATE)


@dataclass(frozen=True, slots=True)
class Story:
    """A text as filed, before any outlet printed it."""

    kind: str  # "event", "earlier" (the event's background), "other"
    style: str  # "wire", "report", "analysis"
    topic: str
    date: dt.date
    agency: str  # the credit its dateline prints ("أ ف ب"), "" for the outlet's own copy
    city: str  # the dateline's city ("" without a dateline)
    month_style: str
    headlines: tuple[str, ...]  # candidates, best first; a reprint takes another
    kickers: tuple[str, ...]
    decks: tuple[str, ...]
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    captions: tuple[str, ...]  # without the photo credit
    pull_quotes: tuple[tuple[int, str], ...]  # (paragraph index, words it repeats)
    author: tuple[str, bool] | None  # (name, female)


# --- small helpers ------------------------------------------------------------------------

def stream(seed: int, k: int, purpose: str) -> random.Random:
    # A string seed is hashed with SHA-512 by random.seed: stable across runs and machines.
    return random.Random(f"arabic-corpus/{seed}/{k}/{purpose}")


@functools.lru_cache(maxsize=None)
def _cumulative(pairs: tuple) -> tuple[tuple, list[float]]:
    values, weights = zip(*pairs)
    return values, list(itertools.accumulate(weights))


def weighted(rng: random.Random, pairs: tuple) -> str:
    values, cumulative = _cumulative(pairs)
    return rng.choices(values, cum_weights=cumulative)[0]


def _number(rng: random.Random, spec: tuple) -> str:
    """A number in a fact's range: (low, high[, step]); floats get one decimal."""
    if isinstance(spec[0], float) or isinstance(spec[1], float):
        return f"{rng.uniform(spec[0], spec[1]):.1f}"
    step = spec[2] if len(spec) > 2 else 1
    return str(rng.randrange(spec[0], spec[1] + 1, step))


def pick(rng: random.Random, options):
    """``rng.choice``, at a third of the cost (one C call): generation makes millions of picks."""
    return options[int(rng.random() * len(options))]


def _fill(template: str, slots: dict) -> str:
    return template.format_map(slots)


def word_count(text: str) -> int:
    return text.count(" ") + 1


# --- dates as Arabic papers print them ----------------------------------------------------

def month_name(month: int, style: str) -> str:
    """"eg" يوليو, "lev" تموز, "pair" يوليو/تموز, "pair_lev" تموز/يوليو, "reuters" يوليو تموز."""
    eg, lev = W.MONTHS_EG[month - 1], W.MONTHS_LEV[month - 1]
    return {"eg": eg, "lev": lev, "pair": f"{eg}/{lev}", "pair_lev": f"{lev}/{eg}",
            "reuters": f"{eg} {lev}"}[style]


def date_text(day: dt.date, style: str, year: bool = True, weekday: bool = False) -> str:
    text = f"{day.day} {month_name(day.month, style)}" + (f" {day.year}" if year else "")
    return f"{W.WEEKDAYS[day.weekday()]} {text}" if weekday else text


def hijri_text(day: dt.date) -> str:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return f"{h.day} {W.HIJRI_MONTHS[h.month - 1]} {h.year} هـ"


def when_text(rng: random.Random, pub: dt.date, day: dt.date) -> str:
    """How a text dated ``pub`` names ``day`` (on or before it): أمس, اليوم الثلاثاء, الثلاثاء…"""
    weekday = W.WEEKDAYS[day.weekday()]
    gap = (pub - day).days
    if gap == 0:
        return pick(rng, ("اليوم", f"اليوم {weekday}", weekday))
    if gap == 1:
        return pick(rng, ("أمس", f"أمس {weekday}", weekday, f"يوم {weekday}"))
    if gap < 7:
        return pick(rng, (weekday, f"يوم {weekday}"))
    return "في " + date_text(day, pick(rng, ("eg", "lev", "pair_lev")), year=rng.random() < .4)


def past_text(rng: random.Random, pub: dt.date, style: str) -> str:
    """An earlier moment for "وكان X قد أعلن {past} أن …": a phrase, a date, now and then Hijri."""
    roll = rng.random()
    if roll < .4:
        return pick(rng, W.PAST_PHRASES)
    day = pub - dt.timedelta(days=rng.randint(8, 75))
    if roll < .47 and Gregorian(day.year, day.month, day.day).to_hijri().month not in HIJRI_MONTHS_SKIPPED:
        return f"في {hijri_text(day)}"
    return "في " + date_text(day, style, year=rng.random() < .5 or day.year != pub.year)


def span_text(days: int) -> str:
    return [phrase for least, phrase in W.TIME_SPANS if days >= least][-1] if days >= 10 else "أيام"


# --- who is named, and how ----------------------------------------------------------------

class Cast:
    """The people a story quotes; names them in full once, by their short name afterwards."""

    def __init__(self, rng: random.Random, people: list[Person]):
        self.rng, self.people, self.named = rng, people, set()
        self.fitting = {t: [p for p in people if p.group != "analyst" and (not p.topics or t in p.topics)]
                        for t in W.TOPICS}

    def speaker_for(self, topic: str) -> Person | None:
        """Someone whose office speaks about ``topic``, or None (then a source goes unnamed)."""
        fitting = self.fitting[topic]
        return pick(self.rng, fitting) if fitting else None

    def analyst(self) -> Person | None:
        found = [p for p in self.people if p.group == "analyst"]
        return pick(self.rng, found) if found else None

    def ref(self, person: Person) -> str:
        if person.name not in self.named:
            self.named.add(person.name)
            return person.name if person.group == "analyst" else f"{person.role} {person.name}"
        return person.alias if person.alias and self.rng.random() < .7 else person.name


class Slots(dict):
    """A template's slots; the composer's lazy ones are filled on first use."""

    def __init__(self, composer: "Composer", values: dict, topic: str = ""):
        super().__init__(values)
        self.composer, self.topic = composer, topic

    def plus(self, **extra) -> "Slots":
        self.update(extra)  # one Slots per sentence: adding to it is safe and saves a copy
        return self

    def __missing__(self, key: str) -> str:
        value = self[key] = self.composer.lazy_slot(key, self)
        return value


def cast_for(rng: random.Random, kind: str, topic: str, country: str) -> list[Person]:
    if kind in ("event", "earlier"):
        groups = ("iq", "tr")
        people = list(PARTICIPANTS) + [p for p in PEOPLE if p.group in groups and p not in PARTICIPANTS]
    else:
        people = [p for p in PEOPLE if p.group == country]
    people += [BY_NAME[n] for n in W.INTL_BY_TOPIC[topic] if rng.random() < .5]
    analysts = W.ANALYSTS_BY_TOPIC[topic]
    if analysts and rng.random() < .6:
        people.append(BY_NAME[pick(rng, analysts)])
    return people


VERB_FORMS = tuple({key: forms[female] for key, forms in W.GENDERED.items()} for female in (False, True))


@functools.lru_cache(maxsize=None)
def quotes_of(person: Person, topic: str) -> tuple[str, ...]:
    """The topic's quotes this person says: words repeated across stories come from one mouth,
    as a statement carried by several outlets does. Every person gets at least one."""
    quotes = W.TOPICS[topic]["quotes"]
    start = PEOPLE.index(person) % len(quotes)
    return tuple(quotes[(start + i) % len(quotes)] for i in range(0, len(quotes), 2))


def verb_slots(person: Person) -> dict[str, str]:
    return VERB_FORMS[person.female]


# --- composing a story --------------------------------------------------------------------

class Composer:
    """Builds one story's sentences; remembers what it used so an article does not repeat itself."""

    ANALYST_MAX = 3  # sentences by analysts per article

    def __init__(self, rng: random.Random, story_kind: str, style: str, topic: str, country: str,
                 city: str, pub: dt.date, month_style: str):
        self.rng, self.kind, self.style, self.topic = rng, story_kind, style, topic
        self.pub, self.month_style, self.city = pub, month_style, city
        self.cast = Cast(rng, cast_for(rng, story_kind, topic, country))
        others = [c for c in W.COUNTRIES if c != country]
        name, capital, adj_m, adj_f, adj_i, _ = W.COUNTRIES[country]
        c2 = W.COUNTRIES[pick(rng, others)]
        self.base = {"country": name, "city": city or capital, "adj_m": adj_m, "adj_f": adj_f, "adj_i": adj_i,
                     "country2": c2[0], "adj_m2": c2[2], "noun": W.TOPIC_NOUNS[topic]}
        pool = [t for t, _ in W.EVENT_TOPICS] if story_kind != "other" else W.RELATED_TOPICS[topic]
        secondary = rng.sample([t for t in pool if t != topic], 2)
        self.topics = [topic] * 5 + secondary  # the main topic in most sentences, two others now and then
        self.remaining: dict[tuple, list] = {}  # options not used yet, per list of options
        self.said: set[str] = set()  # quotes already in the article
        self.pull_quotes: list[tuple[int, str]] = []
        self.last_quoted: Person | None = None
        self.analyst_sentences = 0
        event_facts = W.EVENT_FACTS if story_kind == "event" else {"earlier": W.EARLIER_FACTS}
        self.event_facts = rng.sample(sorted(event_facts), min(len(event_facts), rng.randint(3, 5)))
        self.event_fact_texts = event_facts

    def slots(self, topic: str = "", **extra) -> "Slots":
        return Slots(self, {**self.base, **extra}, topic or self.topic)

    def lazy_slot(self, key: str, slots: "Slots") -> str:
        """Slots drawn only when a template names them: a clause ("c1", "c2") is spent only if
        the frame says it, and most sentences name no time or organization."""
        if key in ("c1", "c2"):
            return _fill(self.clause(slots.topic), slots)
        if key == "S":
            return self.cast.ref(slots["speaker"])
        if key in ("P1", "P2"):
            return self.cast.ref(PARTICIPANTS[key == "P2"])
        if key == "circ":
            return _fill(self.fresh(W.CIRCUMSTANCES), slots)
        if key == "org":
            return pick(self.rng, W.ORG_HOSTS)
        if key == "year":
            return str(self.rng.randint(2014, self.pub.year - 1))
        if key == "when":
            return when_text(self.rng, self.pub, self.pub - dt.timedelta(days=pick(self.rng, (0, 1, 1, 2))))
        if key == "past":
            return past_text(self.rng, self.pub, self.month_style)
        raise KeyError(key)

    def fresh(self, options: tuple, reuse: bool = True):
        """An option not used yet in this story; once all are used, any (or None if not ``reuse``)."""
        remaining = self.remaining.get(options)
        if remaining is None:
            remaining = self.remaining[options] = list(options)
        if not remaining:
            return pick(self.rng, options) if reuse else None
        i = int(self.rng.random() * len(remaining))
        remaining[i], remaining[-1] = remaining[-1], remaining[i]
        return remaining.pop()

    def spend(self, text: str) -> None:
        """Mark the topic's clauses that ``text`` (a lead written out in full) already says."""
        options = W.TOPICS[self.topic]["clauses"]
        remaining = self.remaining.setdefault(options, list(options))
        remaining[:] = [c for c in remaining if c not in text]

    def clause(self, topic: str) -> str:
        """A composed clause most of the time, else a handwritten or general one; each action and
        each handwritten clause once per article (said twice, the shorter reads as a pull quote).
        A long article that has used its topic's material borrows its other topics'."""
        if self.rng.random() < COMPOSED_SHARE and (found := self.composed_clause(topic)):
            return found
        found = self.fresh(W.TOPICS[topic]["clauses"], reuse=False) or self.fresh(W.GENERIC_CLAUSES, reuse=False)
        for other in [topic] + self.topics:
            found = found or self.composed_clause(other) or self.fresh(W.TOPICS[other]["clauses"], reuse=False)
        return found or self.fresh(W.TOPICS[topic]["clauses"])

    def composed_clause(self, topic: str) -> str | None:
        """Actor + agreeing action (+ modifier): "وزارة الصحة توسع حملة التلقيح …"."""
        action = self.fresh(W.TOPIC_ACTIONS[topic], reuse=False)
        if action is None:
            return None
        actor, gender = pick(self.rng, W.TOPIC_ACTORS[topic])
        action = action.replace("~", "ت" if gender == "f" else "ي", 1)
        if self.rng.random() < .35:
            action += " " + pick(self.rng, W.MODIFIERS)
        return f"{actor} {action}"

    def unsaid(self, quotes: tuple[str, ...]) -> str | None:
        """A quote nobody in this article has said yet, named or not."""
        fresh = [q for q in quotes if q not in self.said]
        if not fresh:
            return None
        words = pick(self.rng, fresh)
        self.said.add(words)
        return words

    def speaker_slots(self, person: Person) -> dict:
        """The speaker's verb forms; "S", the way they are named, only if the template names them."""
        return {"speaker": person, **verb_slots(person)}

    # Each move returns one sentence, or hands over to another move when it has nothing fresh.
    def statement(self, paragraph: int) -> str:
        topic = pick(self.rng, self.topics)
        person = self.cast.speaker_for(topic)
        if person is None:
            return self.unnamed(paragraph, topic)
        slots = self.slots(topic, **self.speaker_slots(person))
        self.last_quoted = None
        return _fill(self.fresh(W.STATEMENT_FRAMES), slots)

    def quote(self, paragraph: int) -> str:
        topic = pick(self.rng, self.topics)
        person = self.cast.speaker_for(topic)
        if person is None:
            return self.unnamed(paragraph, topic)
        own = W.PARTICIPANT_QUOTES.get(person.name, ()) if self.kind != "other" else ()
        words = self.unsaid(own if own and self.rng.random() < .7 else quotes_of(person, topic))
        if words is None:
            return self.statement(paragraph)
        if self.last_quoted is person and self.rng.random() < .6:
            frame, slots = pick(self.rng, W.QUOTE_CONTINUATIONS), self.slots(**verb_slots(person))
        else:
            nominal = words.startswith(W.NOMINAL_OPENINGS)
            frame = self.fresh(W.QUOTE_FRAMES + (W.QUOTE_FRAMES_THAT if nominal else ()))
            slots = self.slots(**self.speaker_slots(person))
        if len(words.split()) >= 6:
            self.pull_quotes.append((paragraph, words))
        self.last_quoted = person
        return _fill(frame, slots.plus(q=words))

    def unnamed(self, paragraph: int, topic: str = "") -> str:
        topic = topic or pick(self.rng, self.topics)
        slots = self.slots(topic, his="ه")
        frames = W.UNNAMED_FRAMES
        frame = self.fresh(frames)
        if "{q}" in frame:
            words = self.unsaid(W.TOPICS[topic]["quotes"])
            if words is None:
                frame = pick(self.rng, [f for f in frames if "{q}" not in f])
            slots["q"] = words
        self.last_quoted = None
        return _fill(frame, slots)

    def fact(self, paragraph: int) -> str:
        topic = pick(self.rng, self.topics)
        if self.kind != "other" and topic == "diplomacy":  # the visit's own figures, not others
            return self.event_fact(paragraph)
        fact = self.fresh(W.TOPICS[topic]["facts"], reuse=False)
        if fact is None:
            return self.statement(paragraph)
        template, *ranges = fact
        numbers = dict(zip("ab", (_number(self.rng, r) for r in ranges if r)))
        return _fill(template, self.slots(**numbers))

    def background(self, paragraph: int) -> str:
        if self.kind == "event" and self.rng.random() < .5:
            found = self.fresh(W.EVENT_BACKGROUND, reuse=False)
            if found:
                return found
        background = self.fresh(W.TOPICS[self.topic]["background"], reuse=False)
        if background is None:
            return self.statement(paragraph)
        template, *ranges = background
        numbers = dict(zip("ab", (_number(self.rng, r) for r in ranges if r)))
        return _fill(template, self.slots(**numbers))

    def analyst(self, paragraph: int) -> str:
        person = self.cast.analyst()
        if person is None or self.analyst_sentences >= self.ANALYST_MAX:
            return self.statement(paragraph)
        self.analyst_sentences += 1
        again = person.name in self.cast.named
        slots = self.slots(**verb_slots(person), role=person.role,
                           S=(person.alias or person.name) if again else person.name)
        self.cast.named.add(person.name)
        frame = self.fresh(W.ANALYST_FRAMES_AGAIN if again else W.ANALYST_FRAMES)
        if "{q}" in frame:
            slots["q"] = self.unsaid(W.TOPICS[self.topic]["quotes"])
            if slots["q"] is None:
                frame = W.ANALYST_FRAMES_AGAIN[0]
        self.last_quoted = None
        return _fill(frame, slots)

    def event_fact(self, paragraph: int) -> str:
        if not self.event_facts:
            return self.statement(paragraph)
        return pick(self.rng, self.event_fact_texts[self.event_facts.pop()])

    MOVES = {  # weights of the sentence kinds, by style
        "wire": (("statement", 4), ("quote", 3), ("unnamed", 1), ("fact", 3), ("background", 1.5), ("analyst", .5)),
        "report": (("statement", 4), ("quote", 2), ("unnamed", 1.5), ("fact", 2), ("background", 2), ("analyst", 1.5)),
        "analysis": (("statement", 3.5), ("quote", 1), ("unnamed", 2), ("fact", 1.5), ("background", 2.5), ("analyst", 2)),
    }

    def sentence(self, paragraph: int) -> str:
        moves = self.MOVES[self.style]
        if self.kind != "other":
            moves = moves + (("event_fact", 3),)
        return getattr(self, weighted(self.rng, moves))(paragraph)


def _story_setting(rng: random.Random, kind: str) -> tuple[str, str, dt.date]:
    """(topic, country, publication date) for a story of ``kind``."""
    if kind == "event":
        topic = weighted(rng, W.EVENT_TOPICS)
        offset = round(rng.triangular(*EVENT_SPREAD, 1))
        return topic, pick(rng, ("iq", "iq", "tr")), EVENT_DAY + dt.timedelta(days=offset)
    if kind == "earlier":
        offset = rng.randint(*EARLIER_SPREAD)
        return pick(rng, ("diplomacy", "water", "trade")), "iq", EARLIER_DAY + dt.timedelta(days=offset)
    topic = pick(rng, sorted(W.TOPICS))
    days = (SPAN[1] - SPAN[0]).days
    return topic, pick(rng, W.TOPICS[topic]["countries"]), SPAN[0] + dt.timedelta(days=rng.randint(0, days))


def _dateline_city(rng: random.Random, kind: str, country: str, pub: dt.date) -> str:
    if kind == "event":
        return "أنقرة" if pub >= EVENT_DAY else pick(rng, ("بغداد", "بغداد", "أنقرة"))
    if kind == "earlier":
        return "بغداد"
    _, capital, *_, others = W.COUNTRIES[country]
    return pick(rng, (capital, capital, capital) + others)


def _agency(rng: random.Random, country: str) -> tuple:
    if country == "sa" and rng.random() < .6:
        return W.AGENCIES[3]
    return W.AGENCIES[rng.choices(range(len(W.AGENCIES)), W.AGENCY_WEIGHTS)[0]]


def _event_lead(rng: random.Random, comp: Composer, kind: str) -> str:
    """The first sentence of a story about the visit (or the earlier one): before, on or after."""
    day = EVENT_DAY if kind == "event" else EARLIER_DAY
    gap = (comp.pub - day).days
    slots = comp.slots()  # {P1} and {P2}, the participants, are named when a template names them
    if comp.style == "analysis" and kind == "event":
        return pick(rng, W.EVENT_ANALYSIS_OPENERS)
    if kind == "earlier":
        return _fill(pick(rng, W.EARLIER_LEADS), slots.plus(when=when_text(rng, comp.pub, min(day, comp.pub))))
    if gap < 0:
        weekday = W.WEEKDAYS[day.weekday()]
        event_day = (f"{weekday} المقبل" if gap > -7 and rng.random() < .5
                     else "في " + date_text(day, comp.month_style, year=rng.random() < .5))
        return _fill(pick(rng, W.EVENT_LEADS_BEFORE), slots.plus(event_day=event_day))
    if gap <= 10:
        return _fill(pick(rng, W.EVENT_LEADS_AFTER), slots.plus(when=when_text(rng, comp.pub, day)))
    return _fill(pick(rng, W.EVENT_LEADS_LATER), slots.plus(weeks=span_text(gap)))


def _lead(rng: random.Random, comp: Composer, kind: str) -> str:
    if kind != "other":
        return _event_lead(rng, comp, kind)
    topic = W.TOPICS[comp.topic]
    if comp.style == "analysis":
        template = pick(rng, W.ANALYSIS_OPENERS)
    else:
        template = pick(rng, topic["leads"])
    person = comp.cast.speaker_for(comp.topic) or comp.cast.speaker_for("diplomacy") or comp.cast.people[0]
    slots = comp.slots(**comp.speaker_slots(person))
    return _fill(template, slots)


def _dateline(city: str, agency: tuple) -> str:
    credit, _, shape, _ = agency
    return {"dash": f"{city} - ({credit}) - ", "bare": f"{city} ({credit}) - ", "spa": f"{city} - {credit} - "}[shape]


def _header_candidates(rng: random.Random, comp: Composer, kind: str) -> tuple[tuple, tuple, tuple]:
    """(headlines, kickers, decks) fitting the story, each filled in."""
    if kind == "event":
        pool = W.EVENT_HEADLINES_BEFORE if comp.pub < EVENT_DAY else W.EVENT_HEADLINES_AFTER
        kickers, decks = W.EVENT_KICKERS, W.EVENT_DECKS if comp.pub >= EVENT_DAY else ()
    elif kind == "earlier":
        pool, kickers, decks = W.EARLIER_HEADLINES, ("زيارة تاريخية..",), ()
    else:
        topic = W.TOPICS[comp.topic]
        pool, kickers, decks = topic["headlines"], topic["kickers"], topic["decks"]
    lead_person = comp.cast.speaker_for(comp.topic) or comp.cast.people[0]
    slots = comp.slots(a=_number(rng, (50, 500, 10)), alias=lead_person.alias or lead_person.name)
    headlines = tuple(_fill(h, slots) for h in rng.sample(pool, min(3, len(pool))))
    return headlines, tuple(rng.sample(kickers, len(kickers))), tuple(_fill(d, slots) for d in decks)


@functools.lru_cache(maxsize=256)  # reprints look back at recent originals: pure, so cached
def compose_story(seed: int, k: int) -> Story:
    rng = stream(seed, k, "story")
    kind = weighted(rng, KIND_WEIGHTS)
    style = weighted(rng, STYLE_WEIGHTS)
    topic, country, pub = _story_setting(rng, kind)
    agency = _agency(rng, country) if style == "wire" else None
    city = _dateline_city(rng, kind, country, pub)
    month_style = agency[1] if agency else pick(rng, ("eg", "lev", "pair", "pair_lev"))
    comp = Composer(rng, kind, style, topic, country, city, pub, month_style)
    target = round(rng.triangular(*WORDS[style]))
    lead = _lead(rng, comp, kind)
    comp.spend(lead)
    first = lead + " " + comp.sentence(0)
    paragraphs = [(_dateline(city, agency) if agency else "") + first]
    total = word_count(first)
    per_paragraph = (1, 2) if style == "wire" else (2, 3)
    while total < target:
        n = len(paragraphs)
        text = " ".join(comp.sentence(n) for _ in range(rng.randint(*per_paragraph)))
        paragraphs.append(text)
        total += word_count(text)
    headlines, kickers, decks = _header_candidates(rng, comp, kind)
    topic_data = W.TOPICS[topic]
    person = comp.cast.speaker_for(topic) or comp.cast.people[0]
    cap_slots = comp.slots(P=person.name)
    captions = tuple(_fill(c, cap_slots) for c in rng.sample(topic_data["captions"], len(topic_data["captions"])))
    captions += (f"{person.name} خلال مؤتمر صحفي في {comp.base['city']}.",)
    author = pick(rng, W.AUTHORS) if style != "wire" or rng.random() < .05 else None
    return Story(kind, style, topic, pub, agency[0] if agency else "", city if agency else "", month_style,
                 headlines, kickers, decks, tuple(paragraphs),
                 tuple(rng.sample(topic_data["headings"], min(2, len(topic_data["headings"])))),
                 captions, tuple(comp.pull_quotes), author)


# --- reprints -------------------------------------------------------------------------------

def reprint_source(seed: int, k: int) -> int | None:
    """The earlier article whose wire text article k reprints, or None. Follows reprints back to
    the original, so every reprint of one story points at the same first file."""
    rng = stream(seed, k, "reprint")
    if k < 3 or rng.random() >= REPRINT_SHARE:
        return None
    for _ in range(6):  # wire copy is what outlets reprint; look for some
        j = k - rng.randint(1, min(k, REPRINT_LOOKBACK))
        origin = reprint_source(seed, j)
        j = origin if origin is not None else j
        if compose_story(seed, j).agency:
            return j
    return None


def reprinted(story: Story, rng: random.Random) -> Story:
    """The same wire text as another outlet carried it: a new headline, a paragraph fewer, a few
    words changed, two paragraphs run together, a day later now and then."""
    paragraphs = list(story.paragraphs)
    if len(paragraphs) >= 6 and rng.random() < .5:
        paragraphs.pop()
    edits = rng.randint(1, 3)  # edits that change something: never the same text twice
    for before, after in rng.sample(W.REPRINT_EDITS, len(W.REPRINT_EDITS)):
        found = [i for i in range(len(paragraphs)) if before in paragraphs[i]]
        if edits and found:
            i = pick(rng, found)
            paragraphs[i] = paragraphs[i].replace(before, after, 1)
            edits -= 1
    if len(paragraphs) > 4 and rng.random() < .3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i:i + 2] = [paragraphs[i] + " " + paragraphs[i + 1]]
    headlines = story.headlines[1:] + story.headlines[:1]
    pulls = tuple((i, q) for i, q in story.pull_quotes if i < len(paragraphs) and q in paragraphs[i])
    return replace(story, headlines=headlines, paragraphs=tuple(paragraphs), pull_quotes=pulls,
                   date=story.date + dt.timedelta(days=pick(rng, (0, 0, 1))))
