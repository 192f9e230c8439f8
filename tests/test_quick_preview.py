"""The preview's quick pages (generator/serve/quick.py): an edited article's own pages are written
before the full build, must say what the edit says, and must never leave the full build
with a stale page. Each test builds the seed project with a long-lived ``Warm``, as serve does."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import urls
from generator.config.site import load_config
from generator.pipeline import Warm, build
from generator.serve.quick import show_edited_articles

MARKER = "وأضاف المتحدث أن الجولة المقبلة من المحادثات ستعقد في موعد يحدد لاحقا"


def seed_and_slug(root: Path, warm: Warm, n: int = 0) -> tuple[Path, str]:
    seed = sorted((root / "seeds").glob("*.txt"))[n]
    return seed, warm.site.slugs[seed.name]


def append(seed: Path, text: str) -> None:
    seed.write_bytes(seed.read_bytes() + f"\n{text}.\n".encode("utf-8"))


@pytest.fixture
def served_build(project):
    """(project, config, warm) after a first preview build."""
    config = load_config(project)
    warm = Warm()
    build(config, warm)
    warm.defer_search = True
    return project, config, warm


def test_an_edited_article_page_is_written_before_the_full_build_and_matches_it(served_build):
    root, config, warm = served_build
    seed, slug = seed_and_slug(root, warm)
    append(seed, MARKER)
    written = show_edited_articles(warm.site, [seed], warm.page_digests)
    assert set(written) == {urls.article_path(slug), urls.raw_page_path(slug), urls.raw_file_path(slug)}
    quick = {p: (root / "output" / p).read_bytes() for p in written}
    assert MARKER.encode() in quick[urls.article_path(slug)]
    assert quick[urls.raw_file_path(slug)] == seed.read_bytes()
    # the full build agrees: the tab showing the article need not reload a second time
    result = build(config, warm)
    assert not set(written) & set(result.changed)
    assert {p: (root / "output" / p).read_bytes() for p in written} == quick


def test_reverting_after_a_quick_page_rebuilds_the_page_not_the_quick_one(served_build):
    root, config, warm = served_build
    seed, slug = seed_and_slug(root, warm, 1)
    page = root / "output" / urls.article_path(slug)
    original_bytes, original_page = seed.read_bytes(), page.read_bytes()
    append(seed, MARKER)
    assert show_edited_articles(warm.site, [seed], warm.page_digests)
    assert MARKER.encode() in page.read_bytes()
    seed.write_bytes(original_bytes)  # saved back before the full build ran
    build(config, warm)
    assert page.read_bytes() == original_page


@pytest.mark.parametrize("case", ["a new seed file", "a template", "site.yaml", "not an article any more",
                                  "two seeds, one new"])
def test_edits_the_quick_pages_cannot_show_are_left_to_the_full_build(served_build, case):
    root, config, warm = served_build
    seed, _slug = seed_and_slug(root, warm)
    before = {p: p.read_bytes() for p in (root / "output").rglob("*.html")}
    if case == "a new seed file":
        paths = [root / "seeds" / "new.txt"]
        paths[0].write_text(MARKER + ".\n", encoding="utf-8")
    elif case == "a template":
        paths = [root / "templates" / "base.html"]
    elif case == "site.yaml":
        append(seed, MARKER)
        paths = [seed, root / "site.yaml"]
    elif case == "not an article any more":
        seed.write_bytes(b"")
        paths = [seed]
    else:
        append(seed, MARKER)
        paths = [seed, root / "seeds" / "other.txt"]
        paths[1].write_text(MARKER + ".\n", encoding="utf-8")
    assert show_edited_articles(warm.site, paths, warm.page_digests) == ()
    assert {p: p.read_bytes() for p in (root / "output").rglob("*.html")} == before


def test_a_one_off_build_keeps_no_corpus_for_quick_pages(project):
    warm = Warm()
    warm.articles.remember = False  # what build() uses when no caller keeps a Warm
    build(load_config(project), warm)
    assert warm.site is None
