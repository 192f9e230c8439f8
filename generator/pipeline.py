"""``build()``: the whole build, stage by stage, top to bottom, ending in the writer's swap.

Gather, then write: every article is read, cleaned and extracted before any page renders,
so later stages (cross-links, briefing) see the whole corpus. One bad input costs its own
page and a warning naming the file, never the build.
"""
from __future__ import annotations

import hashlib
import subprocess
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Iterable, Protocol, Sequence, TypeVar

from . import urls
from .briefing.build import Briefing, build_briefing
from .clean.cleaner import build_lexicon, clean, no_letters_problem
from .config.site import Config
from .config.yamlfile import read_text_file
from .corpus.analysis import Corpus, analyse
from .display import shown_date
from .extract.article import Knowledge, extract, paragraphs_of, slug_for
from .extract.entities import build_gazetteer, discover_people, discovered_entities
from .extract.places import builtin_places
from .extract.sources import BUILTIN_AGENCIES
from .extract.topics import topic_gazetteer
from .incremental.cache import ArticleCache, fingerprint
from .incremental.freshness import (
    LastBuild,
    inputs_signature,
    is_up_to_date,
    output_state,
    record_key,
)
from .incremental.page_memo import page_digest, site_fingerprint
from .incremental.parallel import Failed
from .incremental.store import CACHE_DIR, Store
from .model import Article, CleanDoc, Entity, Page, Problem, RawDoc, entity_id_for
from .read.ingest import list_article_files, read_article
from .read.input_files import folder_files, link_outside, link_problem
from .read.overrides import Override, overrides_by_seed, read_overrides, with_override
from .read.pages import BRIEFING_INTRO, markdown_renderer, read_pages
from .read.readers import ARTICLE_SUFFIXES
from .render import base as render
from .render import briefing as render_briefing
from .render.data import articles_document, briefing_document
from .render.feeds import publishing_files
from .search import index as search
from .write.writer import OutputWriter

T = TypeVar("T")
STATIC_DIR = "static"  # templates/static/** is copied to assets/**


class BuildError(Exception):
    """The build cannot produce a site at all (the previous site is left in place)."""


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
    renderer: render.Renderer
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
    files, problems = list_article_files(config.seeds_dir, config.root)
    raws, read_problems = read_all(files, folder)
    problems += read_problems
    raws, duplicate_problems = drop_duplicate_files(raws, folder)
    problems += duplicate_problems
    lexicon = frozenset().union(*cache.lexicon_words(raws, lexicon_words_of))
    found, override_problems = read_overrides(config.content_dir, config.root)
    overrides, unmatched = overrides_by_seed(found, [f.name for f in files], folder)
    problems += override_problems + unmatched
    slugged, slug_problems = assign_slugs(raws, overrides)
    problems += slug_problems
    cleaned = [(entry, raw, slug) for (raw, slug), entry in zip(slugged, cache.cleaned([r for r, _ in slugged], lexicon, clean))
               if kept(entry, f"{folder}/{raw.source}", "cleaning", problems)]
    clock.lap("read and clean")
    gazetteer = build_gazetteer(list(config.entities) + place_entities())
    gazetteer = build_gazetteer(list(gazetteer.entities) + discover_names(cleaned, gazetteer, cache, problems, folder))
    knowledge = Knowledge(gazetteer, config.sources + BUILTIN_AGENCIES, config.topics, topic_gazetteer(config.topics))
    knowledge_print = fingerprint(gazetteer.entities, knowledge.sources, knowledge.topics)
    extracted = cache.extracted(cleaned, knowledge_print, extract, knowledge)
    articles = [with_override(article, raw, overrides) for article, (_e, raw, _s) in zip(extracted, cleaned)
                if kept(article, f"{folder}/{raw.source}", "extraction", problems)]
    cache.finish_build()
    slugs = {raw.source: slug for _entry, raw, slug in cleaned}
    kept_lexicon = lexicon if cache.remember else frozenset()  # for the preview's quick pages
    del cleaned, extracted, lexicon  # the cleaned texts are in the articles now: memory for the pages
    if not articles:
        raise BuildError(nothing_to_build(config.seeds_dir.name, problems))
    problems += [p for a in articles for p in a.problems]
    clock.lap("extract")
    pages, page_problems = read_pages(config.content_dir, markdown_renderer(config.markdown_html), config.root)
    problems += page_problems

    entities = {e.id: e for e in gazetteer.entities}
    corpus = analyse(articles, entities, config)
    briefing = build_briefing(corpus, config)
    clock.lap("corpus and briefing")
    search_plan = plan_search(corpus, config, warm)  # Pagefind starts now, on its own core
    clock.lap("search documents")

    renderer = render.make_renderer(config, [p.slug for p in pages], warm.environments)
    intro = read_briefing_intro(config, problems)
    site = site_fingerprint(config, renderer.nav, config.templates_dir)
    prints = {a.slug: page_digest(site, a) for a in articles}
    with OutputWriter(config.output_dir, memo=warm.page_digests) as out, search_plan:
        html_pages = write_pages(out, renderer, corpus, briefing, raws, pages, site, prints, progress)
        html_pages += write_briefing(out, renderer, corpus, briefing, intro)
        html_pages += write_entity_pages(out, renderer, articles, entities, briefing, site, prints, progress)
        problems += copy_static(out, config.templates_dir / STATIC_DIR, config.root)
        out.write_text(urls.ARTICLES_JSON, render.json_document(articles_document(articles, entities, corpus)))
        out.write_text(urls.BRIEFING_JSON, render.json_document(briefing_document(briefing, corpus, config)))
        out.write_bytes(".nojekyll", b"")
        clock.lap("render")
        html_pages += write_search(out, renderer, search_plan, warm)
        clock.lap("search index")
        for path, text in publishing_files(config, articles, out.written).items():  # last: the sitemap lists every page
            out.write_text(path, text)
        out.commit()
        warm.page_digests = out.digests
        if cache.remember:  # a long-lived caller: the preview shows an edited article from this
            warm.site = SiteState(config, renderer, corpus, briefing, kept_lexicon, knowledge, overrides, slugs)
        clock.lap("write")
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


