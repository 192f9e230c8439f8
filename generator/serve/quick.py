"""The preview's first answer to an edited article: that article's own pages, at once.

A full build recomputes what crosses articles (reprints, related articles, the briefing,
entity pages): seconds on a large corpus. Before it runs, ``serve`` reads, cleans and
extracts only the edited seed files and renders their article and raw pages against the
last full build's corpus (``SiteState``), so the tab showing the article reloads within
milliseconds; the full build follows and reloads whatever else changed. Hugo's preview does
the same for the pages being viewed ("fast render mode").

What the quick pages may lack until the full build: relatives, reprint notes and briefing
backlinks that the edit itself changes, and the page of an entity first named by the edit.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from .. import urls
from ..clean.cleaner import build_lexicon, clean
from ..corpus.analysis import Corpus
from ..extract.article import extract
from ..model import Article, RawDoc
from ..pipeline import SiteState
from ..read.ingest import read_article
from ..read.overrides import with_override
from ..read.readers import ARTICLE_SUFFIXES
from ..render.article_page import render_article, render_raw
from ..render.briefing import article_context
from ..write.writer import replace_files


def show_edited_articles(state: SiteState | None, paths: Sequence[Path], memo: dict[str, str]) -> tuple[str, ...]:
    """Write the edited articles' pages into ``output/``; the site paths whose bytes changed.
    () as well when the edit is not one this can show: a path that is not a seed file the last
    build made an article of (site.yaml, a template, a new file…), or no longer an article.
    The full build shows those. ``paths``: every input changed since that build, so the
    configuration is the one it used. ``memo``: the page digests of that build
    (``Warm.page_digests``), told these files are no longer what those inputs made."""
    if state is None or not state.config.output_dir.is_dir():
        return ()
    files = edited_article_files(state, paths)
    if not files:
        return ()
    written = replace_files(state.config.output_dir, files)
    for path in files:
        memo.pop(path, None)
    return tuple(written)


def edited_article_files(state: SiteState, paths: Sequence[Path]) -> dict[str, bytes]:
    """The edited articles' page, raw page and raw file, by site path; {} when any path is
    not a seed file the last build made an article of, or cannot be made one now."""
    edited: dict[str, tuple[Article, RawDoc]] = {}
    for path in paths:
        found = _reread(state, path)
        if found is None:
            return {}
        edited[found[0].slug] = found
    corpus = _with_articles(state.corpus, {slug: article for slug, (article, _raw) in edited.items()})
    files = {}
    r = state.renderer
    for slug, (article, raw) in edited.items():
        context = article_context(state.config, article, corpus, state.briefing)
        files[urls.article_path(slug)] = render_article(r, article, corpus.entities, context).encode("utf-8")
        files[urls.raw_page_path(slug)] = render_raw(r, article, raw.text).encode("utf-8")
        files[urls.raw_file_path(slug)] = raw.data
    return files


def _reread(state: SiteState, path: Path) -> tuple[Article, RawDoc] | None:
    seeds = state.config.seeds_dir
    if (path.parent != seeds or path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES
            or path.name not in state.slugs or path.is_symlink()):
        return None
    raw = read_article(path, f"{seeds.name}/{path.name}")
    if not isinstance(raw, RawDoc):
        return None  # the full build reports why
    try:
        doc = clean(raw, state.lexicon | build_lexicon([raw.article_text]))
        article = extract(doc, raw, state.slugs[path.name], state.knowledge)
    except Exception:  # noqa: BLE001 — a generator bug: the full build names the file and the error
        return None
    return with_override(article, raw, state.overrides), raw


def _with_articles(corpus: Corpus, edited: dict[str, Article]) -> Corpus:
    """The corpus with the edited articles in place of their previous versions."""
    articles = tuple(edited.get(a.slug, a) for a in corpus.articles)
    return replace(corpus, articles=articles, by_slug={**corpus.by_slug, **edited})
