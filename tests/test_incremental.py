"""Speed machinery that must never change the site: the up-to-date check, the article cache
on disk, and per-article work spread over processes. Each test compares with a cold build."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import generator.incremental.parallel as parallel
from conftest import build_quietly, copy_project, fail_extraction_of
from generator.cli import main
from generator.config.site import load_config
from generator.pipeline import build
from generator.incremental.store import CACHE_DIR, CACHE_FILE


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def append_to_first_seed(root: Path, text: str = "\nفقرة أضيفت في أثناء التحرير عن المحادثات.\n") -> None:
    seed = sorted((root / "seeds").iterdir())[0]
    seed.write_bytes(seed.read_bytes() + text.encode("utf-8"))


def test_a_second_build_with_nothing_changed_does_nothing_and_says_so(project, capsys):
    assert main(["--root", str(project)]) == 0
    capsys.readouterr()
    before = {p: p.stat().st_mtime_ns for p in (project / "output").rglob("*")}
    assert main(["--root", str(project)]) == 0
    assert "Up to date: output/ holds the 56 pages built from these 5 articles" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in (project / "output").rglob("*")} == before


@pytest.mark.parametrize("change", ["touch a seed", "edit a template", "delete an output file", "edit an output file"])
def test_any_change_to_inputs_or_output_means_a_real_build(project, output, change):
    assert build_quietly(project) == 0
    if change == "touch a seed":
        seed = sorted((project / "seeds").iterdir())[0]
        seed.write_bytes(seed.read_bytes())
    elif change == "edit a template":
        page = project / "templates" / "base.html"
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "delete an output file":
        (project / "output" / "about.html").unlink()
    else:
        (project / "output" / "index.html").write_text("edited by hand", encoding="utf-8")
    result = build(load_config(project))
    assert not result.up_to_date
    if change != "edit a template":
        assert tree_digest(project / "output") == tree_digest(output)


def test_the_article_cache_on_disk_serves_the_next_process_and_follows_edits(project, output):
    config = load_config(project)
    assert build(config, force=True).extracted == 5
    assert build(config, force=True).extracted == 0  # a new process: everything from .cache/
    append_to_first_seed(project)
    assert build(config, force=True).extracted == 1


def test_the_briefings_article_work_is_kept_and_only_an_edited_articles_redone(project, output, monkeypatch):
    """The wordings the briefing compares statements by are per-article work in the cache: an
    edit works out one article's again, and the site is the one a cold build makes."""
    import generator.pipeline as pipeline
    worked: list[int] = []
    real = pipeline.wordings_of
    monkeypatch.setattr(pipeline, "wordings_of", lambda texts: worked.append(len(texts)) or real(texts))
    config = load_config(project)
    build(config, force=True)
    assert len(worked) == 5
    build(config, force=True)
    assert len(worked) == 5  # all from .cache/
    append_to_first_seed(project, "\nوقال المتحدث باسم الحكومة إن المحادثات ستستأنف في الأسبوع المقبل في بغداد.\n")
    edited = build(config, force=True)
    assert len(worked) == 6
    shutil.rmtree(project / CACHE_DIR)
    assert build(config, force=True).briefing == edited.briefing  # as a cold build makes it
    assert len(worked) == 11


def test_a_damaged_or_unwritable_cache_only_costs_time(project, output):
    assert build_quietly(project) == 0
    (project / CACHE_DIR / CACHE_FILE).write_bytes(b"not a database" * 100)
    result = build(load_config(project), force=True)
    assert result.extracted == 5
    assert build(load_config(project), force=True).extracted == 0  # started again, and used
    assert tree_digest(project / "output") == tree_digest(output)


def test_work_spread_over_processes_gives_the_same_site_as_one_process(tmp_path, monkeypatch):
    from bench.corpus import write_corpus

    root = write_corpus_project(tmp_path / "corpus", write_corpus)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    spread = build(load_config(root), force=True)
    assert spread.extracted == spread.articles
    spread_tree = tree_digest(root / "output")

    other = write_corpus_project(tmp_path / "serial", write_corpus)
    monkeypatch.setattr(parallel, "workers", lambda: 1)
    build(load_config(other), force=True)
    assert tree_digest(other / "output") == spread_tree


def write_corpus_project(root: Path, write_corpus) -> Path:
    write_corpus(24, root)
    return root


def test_a_pool_that_cannot_start_falls_back_to_one_process(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)  # as under the preview: a fork server
    unpicklable = lambda context, item: item * 2  # noqa: E731 — a lambda cannot be sent to a fork server
    assert parallel.map_articles(unpicklable, list(range(10)), jobs=2) == [2 * i for i in range(10)]


def test_one_failing_article_in_a_worker_is_a_warning(project, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    (project / "seeds" / "trigger.txt").write_text("عنوان\n\nنص عن بغداد والمحادثات.\n", encoding="utf-8")
    fail_extraction_of(monkeypatch, "trigger.txt", ValueError("boom"))
    result = build(load_config(project), force=True)
    assert result.articles == 5 and result.skipped == 1
    assert any(p.path == "seeds/trigger.txt" and "extraction failed with ValueError: boom" in p.message
               for p in result.problems)


def test_a_copied_project_does_not_reuse_another_projects_record(tmp_path, output):
    first = copy_project(tmp_path / "a")
    assert build_quietly(first) == 0
    second = copy_project(tmp_path / "b")
    result = build(load_config(second))
    assert not result.up_to_date and tree_digest(second / "output") == tree_digest(output)


def test_the_preview_renders_again_only_pages_whose_inputs_changed(project, monkeypatch):
    import generator.render.article_page as render
    from generator.pipeline import Warm

    rendered: list[str] = []
    real = render.render_article
    monkeypatch.setattr(render, "render_article", lambda r, article, *a: rendered.append(article.slug) or real(r, article, *a))
    warm, config = Warm(), load_config(project)
    build(config, warm)
    assert len(rendered) == 5
    rendered.clear()
    build(config, warm)  # nothing changed
    assert rendered == []
    page = project / "templates" / "article.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "</article>\n<!-- edited -->", 1), encoding="utf-8")
    build(config, warm)  # a template: every page that uses it
    assert len(rendered) == 5
