"""Looks: how one outlet printed a story, and how the file reached us.

``choose_look`` decides, per article, the outlet and the header lines it printed (section,
kicker, headline, deck, byline, date line), the captions, headings and pull quote, the footer
(rights line, English boilerplate, wire staff credits), and what happened on the way: hard
wrapping, tatweel, PDF split words and page numbers, house spellings, Arabic-Indic digits,
the encoding and line ends. ``render`` writes the text; every artifact is one small function.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

if __package__:
    from . import corpus_words as W
    from .corpus_story import Story, date_text, hijri_text, month_name, pick, weighted
else:  # run as a script: python bench/corpus.py
    import corpus_words as W
    from corpus_story import Story, date_text, hijri_text, month_name, pick, weighted

# --- shares and rates (why each: see bench/README.md) -------------------------------------

PROFILES = {  # how each kind of text reaches us
    "wire": (("web", 55), ("agency", 25), ("paper", 20)),
    "report": (("paper", 50), ("web", 30), ("feature", 20)),
    "analysis": (("pdf", 45), ("opinion", 30), ("feature", 25)),
}
# Per look, the chance of each artifact. outlet: which outlets print it and how they say so
# ("line": their name under the headline, "rights": an Arabic rights line, "english": an
# English self-description). wrap: hard-wrapped lines (a PDF's text layer, an e-mailed copy).
TRAITS = {
    "web": dict(outlets=("paper", "web"), modes=(("rights", 45), ("line", 35), ("", 20)), section=.6,
                kicker=.15, deck=.2, date=.85, date_dup=.3, byline=.1, spaced=.8, top_caption=.35,
                body_caption=.35, caption_dup=.4, headings=.05, pull=.03, read_also=.15, junk=.1, wrap=.34),
    "agency": dict(outlets=(), modes=(("", 1),), section=.15, kicker=0, deck=.3, date=.9, date_dup=0,
                   byline=0, spaced=.9, top_caption=0, body_caption=0, caption_dup=0, headings=0, pull=0,
                   read_also=0, junk=0, wrap=.34),
    "paper": dict(outlets=("paper",), modes=(("line", 50), ("rights", 30), ("", 20)), section=.3, kicker=.5,
                  deck=.5, date=.5, date_dup=0, byline=.5, spaced=.4, top_caption=.1, body_caption=.25,
                  caption_dup=.2, headings=.05, pull=.03, read_also=.1, junk=.05, wrap=.34),
    "feature": dict(outlets=("magazine", "paper"), modes=(("rights", 60), ("", 40)), section=.7, kicker=.3,
                    deck=.5, date=.4, date_dup=0, byline=.9, spaced=.9, top_caption=.2, body_caption=.5,
                    caption_dup=.2, headings=.7, pull=.5, read_also=0, junk=0, wrap=.34),
    "opinion": dict(outlets=("paper", "web"), modes=(("line", 50), ("rights", 30), ("", 20)), section=1.0,
                    kicker=0, deck=.1, date=.8, date_dup=0, byline=1.0, spaced=.9, top_caption=0,
                    body_caption=0, caption_dup=0, headings=.2, pull=.2, read_also=0, junk=0, wrap=.34),
    "pdf": dict(outlets=("think_tank",), modes=(("english", 80), ("", 20)), section=0, kicker=.1, deck=.2,
                date=.5, date_dup=0, byline=.9, spaced=.7, top_caption=0, body_caption=0, caption_dup=0,
                headings=.6, pull=.25, read_also=0, junk=.2, wrap=1.0),
}
WRAP_WIDTH = (60, 80)  # characters per hard-wrapped line
TATWEEL_SHARE = {"pdf": .7, "wrapped": .3, "flat": .03}  # articles with tatweel, by kind of text
SPLIT_SHARE = {"pdf": .5, "wrapped": .15}  # articles with PDF split words
PAGE_LINES = 38  # a PDF page break (and its number, sometimes) every this many lines
INDIC_DIGITS_SHARE = .04  # Gulf outlets typing ٠-٩
ENCODINGS = (("utf-8", 95), ("utf-8-sig", 2), ("cp1256", 2), ("utf-16", 1))
CRLF_SHARE = .04
HOUSE_SPELLING_SHARE = .3

TATWEEL = "\u0640"
# Letters that join the next one: tatweel may only follow these ("شكـل", never "دـار").
JOINING = frozenset("بتثجحخسشصضطظعغفقكلمنهيئ")
# Letters that do not join the next: PDF text layers put stray spaces after them ("الولا يات").
NON_JOINING = frozenset("اأإآدذرزوؤة")
ALEFS = frozenset("اأإآ")  # lam-alef is one glyph: no kashida inside it
ARABIC_WORD_RE = re.compile(r"^[\u0621-\u064a]+$")
LATIN_RE = re.compile(r"[A-Za-z]")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True, slots=True)
class Look:
    """How one outlet printed a story and how the file reached us."""

    profile: str
    outlet: tuple | None  # a row of OUTLETS
    outlet_mode: str  # "line", "rights", "english", ""
    section: str
    kicker: str
    headline: str
    deck: str
    byline: str
    date_line: str
    date_first: bool  # the date line above the headline (Saudi agency copy)
    date_dup: bool
    spaced: bool  # blank lines between paragraphs
    top_caption: str
    caption_dup: bool
    body_captions: tuple[tuple[int, str], ...]  # (after paragraph index, caption with credit)
    headings: tuple[tuple[int, str], ...]  # (before paragraph index, heading)
    pull_quote: tuple[int, str] | None
    read_also: tuple[int, str] | None
    junk: tuple[str, ...]  # navigation debris above the headline and between paragraphs
    english_title: str
    footer: tuple[str, ...]  # staff credits, rights line, English boilerplate
    wrap: int  # 0 or the line width
    page_numbers: bool
    tatweel: bool
    splits: int  # words split across a line end, PDF-style
    inner_splits: int  # words with a stray space inside ("الولا يات")
    spellings: tuple[tuple[str, str], ...]
    indic_digits: bool
    encoding: str
    crlf: bool


# --- choosing a look ------------------------------------------------------------------------

def _pick_outlet(rng: random.Random, traits: dict, avoid: str | None) -> tuple[tuple | None, str]:
    mode = weighted(rng, traits["modes"])
    outlets = [o for o in W.OUTLETS if o[3] in traits["outlets"] and o[0] != (avoid or "")]
    if not outlets:
        return None, ""
    outlet = pick(rng, outlets)
    return outlet, mode if mode != "english" or outlet[3] == "think_tank" else "rights"


def _headline_for(story: Story, wrapped: bool) -> str:
    """The first candidate; for a hard-wrapped text one short enough not to pass for a line of
    the body (the cleaner takes a long full line for the first paragraph)."""
    if not wrapped:
        return story.headlines[0]
    short = [h for h in story.headlines if len(h.split()) <= 9]
    return short[0] if short else story.headlines[0]


def _byline(rng: random.Random, story: Story, profile: str, date: str) -> str:
    if story.author is None:
        return ""
    name, female = story.author
    if profile == "opinion":
        form = pick(rng, ("بقلم: {n}", "بقلم {n}"))
    elif profile == "pdf":
        form = pick(rng, ("كتبه {n}", "إعداد: {n}"))
    else:
        form = pick(rng, ("كتبت {n}", "كتبت: {n}") if female else ("كتب {n}", "كتب: {n}", "كتبه {n}"))
    line = form.format(n=name)
    if date and rng.random() < .5:  # "2 آب 2021 | كتب محمود العلي", "بقلم: ليلى حداد | 12 مارس 2022"
        return f"{date} | {line}" if rng.random() < .5 else f"{line} | {date}"
    return line


def _date_line(rng: random.Random, story: Story, profile: str, outlet: tuple | None) -> str:
    if profile == "agency" and story.agency == "واس":
        greg = date_text(story.date, "eg")
        return f"{W.WEEKDAYS[story.date.weekday()]} {hijri_text(story.date)} - {greg} م"
    style = outlet[4] if outlet else ("eg" if story.agency in ("رويترز", "واس") else story.month_style)
    if style == "reuters":
        style = "eg"
    weekday = profile in ("opinion", "agency") or rng.random() < .3
    if profile == "pdf" and rng.random() < .5:
        return f"{month_name(story.date.month, style)} {story.date.year}"
    return date_text(story.date, style, weekday=weekday)


def _footer(rng: random.Random, story: Story, profile: str, outlet: tuple | None, mode: str) -> tuple[str, ...]:
    year = str(story.date.year)
    lines: list[str] = []
    if profile == "agency" and story.agency == "رويترز":
        a, b, c = rng.sample(W.DESK_NAMES, 3)
        lines += [W.STAFF_CREDITS.format(a=a, b=b, c=c), W.REUTERS_COPYRIGHT.format(year=year)]
    if mode == "rights":
        lines.append(weighted(rng, W.ARABIC_RIGHTS).format(year=year, outlet=outlet[0]))
    elif mode == "english":
        abbr = outlet[2][0] if outlet[2] else "".join(w[0] for w in outlet[1].split() if w[0].isupper())
        lines.append(W.ENGLISH_SELF_DESCRIPTION.format(name_en=outlet[1], abbr=abbr))
    elif profile == "pdf" and rng.random() < .5:
        lines += [line.format(year=year) for line in pick(rng, W.ENGLISH_FOOTERS)]
    return tuple(lines)


def _chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def choose_look(rng: random.Random, story: Story, avoid_outlet: str | None = None) -> Look:
    """``avoid_outlet``: for a reprint, the original's outlet (or ""); a reprint is always
    another outlet's page, never bare agency copy."""
    profiles = PROFILES[story.style]
    if avoid_outlet is not None:
        profiles = tuple((p, w) for p, w in profiles if p != "agency")
    profile = weighted(rng, profiles)
    t = TRAITS[profile]
    outlet, mode = _pick_outlet(rng, t, avoid_outlet)
    wrap = rng.randint(*WRAP_WIDTH) if _chance(rng, t["wrap"]) else 0
    kind_of_text = "pdf" if profile == "pdf" else "wrapped" if wrap else "flat"
    headline = _headline_for(story, bool(wrap))
    section_pool = ("opinion" if profile == "opinion" else "feature" if profile == "feature"
                    else W.TOPIC_SECTION.get(story.topic, "news"))
    section = pick(rng, W.SECTIONS[section_pool]) if _chance(rng, t["section"]) else ""
    english_title = W.ENGLISH_TITLES[story.topic] if profile == "pdf" and _chance(rng, .3) else ""
    # Above an English original's title an Arabic kicker would be taken for the headline.
    kicker = story.kickers[0] if story.kickers and not english_title and _chance(rng, t["kicker"]) else ""
    deck = story.decks[0] if story.decks and _chance(rng, t["deck"]) else ""
    if wrap and (len(deck) >= .7 * wrap or len(deck.split()) >= 8):
        deck = ""  # a deck as wide as the wrapped lines would read as the first line of the body
    if mode == "line":
        section = ""  # the outlet's name line is read as the section label: one or the other
    date = _date_line(rng, story, profile, outlet) if _chance(rng, t["date"]) else ""
    own_copy = story.style != "wire"  # a writer's own text names them nearly always
    byline = _byline(rng, story, profile, date) if _chance(rng, .9 if own_copy else t["byline"]) else ""
    if byline and date and date in byline:
        date = ""
    credit = story.agency if story.agency in W.PHOTO_CREDITS else pick(rng, W.PHOTO_CREDITS)
    captions = [f"{c} ({credit})" for c in story.captions]
    top_caption = captions.pop(0) if _chance(rng, t["top_caption"]) else ""
    n = len(story.paragraphs)
    body_captions = tuple((rng.randrange(0, n - 1), captions[i]) for i in range(min(len(captions), 2))
                          if n > 2 and _chance(rng, t["body_caption"]))
    headings = tuple((round(n * (i + 1) / 3), h) for i, h in enumerate(story.headings)
                     if n >= 6) if _chance(rng, t["headings"]) else ()
    pull = None
    if story.pull_quotes and _chance(rng, t["pull"]):
        i, words = pick(rng, story.pull_quotes)
        if not wrap or len(words) < .7 * wrap:  # a long one would read as a wrapped line
            pull = (i, words)
    read_also = (rng.randrange(1, n), pick(rng, W.READ_ALSO).format(headline=story.headlines[-1])) \
        if n > 3 and _chance(rng, t["read_also"]) else None
    junk = tuple(rng.sample(W.JUNK_LINES, 2)) if _chance(rng, t["junk"]) else ()
    tatweel = _chance(rng, TATWEEL_SHARE[kind_of_text])
    splits = rng.randint(1, 3) if wrap and _chance(rng, SPLIT_SHARE.get(kind_of_text, 0)) else 0
    inner = rng.randint(1, 2) if profile == "pdf" and _chance(rng, .3) else 0
    spellings = tuple(s for s in W.HOUSE_SPELLINGS if _chance(rng, .5)) if _chance(rng, HOUSE_SPELLING_SHARE) else ()
    return Look(
        profile=profile, outlet=outlet, outlet_mode=mode, section=section, kicker=kicker, headline=headline,
        deck=deck, byline=byline, date_line=date, date_first=profile == "agency" and story.agency == "واس",
        date_dup=bool(date) and _chance(rng, t["date_dup"]), spaced=_chance(rng, t["spaced"]),
        top_caption=top_caption, caption_dup=_chance(rng, t["caption_dup"]), body_captions=body_captions,
        headings=headings, pull_quote=pull, read_also=read_also, junk=junk, english_title=english_title,
        footer=_footer(rng, story, profile, outlet, mode), wrap=wrap,
        page_numbers=profile == "pdf" and _chance(rng, .5), tatweel=tatweel, splits=splits, inner_splits=inner,
        spellings=spellings, indic_digits=_chance(rng, INDIC_DIGITS_SHARE),
        encoding=weighted(rng, ENCODINGS), crlf=_chance(rng, CRLF_SHARE),
    )