def discover_names(cleaned: list, gazetteer, cache: ArticleCache, problems: list[Problem], folder: str) -> list[Entity]:
    """People named after a role title that neither site.yaml nor the built-ins know."""
    found = []
    results = cache.discoveries([entry for entry, _raw, _slug in cleaned], fingerprint(gazetteer.entities),
                                discover_in, gazetteer)
    for names, (_entry, raw, _slug) in zip(results, cleaned):
        if kept(names, f"{folder}/{raw.source}", "name discovery", problems):
            found += names
    return discovered_entities(found)


def discover_in(doc: CleanDoc, gazetteer) -> list:
    return discover_people(paragraphs_of(doc.blocks), gazetteer)


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


def nothing_to_build(folder: str, problems: list[Problem]) -> str:
    if not problems:
        return f"{folder}/ holds no articles — put the article files ({', '.join(ARTICLE_SUFFIXES)}; one article each) in it"
    return (f"no article could be built from {folder}/:\n" + "\n".join(f"    {p}" for p in problems))


def read_all(files: list[Path], folder: str) -> tuple[list[RawDoc], list[Problem]]:
    raws, problems = [], []
    for path in files:
        shown = f"{folder}/{path.name}"
        result = read_article(path, shown)
        if isinstance(result, RawDoc):
            result = no_letters_problem(result, shown) or result
        (raws if isinstance(result, RawDoc) else problems).append(result)
    return raws, problems


