"""Arabic full-text search: one normalization, two engines, the same answers.

Readers type Arabic every way it is written: with or without diacritics and tatweel, any
alef, ة or ه, ى or ي, "أميركي" or "أمريكي", "و" glued to the word, Arabic-Indic digits. Every
word, in the index and in the query, becomes its *search forms* (``search_forms``): its
matching key (``arabic.matching_key``, which folds all of the above) and its readings without
a proclitic. A query word finds a text word when they share a form. The browser computes the
same forms with ``assets/search.js`` from the tables this module writes (``search/tables.js``),
and a test runs both over every word of the seeds.

* **On a host**, Pagefind indexes one small document per article whose text is the forms
  (so its Snowball stemmer sees what the query side sends), with filters. The page asks it
  for each form of each query word and keeps the articles that have every word; Pagefind
  says which articles match and how well, and the page shows them from our own data.
* **From a folder** (``file://``, where Pagefind cannot load), the same forms are shipped as
  an inverted index in plain ``<script>`` shards (``search/terms-*.js``), loaded on demand —
  the approach of mdBook's ``searchindex.js`` and MkDocs-Material's offline plugin.

Both engines read article texts, titles and facets from ``search/docs-*.js`` to show results:
the best paragraph with the query words marked, linking to that paragraph.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import subprocess
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..corpus.analysis import Corpus
from ..display import SEARCH_FACETS as FACETS
from ..display import shown_title
from ..text import arabic

DOCS_PER_SHARD = 200
PAGEFIND_DIR = "pagefind"
BACKGROUND_NICENESS = 10  # the preview's deferred index: below the server and the next rebuild
SEARCH_DIR = "search"


class SearchIndexError(Exception):
    """Pagefind failed; the message says what it printed."""


@functools.lru_cache(maxsize=1 << 18)  # a corpus repeats its words: each is folded once
def search_forms(word: str) -> tuple[str, ...]:
    """The forms under which a word is indexed: its matching key and each reading of it with
    a proclitic removed ("والوزير" → والوزير، وزير، الوزير). A query word finds a text
    word when they share a form, so "وزير" finds "والوزير" and "والوزير" finds "الوزير"
    (a bare ك/ب/ل/ف/و may be a letter of the word or a clitic: both readings are kept)."""
    key = arabic.matching_key(word)
    return tuple(arabic.clitic_variants(key)) if key else ()


def text_forms(text: str) -> list[tuple[str, ...]]:
    """The forms of each word of ``text``, in order."""
    return [f for f in (search_forms(w) for w in arabic.tokens(text)) if f]


@dataclass(frozen=True, slots=True)
class SearchDoc:
    url: str
    title: str
    title_lang: str
    date: str  # ISO, "" when unknown (sorts last)
    date_text: str
    outlet: str
    paragraphs: tuple[tuple[str, str], ...]  # (id, text) of headings and body
    facets: dict[str, tuple[str, ...]]
    forms: tuple[str, ...] = ()  # every search form of every word of title and paragraphs


def search_docs(corpus: Corpus, topic_labels: dict[str, str], date_text) -> list[SearchDoc]:
    """One searchable document per article, in corpus order."""
    docs = []
    for article in corpus.articles:
        source = article.publisher
        by_type: dict[str, list[str]] = defaultdict(list)
        for mention in article.mentions:
            entity = corpus.entities[mention.entity_id]
            if entity.name not in by_type[entity.type]:
                by_type[entity.type].append(entity.name)
        title = shown_title(article)
        paragraphs = tuple((p.id, p.text) for p in article.paragraphs if p.role.is_text)
        docs.append(SearchDoc(
            url=urls.article_path(article.slug),
            title=title,
            title_lang=article.title_lang,
            date=article.date.iso or "",
            date_text=date_text(article) or "",
            outlet=source.name if source else "",
            paragraphs=paragraphs,
            forms=_doc_forms(title, paragraphs),
            facets={"outlet": (source.name,) if source else (),
                    "topic": tuple(topic_labels[t.id] for t in article.topics),
                    "person": tuple(by_type["person"]), "organization": tuple(by_type["organization"]),
                    "place": tuple(by_type["place"])},
        ))
    return docs


def _doc_forms(title: str, paragraphs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Every form of every word of the title and paragraphs, once per word."""
    words = text_forms(title) + [f for _, text in paragraphs for f in text_forms(text)]
    return tuple(form for forms in words for form in forms)


# --- the offline index: plain script files ---------------------------------------------