# --- rendering: artifacts of print, paste and PDF extraction ----------------------------

def wrap_words(text: str, width: int) -> list[str]:
    """Greedy wrap at ``width`` characters, as a PDF's text layer or an e-mail client does."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def add_tatweel(rng: random.Random, line: str, share: float) -> str:
    """Justify a line with kashida: a stroke after a joining letter inside some words."""
    words = line.split(" ")
    for i, word in enumerate(words):
        if len(word) < 4 or not ARABIC_WORD_RE.match(word) or rng.random() >= share:
            continue
        first = 3 if word.startswith("ال") else 2  # never "الـ…", rarely at a word's start
        spots = [j for j in range(first, len(word) - 1) if word[j - 1] in JOINING and word[j] not in ALEFS]
        if spots:
            j = pick(rng, spots)
            words[i] = word[:j] + TATWEEL * rng.randint(1, 2) + word[j:]
    return " ".join(words)


def split_first_word(line: str) -> str | None:
    """A PDF extraction fault: the head of a line's first word moved to the line's end
    ("زيارة الوزير … من" → "يارة الوزير … من ز"; "مركزية …" → "ية … مركز"). Only words whose
    rest is no word of its own (a bound suffix, or "يارة", "كثر") are split."""
    words = line.split(" ")
    first = words[0]
    if len(words) < 4 or not ARABIC_WORD_RE.match(first):
        return None
    for head in ("الز", "ز", "أ"):
        if first.startswith(head) and first[len(head):] in ("يارة", "كثر"):
            if head == "ز" and first == "زيارة" and len(line) % 2:  # the two-piece form "ارة … ي ز"
                return " ".join(["ارة"] + words[1:] + ["ي ز"])
            return " ".join([first[len(head):]] + words[1:] + [head])
    if first.endswith(("ات", "ية")) and 2 <= len(first) - 2 <= 6:
        return " ".join([first[-2:]] + words[1:] + [first[:-2]])
    return None


def split_inside(rng: random.Random, text: str) -> str:
    """A stray space after a non-joining letter inside a long word: "الولايات" → "الولا يات"."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 7 and ARABIC_WORD_RE.match(w)
                  and any(c in NON_JOINING for c in w[2:-2])]
    if not long_words:
        return text
    i = pick(rng, long_words)
    w = words[i]
    j = next(j for j in range(3, len(w) - 1) if w[j - 1] in NON_JOINING)
    words[i] = w[:j] + " " + w[j:]
    return " ".join(words)


