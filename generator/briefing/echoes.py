"""Echoes: for each sentence of the corpus, the sentence of every other story closest to it
among those stating the same thing (``similarity.SAME_THING``), the raw material of facts.

Comparing every pair grows with the square of the corpus, so pairs come from buckets of
sentences sharing a key (``candidate_pairs``), and are weighed all at once, each unordered pair
once, as sparse rows of key weights (``alike_pairs``: ``similarity.Weights.alike``'s arithmetic in
SciPy's compiled loops, 5 µs a pair in Python sets). NumPy and SciPy load with this module, and
it is imported only when a briefing is built, not by a build that finds nothing changed.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .similarity import CLAUSE_SHARE, PLACES, SAME_THING, Profile, Weights

EXACT_ECHO_SENTENCES = 1000  # up to this many sentences, compare every two sharing a key
ECHO_BUCKET, ECHO_CANDIDATES = 24, 32  # above: a key's first 24 sentences; buckets until 32, rarest key first


@dataclass(frozen=True, slots=True)
class Echoes:
    """Sentence n's echoes are items ``start[n]:start[n + 1]`` of ``partner`` and ``close``,
    closest first (then the earlier sentence): one per other story."""

    start: list[int]
    partner: list[int]
    close: list[float]

    def of(self, n: int) -> list[tuple[float, int]]:
        """(likeness, index) of sentence n's echoes, closest first."""
        at, end = self.start[n], self.start[n + 1]
        return list(zip(self.close[at:end], self.partner[at:end]))


def closest_per_story(keys: list[frozenset[str]], stories: list[str], weights: Weights,
                      profiles: list[Profile]) -> Echoes:
    """The echoes of each sentence, given its keys, its story and its profile."""
    story_id = {s: n for n, s in enumerate(dict.fromkeys(stories))}
    story = np.array([story_id[s] for s in stories], dtype=np.int64)
    a, b = candidate_pairs(keys, capped=len(keys) > EXACT_ECHO_SENTENCES)
    a, b = a[story[a] != story[b]], b[story[a] != story[b]]
    close = alike_pairs(sentence_rows(weights, profiles), a, b, floor=SAME_THING)
    kept = close >= SAME_THING
    source = np.concatenate((a[kept], b[kept]))
    partner = np.concatenate((b[kept], a[kept]))
    close = np.concatenate((close[kept], close[kept]))
    order = np.lexsort((partner, -close, source))  # each sentence's echoes closest first, then the earlier
    source, partner, close = source[order], partner[order], close[order]
    firsts = _first_of_each(source * len(story_id) + story[partner])  # the closest of each other story
    source, partner, close = source[firsts], partner[firsts], close[firsts]
    start = np.searchsorted(source, np.arange(len(keys) + 1))
    return Echoes(start.tolist(), partner.tolist(), close.tolist())


