"""Rule, reorder_pdf_runs: put back in order the runs of a PDF line that extraction reversed.

A right-to-left PDF line is often stored as several runs of text, and extraction emits the runs
in the reverse order, a space between each. The runs break inside words, after letters that do
not join the next (ا أ إ آ د ذ ر ز و ة), so each junction leaves a word in two pieces: the
head at the END of one run, its rest at the START of the run that extraction put before it.

    "يكية مع الجزائر يو جديد لتطوير العلاقات الأمر أعلن الوزير إطلاق سينار"
      runs, as emitted:   [يكية … الجزائر] [يو … الأمر] [أعلن … سينار]
      reversed, joined:   "أعلن الوزير إطلاق سيناريو جديد لتطوير العلاقات الأمريكية مع الجزائر"

    "يارة الوزير الأمنية النابعة … ومن ثم فإن ز"     (two runs: the line is turned round)
      the split word ز|يارة meets across the line's two ends; the line really begins at
      "الأمنية", since the line before ends "التحديات" and the next begins "لدمشق،", and the
      document writes "الوزير لدمشق" elsewhere:
      "الأمنية النابعة … ومن ثم فإن زيارة الوزير"

Method: a *pair* is a head piece and a rest piece, the rest earlier in the line than the head,
whose joining is a real word while a piece is not (judged by ``wordfreq``'s Arabic list and the
corpus lexicon, ``Draft.lexicon``). Pairs mark run edges; the runs between the edges are put in
reverse order and each pair joined. Where the only pair is the line's last and first word the
line has two runs and is turned round at the space the evidence favours: the words the document
writes in a row elsewhere meeting across the line's ends (with a function word, three in a row:
"وواسعة من الوزير،"), a paragraph's last line ending its sentence, a line after a sentence's end
beginning with a clause opener ("وحتى"); breaking a pair the document writes elsewhere counts
against a place. Neighbours that are turned too are weighed together, pass by pass. When no
place is clearly better the line is left as received (``repair_split_words`` then joins that
word with the head alone before the rest): nothing but a language model could say at which
name "كثر من مرة … وهذا ما يبدو الرئيس، أعلن أ" begins.
Every reordering is recorded as a ``Repair`` with its line. A line with no pair is never
touched, so well-formed text passes through unchanged.

It runs right after fold_characters (so pieces are spelt as the word list spells them) and
before repair_split_words, which would otherwise join the line-end pair without the runs.
The word list is loaded only when a document has a line with a candidate pair.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Container

from ..model import Repair
from ..text import arabic, wordlist
from .draft import Draft, Line
from .repair_split_words import BOUND_SUFFIXES

# A piece of a word: Arabic letters only ("سينار", "يو"); a rest piece may carry the word's
# closing punctuation ("ير،"). A kept tatweel marks an abbreviation ("هـ"), never a piece.
PIECE_RE = re.compile(r"[\u0621-\u063f\u0641-\u064a\u064b-\u0652\u0670\u0671]+")
CLOSING_PUNCTUATION_RE = re.compile(r"[،,.:;؛!?؟…\"'”»)\]]+$")
# A sentence ends at . ! ? ؟ … (closing quotes allowed): "لواشنطن." ends a paragraph's line.
SENTENCE_END_RE = re.compile(r"[.!?؟…][\"'”»)\]]*$")
# How much more frequent (in wordfreq's zipf scale, log10 per 10^9 words) the joined word must be
# than its pieces on average: "سينار"+"يو" → "سيناريو" 4.25 against 1.61 and 4.57.
MIN_JOIN_GAIN = 1.0
# The joined word must itself be a common word (zipf 3 = once per million words).
MIN_JOINED_ZIPF = 3.0
# A PDF line is a visual line: longer ones are paragraphs whose order no pair can settle.
MAX_LINE_WORDS = 25
# A turned line's place must beat the head-alone turn and every other place by this much evidence.
MIN_TURN_ADVANTAGE = 0.5
# A guessed pair of words across a line end tells something only when both words are rarer than
# this (zipf): "الإقليمية" 4.5 and "والدولية" 4.2 do, "وعلى" 5.7 does not.
TELLING_ZIPF = 5.5
# A line after a sentence's end that would begin with a clause opener ("وحتى", "فالمقاربات")
# rather than mid-clause: weaker evidence than a pair of words the document writes.
OPENER_EVIDENCE = 0.5
# Passes over the document: a line's neighbours may be repaired in the pass before.
PASSES = 3


def zipf(word: str) -> float:
    """How common ``word`` is in Arabic, on wordfreq's zipf scale (0 for an unknown word)."""
    return wordlist.zipf(word) or 0.0