def offline_files(docs: list[SearchDoc], facet_labels: dict[str, str]) -> dict[str, str]:
    """site path → script text. Term shards are keyed by the form's first letter, so a query
    loads one small file per word; document shards hold texts for showing results."""
    files: dict[str, str] = {}
    postings: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for n, doc in enumerate(docs):
        for form, count in Counter(doc.forms).items():
            postings[_shard_key(form)].setdefault(form, []).extend((n, count))
    for key, terms in sorted(postings.items()):
        files[f"{SEARCH_DIR}/terms-{key}.js"] = _script("terms", key, dict(sorted(terms.items())))
    for start in range(0, len(docs), DOCS_PER_SHARD):
        shard = [_doc_record(d) for d in docs[start:start + DOCS_PER_SHARD]]
        files[f"{SEARCH_DIR}/docs-{start // DOCS_PER_SHARD}.js"] = _script("docs", start // DOCS_PER_SHARD, shard)
    files[f"{SEARCH_DIR}/meta.js"] = _script("meta", "", {
        "docs": len(docs), "docsPerShard": DOCS_PER_SHARD, "shards": sorted(postings),
        "facets": _facet_counts(docs), "facetLabels": facet_labels,
    })
    files[f"{SEARCH_DIR}/tables.js"] = _script("tables", "", normalization_tables())
    return files


def _shard_key(form: str) -> str:
    return f"{ord(form[0]):x}"


def _doc_record(doc: SearchDoc) -> dict:
    return {"url": doc.url, "title": doc.title, "lang": doc.title_lang, "date": doc.date,
            "dateText": doc.date_text, "outlet": doc.outlet, "paras": [list(p) for p in doc.paragraphs],
            "facets": {k: list(v) for k, v in doc.facets.items() if v}}


def _facet_counts(docs: list[SearchDoc]) -> dict[str, list[list]]:
    out = {}
    for facet in FACETS:
        counts = Counter(v for d in docs for v in d.facets[facet])
        out[facet] = [[value, n] for value, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    return out


def _script(kind: str, key, data) -> str:
    """``window.__search("docs", 0, [...])``: a script that hands its data to search.js —
    what ``file://`` allows where ``fetch`` is refused."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__search({json.dumps(kind)},{json.dumps(key)},{payload});\n"


def normalization_tables() -> dict:
    """What ``assets/search.js`` needs to compute ``search_forms`` exactly as Python does."""
    return {
        "diacritics": arabic.DIACRITICS_RE.pattern,
        "invisible": arabic.INVISIBLE_MARKS_RE.pattern,
        "alef": arabic.ALEF_VARIANTS_RE.pattern,
        "folds": {chr(k): v for k, v in arabic.MATCH_LETTER_FOLDS.items()},
        "digits": {chr(k): chr(v) for k, v in arabic.DIGITS_TO_ASCII.items()},
        "variants": [[p.pattern, r] for p, r in arabic.SPELLING_VARIANTS],
        "proclitics": list(arabic.PROCLITICS),
        "minStem": arabic.MIN_STEM,
    }


# --- the hosted index: Pagefind ----------------------------------------------------------


class PagefindRun:
    """The Pagefind binary indexing one document of search forms per article, started at
    once and collected with ``bundle()``: it works on its own core while Python renders pages."""

    def __init__(self, docs: list[SearchDoc], background: bool = False):
        """``background``: at a lower CPU priority, so the preview answers the browser first."""
        self._tmp = tempfile.TemporaryDirectory(prefix="pagefind-")
        site, self._bundle_dir = Path(self._tmp.name) / "site", Path(self._tmp.name) / "bundle"
        site.mkdir()
        for n, doc in enumerate(docs):
            (site / f"{n}.html").write_text(_pagefind_page(n, doc), encoding="utf-8")
        self._proc = subprocess.Popen(
            [str(pagefind_executable()), "--site", str(site), "--output-path", str(self._bundle_dir),
             "--force-language", "ar", "--silent"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if background and hasattr(os, "setpriority"):  # not on Windows
            with contextlib.suppress(OSError):  # a system that refuses is only slower to reload
                os.setpriority(os.PRIO_PROCESS, self._proc.pid, BACKGROUND_NICENESS)

    def bundle(self) -> dict[str, bytes]:
        """Its bundle, by site path."""
        try:
            out, err = self._proc.communicate(timeout=600)
            if self._proc.returncode != 0:
                raise SearchIndexError((err or out).strip()[-2000:] or f"exit {self._proc.returncode}")
            return {f"{PAGEFIND_DIR}/{p.relative_to(self._bundle_dir).as_posix()}": p.read_bytes()
                    for p in sorted(self._bundle_dir.rglob("*")) if p.is_file() and not _unused(p.name)}
        finally:
            self.cancel()

    def cancel(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._tmp.cleanup()


def pagefind_files(docs: list[SearchDoc], background: bool = False) -> dict[str, bytes]:
    """Run the Pagefind binary over one document of search forms per article; its bundle, by site path."""
    return PagefindRun(docs, background).bundle()


def pagefind_executable() -> Path:
    """The binary of the ``pagefind_bin`` wheel, run directly: ``python -m pagefind`` would
    start a second Python only to exec it."""
    from pagefind_bin import get_executable

    return get_executable()


def docs_fingerprint(docs: list[SearchDoc]) -> str:
    """Of exactly what Pagefind reads: the same fingerprint, the same bundle."""
    digest = hashlib.sha256()
    for n, doc in enumerate(docs):
        digest.update(_pagefind_page(n, doc).encode("utf-8"))
    return digest.hexdigest()


def _unused(name: str) -> bool:
    """Pagefind's own UIs: search.html has its own, mirrored for RTL."""
    return "-ui." in name or name.startswith("pagefind-highlight")


def _pagefind_page(n: int, doc: SearchDoc) -> str:
    """Filters and sorting are applied by the page from ``search/docs-*.js`` in both modes,
    so Pagefind gets only the words (its filter chunks are not byte-stable between runs)."""
    return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>{n}</title></head>'
            f'<body data-pagefind-body data-pagefind-meta="doc:{n}">'
            f'<p>{" ".join(doc.forms)}</p></body></html>')
