"""The corpus-wide analyses that avoid comparing every pair (issue 10) find what comparing every
pair finds: reprints exactly, related articles and echoed sentences (nearly) so. On a bench
corpus (``bench/corpus.py``), extracted without rendering."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator.briefing import echoes as echo_search
from generator.briefing import statements as briefing
from generator.clean.cleaner import build_lexicon, clean
from generator.config.site import load_config
from generator.corpus import analysis as corpus
from generator.extract.article import Knowledge, extract
from generator.extract.entities import build_gazetteer
from generator.extract.registry import builtin_sources
from generator.extract.topics import topic_gazetteer
from generator.pipeline import place_entities
from generator.read.ingest import read_article

ARTICLES = 308  # the bench corpus's file 00307 reprints 00267 with Jaccard 0.80: a pair the earlier MinHash LSH missed


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> tuple[list, dict, object]:
    """(articles, entities, config) of a bench corpus, read, cleaned and extracted."""
    root = tmp_path_factory.mktemp("bench")
    write_corpus(ARTICLES, root, jobs=1)
    config = load_config(root)
    raws = [read_article(path, f"seeds/{path.name}") for path in sorted((root / "seeds").iterdir())]
    lexicon = build_lexicon(raw.text for raw in raws)
    gazetteer = build_gazetteer(list(config.entities) + place_entities())
    knowledge = Knowledge(gazetteer, config.sources + builtin_sources(), config.topics, topic_gazetteer(config.topics))
    articles = [extract(clean(raw, lexicon), raw, Path(raw.source).stem, knowledge) for raw in raws]
    return articles, {e.id: e for e in gazetteer.entities}, config


def test_indexed_reprint_search_finds_exactly_what_comparing_every_pair_finds(bench):
    articles = bench[0][:corpus.EXACT_PAIRS_LIMIT]
    every_pair = corpus.find_reprints(articles)
    assert len(every_pair) >= 5 and corpus.find_reprints(articles, exact_limit=0) == every_pair


def test_a_reprint_with_jaccard_080_is_found_by_the_indexed_search(bench):
    articles, _, _ = bench
    by_file = {a.source_file[:5]: a for a in articles}
    original, reprint = by_file["00267"], by_file["00307"]
    shared = corpus._jaccard(*(corpus._shingles(corpus._body_words(a)) for a in (original, reprint)))
    assert corpus.REPRINT_SIMILARITY < shared < 0.85
    assert corpus.find_reprints(articles, exact_limit=0)[reprint.slug] == original.slug
    assert corpus.find_reprints([original, reprint], exact_limit=0) == {reprint.slug: original.slug}


def test_related_articles_agree_with_scoring_every_pair(bench, monkeypatch):
    articles, entities, config = bench
    story = {a.slug: corpus.story_of(a, config) for a in articles}
    monkeypatch.setattr(corpus, "SEEK_POSTINGS", 250)  # as few of its features seek as at 5,000 articles
    indexed = corpus.related_articles(articles, entities, story)
    monkeypatch.setattr(corpus, "SEEK_POSTINGS", len(articles) ** 2)  # every feature seeks: every pair sharing one
    monkeypatch.setattr(corpus, "RELATED_RESCORED", len(articles))  # is scored on all features
    every_pair = corpus.related_articles(articles, entities, story)
    assert all(every_pair.values())
    first_agrees = sum(indexed[s][:1] == every_pair[s][:1] for s in every_pair)
    same_list = sum(indexed[s] == every_pair[s] for s in every_pair)
    assert first_agrees >= 0.99 * len(articles) and same_list >= 0.95 * len(articles)


@pytest.fixture(scope="module")
def sentences(bench) -> tuple[list, dict]:
    """(the sentences the briefing draws statements from, slug → its story) of the bench corpus."""
    articles, _, _ = bench
    reprint_of = corpus.find_reprints(articles)
    return ([s for a in articles for s in briefing._sentences(a)],
            {a.slug: reprint_of.get(a.slug, a.slug) for a in articles})


def _echoes(sentences: list, story_of: dict) -> list[dict]:
    """For each sentence, other story → (likeness, index) of its closest sentence there."""
    likeness = briefing._likeness(sentences)
    stories = [story_of[s.article.slug] for s in sentences]
    found = echo_search.closest_per_story([s.wording.keys for s in sentences], stories, likeness.weights,
                                          [likeness.profiles[id(s)] for s in sentences])
    return [{stories[m]: (close, m) for close, m in found.of(n)} for n in range(len(sentences))]


def test_bucketed_echoes_agree_with_comparing_every_sentence_sharing_a_word(sentences, monkeypatch):
    every, story_of = sentences
    few = [s for s in every if s.article.source_file < "00040"]  # every pair is slow: 40 articles
    monkeypatch.setattr(echo_search, "EXACT_ECHO_SENTENCES", 0)
    bucketed = _echoes(few, story_of)
    monkeypatch.setattr(echo_search, "EXACT_ECHO_SENTENCES", len(few))
    exact = _echoes(few, story_of)
    assert sum(map(len, exact)) > 3 * len(few)  # the bench's stories do repeat each other
    for n, s in enumerate(few):
        assert all(close >= briefing.SAME_THING and story == story_of[few[m].article.slug] != story_of[s.article.slug]
                   for story, (close, m) in bucketed[n].items())
    # a fact cites the closest ECHOES_MAX stories: those are what the buckets must find
    def closest(found: dict, k: int) -> set[int]:
        return {m for _, m in sorted(found.values(), reverse=True)[:k]}
    assert sum(closest(bucketed[n], 1) == closest(exact[n], 1) for n in range(len(few))) >= 0.95 * len(few)
    found = sum(len(closest(bucketed[n], briefing.ECHOES_MAX) & closest(exact[n], briefing.ECHOES_MAX))
                for n in range(len(few)))
    assert found >= 0.9 * sum(len(closest(exact[n], briefing.ECHOES_MAX)) for n in range(len(few)))


def test_a_figure_many_stories_report_gets_its_echoes_beyond_the_first_bucket(sentences):
    every, story_of = sentences
    figure, stating = max(_by_figure(every).items(), key=lambda item: (len(item[1]), item[0]))
    assert len({story_of[s.article.slug] for s in stating}) > echo_search.ECHO_BUCKET + briefing.ECHOES_MAX
    echoes = _echoes(every, story_of)
    for n, s in enumerate(every):
        if s in stating:
            assert len(echoes[n]) >= briefing.ECHOES_MAX, (figure, s.text)
            assert story_of[s.article.slug] not in echoes[n]


def _by_figure(sentences: list) -> dict:
    out: dict = {}
    for s in sentences:
        for figure in s.figures:
            out.setdefault(figure, []).append(s)
    return out
