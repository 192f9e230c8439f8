"""Arabic text primitives: character classes, display repair and matching keys.

Two different questions live here and must not be confused:

* *display* — what a reader sees: presentation forms folded to base letters, tatweel and stray
  direction marks gone, diacritics KEPT (``fold_for_display``);
* *matching* — whether two spellings mean the same word: diacritics, alef forms, ة/ه, ى/ي and
  digit systems all ignored (``matching_key``).

Everything is a pure function over ``str``; constants are compiled once at import.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# U+0640 ARABIC TATWEEL, the kashida used to justify lines: "شكـل" → "شكل".
TATWEEL = "\u0640"

# Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks: "المتّحدة" → "المتحدة".
DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")

# Invisible marks that PDF and web copies leave behind: ZWSP, ZWNJ, ZWJ, LRM, RLM, the bidi
# embeddings/isolates, word joiner and a BOM that is not at the start of the file.
INVISIBLE_MARKS_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")

# Arabic presentation forms A and B (what PDF extraction often yields): "\ufefb" → "لا".
PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

# Unicode spaces that should read as an ordinary space: NBSP, en/em spaces, thin space...
ODD_SPACES_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# Arabic letters, tatweel (U+0640) excepted: it is a stroke, not a letter.
ARABIC_LETTER_RE = re.compile("[\u0621-\u063f\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u024f]")

# A letter or digit of any script. Tatweel is a "letter" to Unicode (Lm) and "_" a word
# character to ``re``, but both are strokes: "ـــ ـ ـ", "____" hold neither letter nor digit.
LETTER_OR_DIGIT_RE = re.compile("[^\\W_\u0640]")
_LETTER_LIKE_RE = re.compile("[^\\W\\d_\u0640]")  # and numerals other than digits ("½"): see has_letter

# Alef with hamza above/below, madda, wasla → bare alef (matching only): "إستقبل" ~ "استقبل".
ALEF_VARIANTS_RE = re.compile("[\u0622\u0623\u0625\u0671]")

# Arabic-Indic (٠-٩) and extended/Persian (۰-۹) digits → ASCII digits: "٢٠٢١" → "2021".
DIGITS_TO_ASCII = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)

# Matching-only letter folds: ة→ه ("حكومة" ~ "حكومه"), ى→ي ("مصطفى" ~ "مصطفي"),
# ؤ→و and ئ→ي (common spelling drift in web copy), and the Persian keheh/yeh used by some
# keyboards.
MATCH_LETTER_FOLDS = str.maketrans({
    "\u0629": "\u0647",  # ة → ه
    "\u0649": "\u064a",  # ى → ي
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u064a",  # ئ → ي
    "\u06a9": "\u0643",  # ک → ك
    "\u06cc": "\u064a",  # ی → ي
})


# Spelling variants newspapers use for the same word, folded for matching only (applied to
# the folded text): "أميركي" ~ "أمريكي", "ميليشيات" ~ "مليشيات".
SPELLING_VARIANTS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile("اميرك"), "امريك"),
    (re.compile("ميليش"), "مليش"),
)


def strip_diacritics(text: str) -> str:
    return DIACRITICS_RE.sub("", text)


def digits_to_ascii(text: str) -> str:
    return text.translate(DIGITS_TO_ASCII)


def fold_presentation_forms(text: str) -> str:
    """Map Arabic presentation-form glyphs to base letters (NFKC, only on those runs)."""
    return PRESENTATION_FORMS_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


# Tatweel that is part of an abbreviation, kept: the Hijri "هـ", "بـ«الحشد»" (a one-letter
# word drawn out before punctuation, a quote mark or the end). The letter is a real one: a run
# of tatweel alone ("ـــ", a rule or a dash) is never an abbreviation.
ABBREVIATION_TATWEEL_RE = re.compile(
    "(?<![\u0621-\u064a])([\u0621-\u063f\u0641-\u064a])\u0640+(?![\u0621-\u064a])")


def remove_tatweel(text: str) -> str:
    """"شكـل العـراق" → "شكل العراق"; "1442 هـ" keeps its abbreviation stroke."""
    if TATWEEL not in text:
        return text
    parts, last = [], 0
    for match in ABBREVIATION_TATWEEL_RE.finditer(text):
        parts.append(text[last:match.start()].replace(TATWEEL, ""))
        parts.append(match.group(1) + TATWEEL)
        last = match.end()
    parts.append(text[last:].replace(TATWEEL, ""))
    return "".join(parts)


def fold_for_display(text: str) -> str:
    """What a reader should see: base letters, no tatweel (but in "هـ") or invisible marks,
    plain spaces. Diacritics are kept. Idempotent."""
    text = fold_presentation_forms(text)
    text = INVISIBLE_MARKS_RE.sub("", text)  # first: a mark between letters hides their joining
    text = remove_tatweel(text)
    return ODD_SPACES_RE.sub(" ", text)


@functools.lru_cache(maxsize=65536)  # names, keywords and paragraphs are keyed again and again
def matching_key(text: str) -> str:
    """A key under which spelling variants of one word or phrase coincide.

    Ignores diacritics, tatweel, alef forms, ة/ه, ى/ي, ؤ/ئ, digit systems, case and repeated
    spaces: ``matching_key("المتّحدة") == matching_key("المتحده")``.
    """
    return keyed(text)[0]


class _KeyTable(dict):
    """``str.translate`` table of ``_key_chars``, filled as characters are met."""

    def __missing__(self, ordinal: int) -> str | None:
        value = self[ordinal] = _key_chars(chr(ordinal)) or None
        return value


class _WidthTable(dict):
    """``str.translate`` table: how many key characters each character gives, as a code
    point ("\x00" dropped, "\x01" one, "\x02" more), so offsets are found in C."""

    def __missing__(self, ordinal: int) -> str:
        value = self[ordinal] = chr(min(len(_key_chars(chr(ordinal))), 2))
        return value


_KEY_TABLE, _WIDTH_TABLE = _KeyTable(), _WidthTable()
_SPACE_RUNS_RE = re.compile("^ +| +$|(?<= ) +")


def keyed(text: str) -> tuple[str, list[int]]:
    """``matching_key(text)`` and, for each of its characters, the index in ``text`` it came
    from, so a match found on the key can be shown as the reader wrote it:
    ``text[offsets[m.start()]:offsets[m.end() - 1] + 1]``.

    ``str.translate`` does the folding in C; the offsets need one pass in Python. A text with
    a ligature (one character, two key characters) takes the character-by-character path."""
    widths = text.translate(_WIDTH_TABLE)
    if "\x02" in widths:
        return _keyed_slowly(text)
    key = text.translate(_KEY_TABLE)
    offsets = list(itertools.compress(range(len(text)), widths.encode("latin-1")))
    if " " in key and _SPACE_RUNS_RE.search(key):
        drop = {i for m in _SPACE_RUNS_RE.finditer(key) for i in range(m.start(), m.end())}
        offsets = [o for i, o in enumerate(offsets) if i not in drop]
        key = _SPACE_RUNS_RE.sub("", key)
    for pattern, replacement in SPELLING_VARIANTS:
        if pattern.search(key):
            key, offsets = _rewrite(key, offsets, pattern, replacement)
    return key, offsets


def _keyed_slowly(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for out in _key_chars(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue  # runs of space become one, leading space none
            chars.append(out)
            offsets.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    key = "".join(chars)
    for pattern, replacement in SPELLING_VARIANTS:
        key, offsets = _rewrite(key, offsets, pattern, replacement)
    return key, offsets


def written_span(text: str, offsets: list[int], start: int, end: int) -> str:
    """The text as written behind key characters ``start:end``, with the diacritics that
    follow its last letter ("جريحا" → "جريحاً")."""
    last = offsets[end - 1] + 1
    while last < len(text) and (DIACRITICS_RE.match(text[last]) or text[last] == TATWEEL):
        last += 1
    return text[offsets[start]:last]


def _rewrite(key: str, offsets: list[int], pattern: re.Pattern, replacement: str) -> tuple[str, list[int]]:
    """``pattern.sub(replacement, key)``, keeping each new character's source offset."""
    parts, new_offsets, last = [], [], 0
    for match in pattern.finditer(key):
        parts.append(key[last:match.start()])
        new_offsets += offsets[last:match.start()]
        span = offsets[match.start():match.end()]
        parts.append(replacement)
        new_offsets += [span[min(i, len(span) - 1)] for i in range(len(replacement))]
        last = match.end()
    parts.append(key[last:])
    new_offsets += offsets[last:]
    return "".join(parts), new_offsets