def _paragraph_lines(rng: random.Random, text: str, look: Look, splits_left: list[int]) -> list[str]:
    if not look.wrap:
        return [add_tatweel(rng, text, .08) if look.tatweel and rng.random() < .2 else text]
    lines = wrap_words(text, look.wrap)
    out = []
    for n, line in enumerate(lines):
        if n > 0 and splits_left[0] and rng.random() < .5:
            split = split_first_word(line)
            if split:
                line, splits_left[0] = split, splits_left[0] - 1
        if look.tatweel and n < len(lines) - 1 and rng.random() < .5:  # justified lines, not the last
            line = add_tatweel(rng, line, .25)
        out.append(line)
    return out


def _header(look: Look) -> list[str]:
    """The lines above the first paragraph, "" for a blank line."""
    gap = [""] if look.spaced else []
    out: list[str] = []
    if look.junk:
        out += [look.junk[0]]
    if look.english_title:
        out += [look.english_title, "", "<--", ""]
    if look.top_caption:
        first = look.top_caption.replace(" (", "   (", 1) if look.caption_dup else look.top_caption
        out += [first] + ([look.top_caption] if look.caption_dup else []) + gap
    if look.date_first:
        out += [look.date_line, ""]
    if look.outlet_mode == "line" and (look.deck or look.kicker):
        out += [look.outlet[0], ""]  # first, where it is read as the section label it stands for
    if look.section:  # a blank line after it: a short kicker right below would be read as its rest
        out += [look.section] + (gap or ([""] if look.kicker else []))
    if look.kicker:
        out += [look.kicker]
    words = look.headline.split(" ")
    if look.wrap and len(words) >= 8:  # a long headline wrapped in the PDF: a short second line
        out += [" ".join(words[:-3]), " ".join(words[-3:])]
    else:
        out += [look.headline]
    if look.outlet_mode == "line" and not (look.deck or look.kicker):
        out += ["", look.outlet[0], ""]
    if look.deck:
        out += [look.deck]
    out += gap
    if look.byline:
        out += [look.byline] + gap
    if look.date_line and not look.date_first:
        out += [look.date_line] + ([look.date_line] if look.date_dup else []) + gap
    return out


