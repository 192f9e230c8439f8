"""Shared fixtures: a built copy of the real project (seeds, content, templates, site.yaml).

Builds run in a temporary copy so tests never touch the working tree's output/.
"""
from __future__ import annotations

import contextlib
import http.server
import json
import threading
from functools import partial
from urllib.parse import urlsplit
import os
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.cli import main

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("seeds", "content", "templates", "site.yaml")


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        src = PROJECT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def build_quietly(root: Path) -> int:
    return main(["--root", str(root), "--quiet"])


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    """A project copy built once per test session; treat it as read-only."""
    root = copy_project(tmp_path_factory.mktemp("site"))
    assert build_quietly(root) == 0
    return root


@pytest.fixture(scope="session")
def output(site_root) -> Path:
    return site_root / "output"


QUAKE = Path(__file__).parent / "corpora" / "quake"


@pytest.fixture(scope="session")
def quake_output(tmp_path_factory) -> Path:
    """A second event (tests/corpora/quake, with the project's templates), built once per session."""
    root = tmp_path_factory.mktemp("quake")
    shutil.copytree(QUAKE / "seeds", root / "seeds")
    shutil.copytree(QUAKE / "content", root / "content")
    shutil.copy2(QUAKE / "site.yaml", root / "site.yaml")
    shutil.copytree(PROJECT / "templates", root / "templates")
    assert build_quietly(root) == 0
    return root / "output"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="write the built sites' pages and data as the new expected output (tests/golden/)")


@pytest.fixture(scope="session")
def seed_truth() -> dict:
    return yaml.safe_load((Path(__file__).parent / "seed_truth.yaml").read_text(encoding="utf-8"))["seeds"]


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, unbuilt project copy a test may change."""
    return copy_project(tmp_path / "project")


SUB_PATH = "/some-repo/"


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUB_PATH, as GitHub Pages serves a project site."""

    def translate_path(self, path):
        if not urlsplit(path).path.startswith(SUB_PATH):
            return "/nonexistent-outside-the-sub-path"
        return super().translate_path("/" + urlsplit(path).path[len(SUB_PATH):])

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: Path):
    """``folder`` over HTTP under /some-repo/, as GitHub Pages serves a project site; yields its URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{SUB_PATH}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def site_server(output):
    """The built seed site over HTTP under /some-repo/; yields its base URL."""
    with serving(output) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


def fail_extraction_of(monkeypatch, source_file: str, error: Exception) -> None:
    """Make extraction raise ``error`` on one seed file: a generator bug met in one article."""
    import generator.pipeline as pipeline

    real = pipeline.extract

    def failing(doc, raw, slug, knowledge):
        if raw.source == source_file:
            raise error
        return real(doc, raw, slug, knowledge)

    monkeypatch.setattr(pipeline, "extract", failing)


def parse_html(path: Path) -> BeautifulSoup:
    """html5lib parses as browsers do, so what we assert is what readers get."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def articles_data(output: Path) -> dict[str, dict]:
    """data/articles.json keyed by seed file name."""
    data = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))
    return {a["source_file"]: a for a in data["articles"]}


def article_soup(output: Path, source_file: str) -> BeautifulSoup:
    return parse_html(output / articles_data(output)[source_file]["url"])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skipped test is a failed test: CI must never pass by skipping."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which counts as a failure: {report.longrepr}"
