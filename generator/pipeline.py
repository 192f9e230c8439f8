"""``build()``: the whole build, stage by stage, top to bottom, ending in the writer's swap.

Gather, then write: every article is read, cleaned and extracted before any page renders,
so later stages (cross-links, briefing) see the whole corpus. One bad input costs its own
page and a warning naming the file, never the build.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from .briefing.build import Briefing, build_briefing
from .briefing.sentences import statement_texts, wordings_of
from .clean.cleaner import build_lexicon, clean, no_letters_problem
from .config.site import Config
from .corpus.analysis import Corpus, analyse
from .errors import BuildError
from .extract.article import Knowledge, credits_for, extract, paragraphs_of
from .extract.home import home_bodies
from .extract.discovery import Discovery, discover_people, discovered_entities
from .extract.entities import build_gazetteer
from .extract.landmarks import landmarks_named_in
from .extract.named_sources import sources_named_in
from .extract.organizations import builtin_organizations
from .extract.places import builtin_places
from .extract.registry import builtin_sources
from .extract.topics import topic_gazetteer
from .incremental.cache import ArticleCache, fingerprint
from .incremental.collector import fewer_collections
from .incremental.freshness import (
    LastBuild,
    inputs_signature,
    is_up_to_date,
    output_state,
    record_key,
)
from .incremental.page_memo import page_digest, site_fingerprint
from .incremental.parallel import Failed, in_workers
from .incremental.store import CACHE_DIR, Store
from .model import Article, CleanDoc, Entity, Page, Problem, RawDoc, entity_id_for
from .read.articles import (
    assign_slugs,
    drop_duplicate_files,
    nothing_to_build,
    read_all,
    read_briefing_intro,
)
from .read.ingest import list_article_files
from .read.input_files import folder_files
from .read.overrides import Override, overrides_by_seed, read_overrides, with_override
from .read.pages import markdown_renderer, read_pages
from .read.readers import ARTICLE_SUFFIXES
from .render.environment import Renderer, make_renderer
from .render.feeds import publishing_files
from .render.kinds import PAGE_KINDS, SiteView
from .search import index as search
from .search.plan import SearchPlan, plan_search
from .text import wordlist
from .write.writer import OutputWriter

T = TypeVar("T")
STATIC_DIR = "static"  # templates/static/** is copied to assets/**


@dataclass(frozen=True, slots=True)


class BuildResult:
    output_dir: Path
    articles: int
    pages: int  # HTML pages written
    files: int  # all files written
    unchanged: int  # files identical to the previous build (kept, not rewritten)
    skipped: int  # input files that could not become articles
    problems: tuple[Problem, ...]
    seconds: float
    overridden: tuple[str, ...] = ()  # "seeds/x.txt: title, date set by content/articles/x.md"
    built: tuple[Article, ...] = ()
    corpus: Corpus | None = None
    briefing: Briefing | None = None
    stages: tuple[tuple[str, float], ...] = ()  # (stage, seconds), in order
    extracted: int = 0  # articles cleaned or extracted in this build (the rest came from the cache)
    changed: tuple[str, ...] = ()  # site paths whose bytes differ from the previous build
    up_to_date: bool = False  # nothing to do: output/ was already built from exactly these inputs
    search_pending: tuple = ()  # SearchDocs whose Pagefind bundle is still to be made (Warm.defer_search)
    search_fingerprint: str = ""  # of the search documents (search.docs_fingerprint)


class Progress(Protocol):
    def __call__(self, items: Sequence[T], stage: str) -> Iterable[T]: ...


def no_progress(items: Sequence[T], stage: str) -> Iterable[T]:
    return items


@dataclass(frozen=True, slots=True)


class SiteState:
    """What the last full build knew that an article's own pages depend on: the preview
    renders an edited article against it (``serve.quick``)."""

    config: Config
    renderer: Renderer
    corpus: Corpus
    briefing: Briefing
    lexicon: frozenset[str]
    knowledge: Knowledge
    overrides: dict[str, Override]
    slugs: dict[str, str]  # seed file name → its article's page name


@dataclass


class Warm:
    """What a long-lived process keeps between builds: article work and compiled templates."""

    articles: ArticleCache = field(default_factory=ArticleCache)
    persistent: bool = True  # also keep article work on disk (.cache/), for the next run
    environments: dict = field(default_factory=dict)  # templates folder → Jinja Environment
    search_bundles: dict = field(default_factory=dict)  # documents' fingerprint → Pagefind bundle
    # The preview sets this after its first build: when article words changed, the build keeps
    # the previous Pagefind bundle so the page reloads at once; the server then makes the new
    # one (BuildResult.search_pending) and swaps it in (``writer.replace_subfolder``).
    defer_search: bool = False
    page_digests: dict = field(default_factory=dict)  # site path → digest of its inputs (page_memo)
    site: SiteState | None = None  # the last build's corpus, for the preview's quick pages


def build(config: Config, warm: Warm | None = None, progress: Progress = no_progress,
          force: bool = False) -> BuildResult:
    """``warm``: what a long-lived caller (the preview server) keeps between builds, so an
    unchanged article is not cleaned or extracted again and templates are compiled once.
    ``progress`` wraps each long loop (a terminal shows a bar; the default shows nothing).
    Without ``warm`` or ``force``, a site already built from exactly these inputs is kept as it is."""
    started = time.perf_counter()
    signature = inputs_signature(config)  # before reading anything: an edit during the build is seen next time
    fresh = warm is None and not force
    warm = warm or Warm(articles=ArticleCache(remember=False))  # nothing outlives this build but the disk cache
    with Store(config.root / CACHE_DIR if warm.persistent else None) as store:
        last = store.get_many([record_key(config)]).get(record_key(config)) if fresh else None
        if fresh and is_up_to_date(last, config, signature):
            return unchanged_result(config, last, started)
        with fewer_collections():
            result = build_site(config, warm, store, progress, started)
        if result.search_pending:
            return result  # the site is not final until its search index is: no record of it
        store.put(record_key(config), LastBuild(signature, output_state(config.output_dir), result.articles,
                                                result.pages, result.skipped, result.problems, result.overridden))
        store.commit()
    return result


def unchanged_result(config: Config, last: LastBuild, started: float) -> BuildResult:
    return BuildResult(output_dir=config.output_dir, articles=last.articles, pages=last.pages, files=len(last.output),
                       unchanged=len(last.output), skipped=last.skipped, problems=last.problems,
                       seconds=time.perf_counter() - started, overridden=last.overridden, up_to_date=True)


def build_site(config: Config, warm: Warm, store: Store, progress: Progress, started: float) -> BuildResult:
    clock = Stopwatch()
    cache = warm.articles
    cache.start_build(store)
    if not config.seeds_dir.is_dir():
        raise BuildError(f"{config.seeds_dir.name}/: folder not found — create it and put the article "
                         f"files ({', '.join(ARTICLE_SUFFIXES)}) in it, or set 'seeds:' in site.yaml")
    folder = config.seeds_dir.name
    files, raws, overrides, slugged, problems = read_inputs(config)
    lexicon = frozenset().union(*cache.lexicon_words(raws, lexicon_words_of))
    if in_workers(len(slugged)):
        wordlist.load()  # once, shared by the forked workers, not once in each
    results = cache.cleaned([raw for raw, _ in slugged], lexicon, clean)
    cleaned = [(entry, raw, slug) for (raw, slug), entry in zip(slugged, results)
               if kept(entry, f"{folder}/{raw.source}", "cleaning", problems)]
    clock.lap("read and clean")
    knowledge = corpus_knowledge(config, cleaned, cache, problems, folder)
    extracted = cache.extracted(cleaned, fingerprint(knowledge.gazetteer.entities, knowledge.sources, knowledge.topics),
                                extract, knowledge)
    articles = [with_override(article, raw, overrides) for article, (_e, raw, _s) in zip(extracted, cleaned)
                if kept(article, f"{folder}/{raw.source}", "extraction", problems)]
    wordings = statement_wordings(articles, cache)
    cache.finish_build()  # after the last article work: what this build did not use is let go
    slugs = {raw.source: slug for _entry, raw, slug in cleaned}
    kept_lexicon = lexicon if cache.remember else frozenset()  # for the preview's quick pages
    del cleaned, extracted, lexicon  # the cleaned texts are in the articles now: memory for the pages
    if not articles:
        raise BuildError(nothing_to_build(config.seeds_dir.name, problems))
    problems += [p for a in articles for p in a.problems]
    clock.lap("extract")
    pages, page_problems = read_pages(config.content_dir, markdown_renderer(config.markdown_html), config.root)
    problems += page_problems

    entities = {e.id: e for e in knowledge.gazetteer.entities}
    corpus = analyse(articles, entities, config)
    briefing = build_briefing(corpus, config, wordings)
    del wordings  # the briefing is built: memory for the pages
    clock.lap("corpus and briefing")
    # Pagefind starts now, and indexes on its own core while the pages render.
    search_plan = plan_search(corpus, config, warm.search_bundles, warm.defer_search)
    clock.lap("search documents")

    renderer = make_renderer(config, [p.slug for p in pages], warm.environments)
    view = site_view(config, renderer, corpus, briefing, raws, pages, read_briefing_intro(config, problems),
                     problems, progress)
    out, html_pages = write_site(config, view, search_plan, warm, clock)
    if cache.remember:  # a long-lived caller: the preview shows an edited article from this
        warm.site = SiteState(config, renderer, corpus, briefing, kept_lexicon, knowledge, overrides, slugs)
    return BuildResult(
        output_dir=config.output_dir, articles=len(articles), pages=html_pages, files=len(out.written),
        unchanged=out.unchanged, skipped=len(files) - len(articles), problems=tuple(problems),
        seconds=time.perf_counter() - started,
        overridden=tuple(f"seeds/{a.source_file}: {', '.join(a.overridden)} set by {a.override_source}"
                         for a in articles if a.overridden),
        built=tuple(articles), corpus=corpus, briefing=briefing, stages=clock.laps,
        extracted=len(articles) - cache.stats.reused, changed=tuple(out.changed), search_pending=search_plan.pending,
        search_fingerprint=search_plan.fingerprint,
    )


class Stopwatch:
    """Seconds spent in each stage, for the benchmark."""

    def __init__(self) -> None:
        self.laps: tuple[tuple[str, float], ...] = ()
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps += ((name, now - self._last),)
        self._last = now


def statement_wordings(articles: list[Article], cache: ArticleCache) -> dict[str, tuple]:
    """slug → the wordings of its statements the briefing compares (``briefing.sentences``): per
    article, so worked out in worker processes and, by their texts, kept between builds."""
    said = cache.per_article("said", [statement_texts(a) for a in articles], wordings_of)
    return {a.slug: w for a, w in zip(articles, said) if not isinstance(w, Failed)}


def read_inputs(config: Config) -> tuple[list[Path], list[RawDoc], dict[str, Override],
                                         list[tuple[RawDoc, str]], list[Problem]]:
    """The article files, those that read as articles, the overrides by seed, each article's
    page name, and every problem met on the way."""
    folder = config.seeds_dir.name
    files, problems = list_article_files(config.seeds_dir, config.root)
    raws, read_problems = read_all(files, folder)
    raws, letterless = with_letters(raws, folder)
    raws, duplicates = drop_duplicate_files(raws, folder)
    found, override_problems = read_overrides(config.content_dir, config.root)
    overrides, unmatched = overrides_by_seed(found, [f.name for f in files], folder)
    slugged, slug_problems = assign_slugs(raws, overrides)
    problems += read_problems + letterless + duplicates + override_problems + unmatched + slug_problems
    return files, raws, overrides, slugged, problems


def with_letters(raws: list[RawDoc], folder: str) -> tuple[list[RawDoc], list[Problem]]:
    """The files cleaning would leave a letter in; a warning for each of the others."""
    found = [(raw, no_letters_problem(raw, f"{folder}/{raw.source}")) for raw in raws]
    return [raw for raw, problem in found if problem is None], [problem for _, problem in found if problem]


def corpus_knowledge(config: Config, cleaned: list, cache: ArticleCache, problems: list[Problem],
                     folder: str) -> Knowledge:
    """What extraction matches the texts against: the gazetteer (site.yaml's entities, the
    built-in places and organizations, the names the texts add), the sources, the topics."""
    sources = config.sources + builtin_sources()
    built_in = place_entities() + list(builtin_organizations())  # named only where a text names them
    known = Knowledge(build_gazetteer(list(config.entities) + built_in), sources)
    found = discover_names(cleaned, known, cache, problems, folder)
    return Knowledge(build_gazetteer(list(known.gazetteer.entities) + found), sources, config.topics,
                     topic_gazetteer(config.topics))


def discover_names(cleaned: list, known: Knowledge, cache: ArticleCache, problems: list[Problem],
                   folder: str) -> list[Entity]:
    """People, organizations and the outlets the texts speak of that neither site.yaml nor the
    gazetteer know; ``known``: the gazetteer and the source registry."""
    found = []
    results = cache.discoveries([entry for entry, _raw, _slug in cleaned],
                                fingerprint(known.gazetteer.entities, known.sources), discover_in, known)
    for names, (_entry, raw, _slug) in zip(results, cleaned):
        if kept(names, f"{folder}/{raw.source}", "name discovery", problems):
            found += names
    return discovered_entities(found)


def discover_in(doc: CleanDoc, known: Knowledge) -> list:
    """The names one article adds to the gazetteer: outlets and agencies it speaks of first (an
    institution named by its form that is one of them, "وكالة الأنباء الفرنسية", is that source),
    then persons and institutions, its state bodies, its landmarks."""
    paragraphs = paragraphs_of(doc.blocks)
    sources = [Discovery(name, "", "organization", forms)
               for name, forms in sources_named_in(paragraphs, known.registry)]
    others = [d for d in discover_people(paragraphs, known.gazetteer, table=False)
              if d.kind != "organization" or known.registry.exact(d.name) is None]
    return sources + others + [
        Discovery(name, "", "organization")
        for name in dict.fromkeys(b[0] for b in home_bodies(paragraphs, lambda: credits_for(doc.blocks, known),
                                                            known.registry))
    ] + [Discovery(name, "", "place") for name in landmarks_named_in(paragraphs)]


def lexicon_words_of(text: str) -> frozenset[str]:
    return build_lexicon([text])


def place_entities() -> list[Entity]:
    return [Entity(entity_id_for(name), name, "place", aliases) for name, aliases in builtin_places()]


def kept(result: object, shown: str, stage: str, problems: list[Problem]) -> bool:
    """False, with a warning naming the file, when an article's stage failed: a generator bug
    met in one article costs that article, never the whole site."""
    if isinstance(result, Failed):
        problems.append(Problem(shown, f"skipped: {stage} failed with {result}",
                                hint="a bug in the generator; please report it with this file"))
        return False
    return True


def write_search(out: OutputWriter, config: Config, plan: SearchPlan, warm: Warm) -> None:
    """The offline index (script shards) and the Pagefind bundle (the search page is a page
    kind). ``warm.search_bundles``: the latest bundle by its documents' fingerprint (a template
    edit changes no document, so Pagefind need not run again)."""
    labels = {facet: config.ui[f"search_facet_{facet}"] for facet in search.FACETS}
    for path, text in search.offline_files(plan.docs, labels).items():
        out.write_text(path, text)
    bundle = plan.collect()
    if plan.run is not None:
        warm.search_bundles = {plan.fingerprint: bundle}  # only the latest is worth keeping
    for path, data in bundle.items():
        out.write_bytes(path, data)


def write_site(config: Config, view: SiteView, search_plan: SearchPlan, warm: Warm,
               clock: Stopwatch) -> tuple[OutputWriter, int]:
    """Every page, the search index, then the feeds, into a staging folder swapped in at the
    end; the writer (what it wrote) and the number of HTML pages."""
    with OutputWriter(config.output_dir, memo=warm.page_digests) as out, search_plan:
        html_pages = write_page_kinds(out, view)
        clock.lap("render")
        write_search(out, config, search_plan, warm)
        clock.lap("search index")
        articles = view.corpus.articles
        for path, text in publishing_files(config, articles, out.written).items():  # last: the sitemap lists every page
            out.write_text(path, text)
        out.commit()
        warm.page_digests = out.digests
        clock.lap("write")
    return out, html_pages


def site_view(config: Config, renderer: Renderer, corpus: Corpus, briefing: Briefing, raws: list[RawDoc],
              pages: list[Page], intro_html: str | None, problems: list[Problem], progress: Progress) -> SiteView:
    """What the page kinds read; a link out of the project among the static assets is a warning."""
    static_dir = config.templates_dir / STATIC_DIR
    static, static_problems = folder_files(static_dir, config.root, f"{static_dir.parent.name}/{STATIC_DIR}",
                                           recursive=True)
    problems += static_problems
    site = site_fingerprint(config, renderer.nav, config.templates_dir)
    return SiteView(renderer, corpus, briefing, {raw.source: raw for raw in raws}, tuple(pages), intro_html,
                    tuple((p.relative_to(static_dir).as_posix(), p.read_bytes) for p in static),
                    partial(page_digest, site), {a.slug: page_digest(site, a) for a in corpus.articles}, progress)


def write_page_kinds(out: OutputWriter, view: SiteView) -> int:
    """Every page of every kind, in the table's order; the number of HTML pages."""
    html = 0
    for kind in PAGE_KINDS:
        for job in kind.jobs(view):
            if job.digest:
                out.write_page(job.path, job.digest, job.make)
            else:
                made = job.make()
                out.write_bytes(job.path, made) if isinstance(made, bytes) else out.write_text(job.path, made)
            html += job.path.endswith(".html")
    return html