def _body(rng: random.Random, story: Story, look: Look) -> tuple[list[str], int]:
    """The body's lines, and how many words PDF extraction split."""
    sep = [""] if look.spaced else []
    headings = dict(look.headings)
    captions = dict(look.body_captions)
    splits_left = [look.splits]
    out: list[str] = []
    paragraphs = list(story.paragraphs)
    split = 0
    for _ in range(look.inner_splits):
        i = rng.randrange(len(paragraphs))
        before, paragraphs[i] = paragraphs[i], split_inside(rng, paragraphs[i])
        split += paragraphs[i] != before
    for i, text in enumerate(paragraphs):
        if i in headings:
            out += [headings[i]] + sep
        out += _paragraph_lines(rng, text, look, splits_left) + sep
        if look.pull_quote and look.pull_quote[0] == i:
            out += ["", f"«{look.pull_quote[1]}»", ""]
        if i in captions:
            out += ["", captions[i], ""]
            if look.caption_dup:
                out += [captions[i].replace(" (", "  (", 1), ""]
        if look.read_also and look.read_also[0] == i:
            out += ["", look.read_also[1], ""]
        if look.junk and i == len(paragraphs) // 2:
            out += [look.junk[1]]
    return out, split + look.splits - splits_left[0]


def _page_breaks(lines: list[str], numbered: bool) -> list[str]:
    """A PDF's page breaks: every PAGE_LINES lines a blank line, with the page number now and then."""
    out, page, count = [], 1, 0
    for n, line in enumerate(lines):
        out.append(line)
        count += 1
        if count >= PAGE_LINES and line and n + 1 < len(lines) and lines[n + 1]:
            page += 1
            out += ["", f"- {page} -", ""] if numbered else [""]
            count = 0
    return out