@dataclass(frozen=True, slots=True)
class Pair:
    rest: int  # index of the token starting the later run ("يو")
    head: int  # index of the token ending the earlier run ("سينار")


def reorder_pdf_runs(draft: Draft) -> Draft:
    """Put a PDF line's reversed runs back in order, joining the word split at each junction.

    Lines whose runs cannot be settled (no pair, or no clearly better place to turn a two-run
    line) are left exactly as received.
    """
    received = [ln.text for ln in draft.lines]
    candidates = [i for i, text in enumerate(received) if _may_have_pair(text.split(), draft.lexicon)]
    if not candidates:
        return draft  # the word list is not even loaded
    pairs = {i: _pairs(received[i].split(), draft.lexicon) for i in candidates}
    pairs = {i: p for i, p in pairs.items() if p}
    if not pairs:
        return draft
    current = list(received)
    context = _Context(draft.lines, received, current, set(pairs), _document_ngrams(received))
    for _ in range(PASSES):
        changed = False
        for i, found in sorted(pairs.items()):
            text = _reorder(i, found, context)
            if text != current[i]:
                current[i], changed = text, True
                if text == received[i]:
                    context.unsettled.add(i)
                else:
                    context.unsettled.discard(i)
        if not changed:
            break
    lines, repairs = [], list(draft.repairs)
    for ln, before, after in zip(draft.lines, received, current):
        if after != before:
            lines.append(replace(ln, text=after))
            repairs.append(Repair(before, after, "PDF line's runs put back in order: extraction had reversed "
                                  "them, splitting a word at each junction", line=ln.first))
        else:
            lines.append(ln)
    doubts = tuple(f"line {draft.lines[i].first} reads like a PDF line whose pieces came out of order, and no "
                   f"order is clearly better: only its split word is rejoined; check that it reads right "
                   f"(«{received[i]}»)" for i in sorted(pairs) if current[i] == received[i])
    return replace(draft, lines=tuple(lines), repairs=tuple(repairs), doubts=draft.doubts + doubts)


def _may_have_pair(words: list[str], lexicon: Container[str]) -> bool:
    """Cheap test before the word list is loaded: a visual line whose two ends are bare Arabic
    pieces, one of them not a word the corpus writes (reversed runs always leave a piece at each end)."""
    if not 3 <= len(words) <= MAX_LINE_WORDS:
        return False
    head, rest = words[-1], _core(words[0])
    if not (PIECE_RE.fullmatch(head) and PIECE_RE.fullmatch(rest)):
        return False
    return not (_known(head, lexicon) and _known(rest, lexicon))


def _core(token: str) -> str:
    return CLOSING_PUNCTUATION_RE.sub("", token)


def _known(piece: str, lexicon: Container[str]) -> bool:
    key = arabic.matching_key(piece)
    return key in lexicon or key in arabic.FUNCTION_WORDS