def _first_of_each(group: np.ndarray) -> np.ndarray:
    """A mask of the first item of each group, in the items' order."""
    by_group = np.argsort(group, kind="stable")
    ordered = group[by_group]
    mask = np.zeros(len(group), dtype=bool)
    mask[by_group[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(group) else by_group] = True
    return mask


def candidate_pairs(keys: list[frozenset[str]], capped: bool) -> tuple[np.ndarray, np.ndarray]:
    """The unordered pairs (a < b) of sentences to weigh. Uncapped, every two sharing a key.
    Capped, each key has a bucket of its first ``ECHO_BUCKET`` sentences, and a sentence looks
    in its buckets rarest key first until it has ``ECHO_CANDIDATES``: two sentences reporting one
    thing share the words it is told in, rarer than the frame around it ("said", "minister")
    whose buckets would hold every sentence."""
    if not capped:
        return _sharing_a_key(keys)
    df = Counter(k for mine in keys for k in mine)
    ranked = [sorted(sorted(mine), key=df.__getitem__) for mine in keys]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, mine in enumerate(ranked):
        for key in mine:
            if len(buckets[key]) < ECHO_BUCKET:
                buckets[key].append(n)
    found = []
    for mine in ranked:
        seen: set[int] = set()
        for key in mine:
            if len(seen) >= ECHO_CANDIDATES:
                break
            seen.update(buckets[key])
        found.append(seen)
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    a = np.repeat(np.arange(len(found), dtype=np.int64), lengths)
    b = np.fromiter((m for seen in found for m in seen), dtype=np.int64, count=int(lengths.sum()))
    low, high = np.minimum(a, b), np.maximum(a, b)
    pairs = np.sort(low[low != high] * len(keys) + high[low != high])  # np.unique's hashing is far slower
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
    return pairs // len(keys), pairs % len(keys)


def _sharing_a_key(keys: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    column: dict[str, int] = {}
    columns = [[column.setdefault(k, len(column)) for k in mine] for mine in keys]
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
    holds = sparse.csr_matrix((np.ones(int(lengths.sum())), np.fromiter(
        (c for mine in columns for c in mine), dtype=np.int64, count=int(lengths.sum())),
        np.concatenate(([0], np.cumsum(lengths)))), shape=(len(keys), max(len(column), 1)))
    shared = sparse.triu(holds @ holds.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row))
    return shared.row[order].astype(np.int64), shared.col[order].astype(np.int64)


@dataclass(frozen=True, slots=True)
class Rows:
    """Sentences' profiles as rows of key weights (sparse), to weigh a million pairs at once in
    compiled loops rather than one by one."""

    whole: sparse.csr_matrix  # sentence × key → the key's weight
    norm: np.ndarray
    least: np.ndarray
    clauses: np.ndarray  # bool: has clauses of its own
    parts: sparse.csr_matrix  # part (a clause, or the whole when none) × key → weight
    part_norm: np.ndarray
    first_part: np.ndarray  # sentence → its first row in ``parts``
    part_count: np.ndarray


def sentence_rows(weights: Weights, profiles: list[Profile]) -> Rows:
    """The profiles (of the corpus ``weights`` were made from) as ``Rows``, in their order."""
    column = {k: n for n, k in enumerate(weights.of)}
    values = np.array(list(weights.of.values()), dtype=np.float64)
    parts = [p.parts for p in profiles]
    counts = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    return Rows(_matrix([p.keys for p in profiles], column, values), np.array([p.norm for p in profiles]),
                np.array([p.least for p in profiles]), np.array([p.clauses for p in profiles], dtype=bool),
                _matrix([keys for mine in parts for keys, _ in mine], column, values),
                np.array([norm for mine in parts for _, norm in mine]), np.cumsum(counts) - counts, counts)


def _matrix(bags: list[frozenset[str]], column: dict[str, int], values: np.ndarray) -> sparse.csr_matrix:
    """Bags of the corpus's keys (every key has a column) as rows of their weights."""
    lengths = np.fromiter(map(len, bags), dtype=np.int64, count=len(bags))
    indices = np.fromiter((c for bag in bags for c in map(column.__getitem__, bag)), dtype=np.int32,
                          count=int(lengths.sum()))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    out = sparse.csr_matrix((values[indices], indices, indptr), shape=(len(bags), max(len(values), 1)))
    out.sort_indices()
    return out


def alike_pairs(rows: Rows, a: np.ndarray, b: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """``Weights.alike`` of each pair (rows a[i], b[i]). A pair whose clauses cannot reach
    ``floor`` keeps its whole sentences' cosine: below ``floor`` a value may be an underestimate."""
    overlap = _row_dots(rows.whole, a, b)
    norms = rows.norm[a] * rows.norm[b]
    best = np.divide(overlap, norms, out=np.zeros_like(overlap), where=norms > 0)
    least = rows.least[a] * rows.least[b]
    bound = np.divide(CLAUSE_SHARE * overlap, least, out=np.zeros_like(overlap), where=least > 0)
    need = np.flatnonzero((rows.clauses[a] | rows.clauses[b]) & (norms > 0) & (bound > best) & (bound >= floor))
    if len(need):
        best[need] = np.maximum(best[need], _closest_parts(rows, a[need], b[need]))
    return np.round(best, PLACES)


def _closest_parts(rows: Rows, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each pair, the discounted cosine of its closest two parts (every part of one against
    every part of the other)."""
    count_a, count_b = rows.part_count[a], rows.part_count[b]
    per_pair = count_a * count_b
    starts = np.cumsum(per_pair) - per_pair
    pair = np.repeat(np.arange(len(a)), per_pair)
    within = np.arange(int(per_pair.sum())) - starts[pair]
    x = rows.first_part[a][pair] + within // count_b[pair]
    y = rows.first_part[b][pair] + within % count_b[pair]
    values = CLAUSE_SHARE * _row_dots(rows.parts, x, y) / (rows.part_norm[x] * rows.part_norm[y])
    return np.maximum.reduceat(values, starts)


def _row_dots(matrix: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """The dot product of rows a[i] and b[i] of ``matrix``: the squared weights of the keys the
    two share. In chunks, so a million pairs never hold a million rows twice."""
    out = np.empty(len(a))
    for start in range(0, len(a), chunk):
        x, y = matrix[a[start:start + chunk]], matrix[b[start:start + chunk]]
        out[start:start + chunk] = np.asarray(x.multiply(y).sum(axis=1)).ravel()
    return out
