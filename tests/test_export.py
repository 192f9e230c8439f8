"""``python build.py export``: the zip a reader opens from disk, checked in a real browser."""
from __future__ import annotations

import os
import re
import pty
import subprocess
import sys
import zipfile

import pytest

from conftest import PROJECT
from generator.cli import main
from generator.commands.export import ExportRefused, export_site


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    """The seed project exported with the command a user types, then unzipped elsewhere."""
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("export"))
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "export", "--root", str(root)],
                            capture_output=True, text=True, encoding="utf-8", cwd=root, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    zip_path = root / "dist" / f"{root.name}-offline.zip"
    assert "Exported " in result.stdout and f"dist/{zip_path.name}" in result.stdout  # name and place printed
    assert f"open {root.name}-offline/index.html" in result.stdout
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert all(name.startswith(f"{root.name}-offline/") for name in names)  # one top folder
        assert not any("__serve__" in zf.read(n).decode("utf-8", "ignore") for n in names if n.endswith(".html"))
        target = tmp_path_factory.mktemp("unzipped")
        zf.extractall(target)
    return target / f"{root.name}-offline"


def test_the_export_holds_the_whole_built_site(unzipped):
    for path in ("index.html", "briefing.html", "search.html", "assets/style.css", "assets/search.js",
                 "search/meta.js", "data/articles.json"):
        assert (unzipped / path).is_file(), path
    assert len(list((unzipped / "articles").glob("*.html"))) == 5


def test_the_unzipped_site_works_from_disk_navigation_briefing_and_search(unzipped, browser):
    page = browser.new_page()
    failed, errors = [], []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto((unzipped / "index.html").as_uri())
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"  # the stylesheet loaded
        assert page.evaluate("document.querySelector('link[rel=icon]').href").startswith("file://")

        page.click(".site-nav a[href$='briefing.html']")
        page.wait_for_url("**/briefing.html")
        assert page.locator("h1").count() == 1
        assert page.locator("svg").count() >= 1  # the timeline and network charts

        page.go_back()
        page.locator("main a[href^='articles/']").first.click()
        page.wait_for_url("**/articles/*.html")
        assert page.locator("article p[id^='p']").count() >= 3

        page.fill("#site-search-input", "الكاظمي")
        page.press("#site-search-input", "Enter")
        page.wait_for_url("**/search.html?q=*")
        page.wait_for_function("() => document.querySelectorAll('[data-search-results] li').length === 5", timeout=20_000)
        page.locator("[data-search-results] a").first.click()
        page.wait_for_url("**/articles/*.html#p*")
    finally:
        page.close()
    assert failed == [] and errors == []


def test_export_refuses_to_write_into_the_site_or_over_a_file_that_is_not_a_zip(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html>")
    with pytest.raises(ExportRefused, match="inside output/"):
        export_site(site, site / "site.zip")
    notes = tmp_path / "notes.zip"
    notes.write_text("my notes, not a zip")
    with pytest.raises(ExportRefused, match="not a zip"):
        export_site(site, notes)
    assert notes.read_text() == "my notes, not a zip"
    assert export_site(site, tmp_path / "a.zip").files == 1


def test_colour_only_on_a_terminal(project):
    piped = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--root", str(project)],
                           capture_output=True, text=True, env={k: v for k, v in os.environ.items()
                                                                if k not in ("FORCE_COLOR", "NO_COLOR")})
    assert piped.returncode == 0 and "Built " in piped.stdout and "\033[" not in piped.stdout + piped.stderr

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    on_tty = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--root", str(project)],
                            stdout=follower, stderr=follower, env={**env, "TERM": "xterm"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert on_tty.returncode == 0 and re.search(rb"\x1b\[32m(Built |Up to date:)", shown)

    no_colour = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--root", str(project)],
                               capture_output=True, text=True, env={**env, "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\033[" not in no_colour.stdout


def test_main_exports_to_a_named_file(project, tmp_path, capsys):
    assert main(["export", "--root", str(project), "--to", str(tmp_path / "briefing.zip")]) == 0
    assert zipfile.is_zipfile(tmp_path / "briefing.zip")
    assert "briefing/index.html" in capsys.readouterr().out