def _pairs(words: list[str], lexicon: Container[str]) -> tuple[Pair, ...]:
    """The split words of a line: a head piece, and its rest piece earlier in the line."""
    if not 3 <= len(words) <= MAX_LINE_WORDS:
        return ()
    found, used = [], set()
    for head in range(len(words) - 1, 0, -1):
        h = words[head]
        if not PIECE_RE.fullmatch(h) or head in used:
            continue
        best = None
        for rest in range(head):
            r = _core(words[rest])
            if rest in used or not PIECE_RE.fullmatch(r) or (_known(h, lexicon) and _known(r, lexicon)):
                continue
            gain = _join_gain(h, r)
            if gain is not None and (best is None or gain > best[0]):
                best = (gain, rest)
        if best:
            found.append(Pair(best[1], head))
            used.update((best[1], head))
    # Reversed runs leave a rest piece first and a head piece last; anything else is not that.
    if 0 not in used or len(words) - 1 not in used:
        return ()
    return tuple(sorted(found, key=lambda p: p.rest))


def _join_gain(head: str, rest: str) -> float | None:
    joined = zipf(head + rest)
    if joined < MIN_JOINED_ZIPF:
        return None
    if arabic.matching_key(rest) in BOUND_SUFFIXES:  # "مركز" + "ية": a suffix never stands alone
        return MIN_JOIN_GAIN
    gain = joined - (zipf(head) + zipf(rest)) / 2
    return gain if gain >= MIN_JOIN_GAIN else None


def _runs(words: list[str], found: tuple[Pair, ...]) -> list[list[int]]:
    """The line's runs as emitted: a run starts at each rest piece and ends at each head piece."""
    edges = {p.rest for p in found} | {p.head + 1 for p in found} | {0, len(words)}
    edges = sorted(e for e in edges if 0 <= e <= len(words))
    return [list(range(a, b)) for a, b in zip(edges, edges[1:])]


def _join_runs(words: list[str], runs: list[list[int]], found: tuple[Pair, ...]) -> str | None:
    """The runs in the order given, each pair joined; None unless every junction is a pair."""
    heads = {p.head: p for p in found}
    out = list(words[runs[0][0]:runs[0][-1] + 1])
    for before, after in zip(runs, runs[1:]):
        pair = heads.get(before[-1])
        if not pair or pair.rest != after[0]:
            return None
        out[-1] = words[before[-1]] + words[after[0]]
        out.extend(words[after[0] + 1:after[-1] + 1])
    return " ".join(out)


def _reorder(i: int, found: tuple[Pair, ...], context: _Context) -> str:
    words = context.received[i].split()
    runs = _runs(words, found)
    if len(runs) > 1:
        joined = _join_runs(words, runs[::-1], found)
        return joined if joined is not None else context.received[i]
    # One run whose last word is the head of its first: two runs, turned round somewhere.
    if found[0].rest != 0 or found[0].head != len(words) - 1:
        return context.received[i]
    return _turn(i, words, context) or context.received[i]


@dataclass(frozen=True, slots=True)
class _Context:
    lines: tuple[Line, ...]
    received: list[str]
    current: list[str]
    unsettled: set[int]  # lines that may still be turned: any of their words may begin or end them
    ngrams: Counter  # runs of two and three words the document writes (``_document_ngrams``)

    def ends_before(self, i: int) -> list[tuple[str, ...]]:
        """How line ``i - 1`` may end, when it is in the same paragraph: its last two words, or
        each single word when it may still be turned."""
        if i == 0 or self.lines[i].gap_before:
            return []
        words = self.current[i - 1].split()
        return [(w,) for w in words[:-1]] if i - 1 in self.unsettled else [tuple(words[-2:])]

    def starts_after(self, i: int) -> list[tuple[str, ...]]:
        """How line ``i + 1`` may begin, when it is in the same paragraph (as ``ends_before``)."""
        if self.ends_paragraph(i):
            return []
        words = self.current[i + 1].split()
        return [(w,) for w in words[1:]] if i + 1 in self.unsettled else [tuple(words[:2])]

    def ends_paragraph(self, i: int) -> bool:
        return i + 1 == len(self.lines) or self.lines[i + 1].gap_before

    def starts_sentence(self, i: int) -> bool:
        """The line before ends a sentence ("… العلاقات العراقية الأمريكية."), so this one begins one."""
        return i > 0 and bool(SENTENCE_END_RE.search(self.current[i - 1]))

    def written(self, words: tuple[str, ...], broken: Counter) -> bool:
        """The document writes these words in a row, other than where the turn breaks the line."""
        keys = tuple(_key(w) for w in words)
        return self.ngrams[keys] - broken[keys] > 0

    def evidence(self, left: tuple[str, ...], right: tuple[str, ...], guessed: bool, broken: Counter) -> float:
        """How much the document tells that ``left`` (ending a line) and ``right`` (beginning the
        next) meet. A known neighbour: 1 when the document writes the two words in a row, or, when
        one is a function word ("من"), the three with the next word on its side ("وواسعة من
        الوزير،"); a function word meets anything. One guess among a neighbour's words: only a
        pair of uncommon words counts ("الإقليمية والدولية"), since common ones meet everywhere."""
        a, b = left[-1], right[0]
        a_function, b_function = _key(a) in arabic.FUNCTION_WORDS, _key(b) in arabic.FUNCTION_WORDS
        if guessed:
            if a_function or b_function or not self.written((a, b), broken):
                return 0.0
            common = max(zipf(_core(a)), zipf(_core(b)))
            return min(max(TELLING_ZIPF - common, 0.0), 1.0)
        if a_function and b_function:
            return 0.0
        run = left[-2:] + (b,) if a_function else (a,) + right[:2] if b_function else (a, b)
        return float(len(run) == 3 or not (a_function or b_function)) if self.written(run, broken) else 0.0