@functools.lru_cache(maxsize=4096)  # a corpus uses a few hundred distinct characters
def _key_chars(char: str) -> str:
    """What one character of text becomes in a matching key ("" when it is dropped)."""
    if PRESENTATION_FORMS_RE.match(char):
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) > 1:  # a ligature: "\ufefb" → "لا"
            return "".join(_key_chars(c) for c in folded)
        char = folded
    if char == TATWEEL or INVISIBLE_MARKS_RE.match(char) or DIACRITICS_RE.match(char):
        return ""
    if char.isspace() or ODD_SPACES_RE.match(char):
        return " "
    char = ALEF_VARIANTS_RE.sub("\u0627", char).translate(MATCH_LETTER_FOLDS)
    return char.translate(DIGITS_TO_ASCII).casefold()


def letter_marks(text: str) -> tuple[frozenset[str], ...]:
    """The diacritics written on each letter of ``text`` (spaces, tatweel and invisible marks
    skipped): ``letter_marks("عمّان") == (∅, {shadda}, ∅, ∅)``. Lines up with the letters of
    ``matching_key(text)`` when the text has no ligature or spelling variant."""
    marks: list[set[str]] = []
    for char in text:
        if DIACRITICS_RE.match(char):
            if marks:
                marks[-1].add(char)
        elif not (char.isspace() or char == TATWEEL or INVISIBLE_MARKS_RE.match(char)):
            marks.append(set())
    return tuple(frozenset(m) for m in marks)