def drop_duplicate_files(raws: list[RawDoc], folder: str) -> tuple[list[RawDoc], list[Problem]]:
    """The same text saved twice is built once (the first name in sort order wins)."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for raw in raws:
        digest = hashlib.sha256(" ".join(raw.article_text.split()).encode("utf-8")).hexdigest()
        if digest in seen:
            problems.append(Problem(f"{folder}/{raw.source}", f"same text as {folder}/{seen[digest]}; built once",
                                    hint="delete one of the two copies"))
            continue
        seen[digest] = raw.source
        kept.append(raw)
    return kept, problems


def assign_slugs(raws: list[RawDoc], overrides: dict[str, Override] | None = None
                 ) -> tuple[list[tuple[RawDoc, str]], list[Problem]]:
    """Each article's page name, unique: a clash of names made from file names gets "-2",
    "-3"… in file-name order. An editor's ``slug:`` wins unless another article has that name
    (by its file name or by its own ``slug:``): moving that other article silently would break
    its links, so the override's slug is refused with a warning and its article keeps its own."""
    overrides = overrides or {}
    natural = {raw.source: slug_for(raw.source, raw.data) for raw in raws}
    holders = {slug: source for source, slug in reversed(natural.items())}  # the first file of a name
    wanted, problems = {}, []
    for raw in raws:
        # The editor's slug wins over the one the file's own front matter gives.
        override = next((o for o in (overrides.get(raw.source), raw.front_matter) if o and o.values.get("slug")), None)
        if override is None:
            continue
        slug = override.values["slug"]
        holder = holders.get(slug, raw.source)
        if holder == raw.source:
            wanted[raw.source], holders[slug] = slug, raw.source
        else:
            problems.append(Problem(override.source, f"slug '{slug}' is the page name of seeds/{holder}; "
                                    f"not applied (seeds/{raw.source} keeps '{natural[raw.source]}')",
                                    override.lines.get("slug", 0), f"choose another slug, such as '{slug}-2'"))
    taken: set[str] = set(wanted.values())
    out = []
    for raw in raws:
        if raw.source in wanted:
            out.append((raw, wanted[raw.source]))
            continue
        base = slug = natural[raw.source]
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out.append((raw, slug))
    return out, problems


def write_pages(out: OutputWriter, renderer: render.Renderer, corpus: Corpus, briefing: Briefing,
                raws: list[RawDoc], pages: list[Page], site: str, prints: dict[str, str],
                progress: Progress = no_progress) -> int:
    """``site``, ``prints``: the site's and each article's fingerprint, for ``page_digest``."""
    articles, config = corpus.articles, renderer.config
    out.write_text(urls.INDEX, render.render_index(renderer, list(articles)))
    raw_by_source = {raw.source: raw for raw in raws}
    for article in progress(articles, "articles"):
        raw = raw_by_source[article.source_file]
        context = render_briefing.article_context(config, article, corpus, briefing)
        named = tuple(corpus.entities[i] for i in sorted({m.entity_id for m in article.mentions}))
        out.write_page(urls.article_path(article.slug), page_digest(site, prints[article.slug], context, named),
                       partial(render.render_article, renderer, article, corpus.entities, context))
        out.write_page(urls.raw_page_path(article.slug), page_digest(site, prints[article.slug], raw.text),
                       partial(render.render_raw, renderer, article, raw.text))
        out.write_bytes(urls.raw_file_path(article.slug), raw.data)
    for page in pages:
        out.write_text(urls.page_path(page.slug), render.render_page(renderer, page))
    out.write_text(urls.NOT_FOUND, render.render_not_found(renderer))
    return 2 + 2 * len(articles) + len(pages)


def write_briefing(out: OutputWriter, renderer: render.Renderer, corpus: Corpus, briefing: Briefing,
                   intro_html: str | None) -> int:
    """The briefing page and one page per topic some article speaks of."""
    out.write_text(urls.BRIEFING, render_briefing.render_briefing(renderer, briefing, corpus, intro_html))
    present = {t.id for a in corpus.articles for t in a.topics}
    topics = [t for t in renderer.config.topics if t.id in present]
    for topic in topics:
        out.write_text(urls.topic_path(topic.id), render_briefing.render_topic(renderer, topic, corpus, briefing))
    return 1 + len(topics)


@dataclass
class SearchPlan:
    """The search documents and how their Pagefind bundle will be had: from ``Warm``, from a
    Pagefind run started before the pages render, or later (``pending``, the preview)."""

    docs: list
    fingerprint: str
    bundle: dict | None = None
    run: search.PagefindRun | None = None
    pending: tuple = ()

    def __enter__(self) -> "SearchPlan":
        return self

    def __exit__(self, *exc) -> None:
        if self.run is not None:
            self.run.cancel()  # a failed build does not leave Pagefind running

    def collect(self, warm: Warm) -> dict[str, bytes]:
        if self.bundle is None and self.run is not None:
            try:
                self.bundle = self.run.bundle()
            except (OSError, subprocess.SubprocessError, search.SearchIndexError) as exc:
                raise pagefind_failed(exc) from exc
            warm.search_bundles = {self.fingerprint: self.bundle}  # only the latest is worth keeping
        return self.bundle or {}