def _opens_clause(word: str) -> bool:
    """"وحتى", "فالمقاربات": a conjunction glued to a particle or to the article begins a clause."""
    key = _key(word)
    return len(key) > 2 and key[0] in "وف" and (key[1:] in arabic.FUNCTION_WORDS or key.startswith("فال"))


def _turn(i: int, words: list[str], context: _Context) -> str | None:
    """A two-run line turned round at the space its neighbours favour, or None when none is clearly best."""
    before, after = context.ends_before(i), context.starts_after(i)
    ends_paragraph, starts_sentence = context.ends_paragraph(i), context.starts_sentence(i)
    joined = words[-1] + words[0]
    scores = []
    for cut in range(1, len(words)):  # the line really begins at words[cut] (the head alone: len - 1)
        line = tuple(words[cut:-1] + [joined] + words[1:cut])
        broken = _spanning(words, cut)
        score = (max((context.evidence(b, line, len(b) == 1, broken) for b in before), default=0.0)
                 + max((context.evidence(line, a, len(a) == 1, broken) for a in after), default=0.0)
                 - context.written((words[cut - 1], words[cut]), broken)
                 + bool(ends_paragraph and SENTENCE_END_RE.search(line[-1]))
                 + OPENER_EVIDENCE * (starts_sentence and _opens_clause(line[0])))
        scores.append((score, cut, line))
    fewest = scores[-1][0]  # the head alone before the rest: what repair_split_words would do
    ranked = sorted(scores, key=lambda s: s[0], reverse=True)
    best, _cut, line = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else fewest
    if best < fewest + MIN_TURN_ADVANTAGE or best < runner_up + MIN_TURN_ADVANTAGE:
        return None
    return " ".join(line)


def _spanning(words: list[str], cut: int) -> Counter:
    """The runs of two and three words of the line as received that the turn at ``cut`` breaks:
    they are the line's own writing, and cannot vouch for the turn."""
    keys = [_key(w) for w in words]
    spans: Counter = Counter()
    for n in (2, 3):
        for start in range(max(cut - n + 1, 0), min(cut, len(keys) - n + 1)):
            spans[tuple(keys[start:start + n])] += 1
    return spans


def _key(token: str) -> str:
    return arabic.matching_key(_core(token))


def _document_ngrams(texts: list[str]) -> Counter:
    """How often each run of two and of three words occurs in the document's lines (matching keys)."""
    counts: Counter = Counter()
    for text in texts:
        keys = [_key(w) for w in text.split()]
        counts.update(zip(keys, keys[1:]))
        counts.update(zip(keys, keys[1:], keys[2:]))
    return counts