def has_letter_or_digit(text: str) -> bool:
    """False for a line of strokes and punctuation: "----", "ـــ ـ ـ", "━━", "ـ–ـ", "* * *"."""
    return LETTER_OR_DIGIT_RE.search(text) is not None


def has_letter(text: str) -> bool:
    """Whether ``text`` holds a letter of any script (tatweel, digits and numerals are not)."""
    return any(m.group().isalpha() for m in _LETTER_LIKE_RE.finditer(text))


def count_arabic_letters(text: str) -> int:
    return len(ARABIC_LETTER_RE.findall(text))


def count_latin_letters(text: str) -> int:
    return len(LATIN_LETTER_RE.findall(text))


def script_of(text: str) -> str:
    """"ar", "en" or "" (no letters): the script most of the letters are written in.

    Latin is reported as "en" because that is the language of Latin runs in this corpus kind;
    it only decides ``lang``/``dir`` attributes, never content.
    """
    arabic, latin = count_arabic_letters(text), count_latin_letters(text)
    if arabic == 0 and latin == 0:
        return ""
    return "ar" if arabic >= latin else "en"


WORD_RE = re.compile(r"\w+")

# Function words: never a fragment of a broken word, never a name. As matching keys, and as
# written (without diacritics), since a name may share a key with one ("آن" ~ "أن").
FUNCTION_WORD_LIST = (
    "من", "في", "إلى", "على", "عن", "ما", "لا", "لم", "لن", "قد", "أن", "إن", "كما", "هذا", "هذه", "ذلك",
    "تلك", "التي", "الذي", "الذين", "مع", "بين", "أو", "ثم", "بل", "إذ", "إذا", "حتى", "منذ", "عند", "لدى",
    "بعد", "قبل", "حول", "ضد", "دون", "غير", "كل", "بعض", "هو", "هي", "هم", "كان", "كانت", "ليس", "أي",
    "لكن", "أما", "وقد", "فقد", "عبر", "خلال", "نحو", "لدى", "مثل", "أيضا", "فيما", "بينما", "كي", "لكي")
FUNCTION_WORDS = frozenset(matching_key(w) for w in FUNCTION_WORD_LIST)
FUNCTION_WORDS_WRITTEN = frozenset(FUNCTION_WORD_LIST)

# Proclitics glued to the next word, longest first: "والوزير" → "وزير", "للمدينة" → "مدينة".
# Stripping stops while at least MIN_STEM letters remain, so "ولي" is not read as و + لي.
PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
              "و", "ف", "ب", "ل", "ك")
MIN_STEM = 3


# Punctuation a word carries as printed, which is no part of it: "«النهضة»،", "الحرص."
WORD_PUNCTUATION = "،,.:؛\"“”«»()!؟?'"


@functools.lru_cache(maxsize=1 << 17)  # words repeat: a pure function, memoised
def word_key(word: str) -> str:
    """The matching key of a word as printed, without its punctuation and diacritics."""
    return matching_key(strip_diacritics(word.strip(WORD_PUNCTUATION)))


def tokens(text: str) -> list[str]:
    """Words as matching keys, in order: "المتّحدة، والعراق" → ["المتحده", "والعراق"]."""
    return WORD_RE.findall(matching_key(text))


@functools.lru_cache(maxsize=1 << 18)  # called for every word of every text: a corpus repeats its words
def clitic_variants(token: str) -> tuple[str, ...]:
    """The token and each reading of it with a proclitic removed (matching keys).

    ``clitic_variants("والاكثر") == ("والاكثر", "اكثر", "الاكثر")`` — the bare stem and, where
    the article was glued on, the stem with its article.
    """
    out = [token]
    for clitic in PROCLITICS:
        if token.startswith(clitic) and len(token) - len(clitic) >= MIN_STEM:
            stem = token[len(clitic):]
            if stem not in out:
                out.append(stem)
            if clitic.endswith(("ال", "لل")) and "ال" + stem not in out:
                out.append("ال" + stem)
    return tuple(out)


# A sentence ends at . ! ? ؟ … followed by a space or the end, but not inside ".." (a kicker's
# ellipsis) or a number ("3.1"); closing quotes and brackets stay with their sentence.
# A full stop ends a sentence after a word or a number («… موازنة السنة المالية 2022. من المرجح …»),
# not inside one («3.5»), not in an ellipsis of dots, and not after an item's number («1. البند»).
SENTENCE_END_RE = re.compile(r"(?<!\.)[.!?؟…](?![.\d])[\"'”»)\]]*(?=\s|$)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, whitespace excluded."""
    spans, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if text[start:match.start()].strip().isdigit():
            continue  # «1.» numbers an item: the sentence is what follows it
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            out.append((a, b))
    return out