def plan_search(corpus: Corpus, config: Config, warm: Warm) -> SearchPlan:
    docs = search.search_docs(
        corpus, {t.id: t.label for t in config.topics},
        lambda a: shown_date(a.date, config))
    plan = SearchPlan(docs, search.docs_fingerprint(docs))
    plan.bundle = warm.search_bundles.get(plan.fingerprint)
    if plan.bundle is None and warm.defer_search and warm.search_bundles:
        plan.bundle, plan.pending = next(iter(warm.search_bundles.values())), tuple(docs)  # the previous index, for now
    if plan.bundle is None:
        try:
            plan.run = search.PagefindRun(docs)
        except (OSError, subprocess.SubprocessError) as exc:
            raise pagefind_failed(exc) from exc
    return plan


def write_search(out: OutputWriter, renderer: render.Renderer, plan: SearchPlan, warm: Warm) -> int:
    """The search page, its offline index (script shards) and the Pagefind bundle.
    ``warm.search_bundles``: the latest bundle by its documents' fingerprint (a template edit
    changes no document, so Pagefind need not run again)."""
    config = renderer.config
    labels = {facet: config.ui[f"search_facet_{facet}"] for facet in search.FACETS}
    for path, text in search.offline_files(plan.docs, labels).items():
        out.write_text(path, text)
    for path, data in plan.collect(warm).items():
        out.write_bytes(path, data)
    out.write_text(urls.SEARCH, render.render_search(renderer))
    return 1


def pagefind_failed(exc: Exception) -> BuildError:
    return BuildError(f"search index: Pagefind failed: {exc} — check that 'pagefind[bin]' is installed "
                      f"(pip install -r requirements.txt)")


def pagefind_bundle(docs: Sequence[search.SearchDoc], background: bool = False) -> dict[str, bytes]:
    try:
        return search.pagefind_files(list(docs), background)
    except (OSError, subprocess.SubprocessError, search.SearchIndexError) as exc:
        raise pagefind_failed(exc) from exc


def read_briefing_intro(config: Config, problems: list[Problem]) -> str | None:
    """``content/briefing.md``, the editor's introduction, as HTML; None when there is none."""
    path = config.content_dir / BRIEFING_INTRO
    shown = f"{config.content_dir.name}/{BRIEFING_INTRO}"
    if not path.is_file():
        return None
    if (real := link_outside(path, config.root)) is not None:
        problems.append(link_problem(shown, real))
        return None
    text = read_text_file(path, shown)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    return markdown_renderer(config.markdown_html).render(text)


def write_entity_pages(out: OutputWriter, renderer: render.Renderer, articles: list[Article],
                       entities: dict[str, Entity], briefing: Briefing, site: str, prints: dict[str, str],
                       progress: Progress = no_progress) -> int:
    """One page per entity the articles mention: every mention in reading order, and the
    entities most often named with it."""
    appearances: dict[str, list[tuple[Article, list]]] = {}
    for article in articles:
        by_entity: dict[str, list] = {}
        for mention in article.mentions:
            by_entity.setdefault(mention.entity_id, []).append(mention)
        for entity_id, mentions in by_entity.items():
            appearances.setdefault(entity_id, []).append((article, mentions))
    companions = render_briefing.entity_neighbours(briefing, entities)
    for entity_id in progress(sorted(appearances), "entities"):
        shown = appearances[entity_id]
        digest = page_digest(site, entities[entity_id], [(prints[a.slug], m) for a, m in shown], companions.get(entity_id, ()))
        out.write_page(urls.entity_path(entity_id), digest,
                       partial(render.render_entity, renderer, entities[entity_id], shown, companions.get(entity_id, ())))
    return len(appearances)


def copy_static(out: OutputWriter, static_dir: Path, root: Path) -> list[Problem]:
    """templates/static/** to assets/**; a link leading out of the project is skipped."""
    paths, problems = folder_files(static_dir, root, f"{static_dir.parent.name}/{static_dir.name}", recursive=True)
    for path in paths:
        out.write_bytes("assets/" + path.relative_to(static_dir).as_posix(), path.read_bytes())
    return problems