def _tidy(lines: list[str]) -> list[str]:
    """At most one blank line in a row, none at the ends."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def transform_text(text: str, look: Look) -> str:
    """Changes that apply to every Arabic line alike: house spellings, Arabic-Indic digits."""
    if not (look.spellings or look.indic_digits) or LATIN_RE.search(text):
        return text  # English boilerplate keeps its spelling and digits
    for before, after in look.spellings:
        text = text.replace(before, after)
    return text.translate(INDIC) if look.indic_digits else text


def render(story: Story, look: Look, rng: random.Random) -> tuple[str, int]:
    """The file's text, and how many words in it PDF extraction split."""
    body, split = _body(rng, story, look)
    if look.wrap and look.profile == "pdf":
        body = _page_breaks(body, look.page_numbers)
    footer = [line for f in look.footer for line in ("", f)]
    lines = _tidy(_header(look) + [""] + body + footer)
    return "\n".join(transform_text(line, look) for line in lines) + "\n", split


def encode(text: str, look: Look) -> tuple[bytes, str]:
    if look.crlf:
        text = text.replace("\n", "\r\n")
    try:
        return text.encode(look.encoding), look.encoding
    except UnicodeEncodeError:  # a character Windows-1256 lacks: saved as UTF-8 instead
        return text.encode("utf-8"), "utf-8"
