"""``python build.py serve`` as a user runs it: a real process on a real port, real file edits,
the live-reload event stream read over HTTP, and a real browser reloading by itself."""
from __future__ import annotations

import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import PROJECT, copy_project
from generator.pipeline import Warm, build
from generator.search.plan import pagefind_bundle
from generator.write.writer import replace_subfolder
from generator.config.site import load_config
from generator.serve.http import Outside, site_file
from generator.serve.hub import Hub, inject
from generator.serve.rebuilder import Rebuilder
from generator.serve.watcher import relevant_change

RELOAD_BOUND = 10.0  # seconds from saving a file to the reload event, on a loaded 2-core CI machine


class Served:
    """A running ``build.py serve``: its project folder, address, and terminal output."""

    def __init__(self, root: Path, busy_port: int):
        self.root = root
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-u", str(PROJECT / "build.py"), "serve", "--root", str(root), "--port", str(busy_port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            env={**os.environ, "NO_COLOR": "1"})
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        line = self.wait_for(r"Serving output/ at http://127\.0\.0\.1:(\d+)/", 60)
        self.port = int(re.search(r":(\d+)/", line).group(1))

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.log.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} within {timeout} s; output so far:\n" + "\n".join(self.log))

    def rest(self) -> str:
        """Everything printed after the process ended."""
        self.reader.join(timeout=10)
        while not self.lines.empty():
            self.log.append(self.lines.get())
        return "\n".join(self.log)

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.putrequest("GET", path, skip_accept_encoding=True)  # sent as written, not normalised
        conn.endheaders()
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, body

    def events(self) -> "EventStream":
        return EventStream(self.port)


class EventStream:
    """The live-reload stream a tab listens to, read in the background."""

    def __init__(self, port: int):
        self.events: queue.Queue[tuple[str, str]] = queue.Queue()
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.request("GET", "/__serve__/events")
        self.response = self.conn.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"
        threading.Thread(target=self._read, daemon=True).start()
        kind, _ = self.next(10)
        assert kind == "hello"

    def _read(self) -> None:
        kind, data = "message", ""
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif not line and data:
                    self.events.put((kind, data))
                    kind, data = "message", ""
        except OSError:
            pass

    def next(self, timeout: float) -> tuple[str, str]:
        return self.events.get(timeout=timeout)

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The project served from a temporary copy. The default port's neighbour is taken first,
    so the server must say the port is busy and move on."""
    root = copy_project(tmp_path_factory.mktemp("serve"))
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    busy = blocker.getsockname()[1]
    server = Served(root, busy)
    yield server
    blocker.close()
    server.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
    assert server.proc.wait(timeout=20) == 0
    output = server.rest()
    assert "Traceback" not in output and output.endswith("Stopped.")
    assert not [p for p in root.glob(".output.*") if p.is_dir()], "a stopped server must not leave staging folders behind"


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def article_urls(root: Path) -> dict[str, str]:
    data = json.loads((root / "output" / "data" / "articles.json").read_text(encoding="utf-8"))
    return {a["source_file"]: a["url"] for a in data["articles"]}


def test_a_busy_port_is_reported_and_the_next_free_one_taken(served):
    busy_line = next(line for line in served.log if "busy" in line)
    assert re.search(r"Port (\d+) is busy; using (\d+) instead", busy_line)
    assert served.port != int(re.search(r"Port (\d+)", busy_line).group(1))
    status, body = served.get("/")
    assert status == 200 and 'dir="rtl"' in body


def test_editing_a_seed_serves_the_new_text_and_tells_open_tabs_to_reload(served):
    stream = served.events()
    seed = next(iter(sorted((served.root / "seeds").glob("*.txt"))))
    url = "/" + article_urls(served.root)[seed.name]
    text = seed.read_text(encoding="utf-8")
    paragraph = max(text.split("\n"), key=len)  # a long body line
    marker = "جملة مضافة للتحقق من إعادة البناء"
    pagefind_before = tree_bytes(served.root / "output" / "pagefind")
    saved = time.monotonic()
    seed.write_text(text.replace(paragraph, f"{paragraph} {marker}."), encoding="utf-8")

    kind, data = stream.next(RELOAD_BOUND)
    elapsed = time.monotonic() - saved
    stream.close()
    assert kind == "reload" and elapsed < RELOAD_BOUND
    message = json.loads(data)
    # first the edited article's own pages, before the full build (generator/serve/quick.py)
    assert not message["failed"] and url.lstrip("/") in message["changed"] and len(message["changed"]) == 3
    status, page = served.get(url)
    assert status == 200 and marker in page
    served.wait_for(r"changed → its page shown in [\d.]+ s; building the rest", 10)
    # the reload script is added by the server, never written into the site
    assert '<script src="/__serve__/reload.js"' in page
    assert "__serve__" not in (served.root / "output" / url.lstrip("/")).read_text(encoding="utf-8")
    # only the edited article was extracted again
    served.wait_for(r"changed → built in [\d.]+ s: \d+ file\(s\) changed, 1 article\(s\) extracted, 4 reused", 10)
    # and the search index follows, after the reload
    served.wait_for(r"search index updated in [\d.]+ s", 60)
    assert tree_bytes(served.root / "output" / "pagefind") != pagefind_before


def test_a_broken_template_shows_the_error_and_keeps_the_last_good_site(served):
    template = served.root / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    lines = good.split("\n")
    broken_line = next(i for i, line in enumerate(lines) if "{% block main %}" in line) + 1
    stream = served.events()
    template.write_text(good.replace("{% block main %}", "{% block main %}{% if %}", 1), encoding="utf-8")
    try:
        kind, data = stream.next(RELOAD_BOUND)
        assert kind == "reload" and json.loads(data)["failed"]
        served.wait_for(rf"templates/article\.html:{broken_line}: ", 10)  # the terminal names file and line
        url = "/" + next(iter(article_urls(served.root).values()))
        status, page = served.get(url)
        assert status == 200
        panel = re.search(r'<section class="serve-error".*?</section>', page, re.S).group(0)
        assert f"templates/article.html:{broken_line}" in panel and "Expected an expression" in panel
        assert '<article' in page  # the last good page is still there, under the error
    finally:
        template.write_text(good, encoding="utf-8")
    kind, data = stream.next(RELOAD_BOUND)
    stream.close()
    assert kind == "reload" and not json.loads(data)["failed"]
    status, page = served.get(url)
    assert status == 200 and "serve-error" not in page


@pytest.mark.parametrize("path", [
    "/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E%2Fsite.yaml", "/articles/../../site.yaml",
    "/articles/%2e%2e/%2e%2e/site.yaml", "//etc/passwd", "/%2Fetc%2Fpasswd", "/..%5csite.yaml",
    "/C:/Windows/win.ini", "/index.html%00.txt", "http://127.0.0.1/../site.yaml",
])
def test_the_server_refuses_paths_outside_the_site(served, path):
    status, body = served.get(path)
    assert status in (403, 404), (path, status)
    assert "base_url" not in body and "root:" not in body


@pytest.mark.parametrize("path, expected", [
    ("/", "index.html"), ("/index.html?q=x", "index.html"), ("/articles/", None),
    ("/%D8%A8%D8%AD%D8%AB.html", None), ("/assets/style.css", "assets/style.css"),
])
def test_request_paths_map_to_files_inside_the_site(tmp_path, path, expected):
    (tmp_path / "assets").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "index.html").write_text("x")
    (tmp_path / "assets" / "style.css").write_text("x")
    found = site_file(tmp_path, path)
    assert (found.relative_to(tmp_path).as_posix() if found else None) == expected


def test_a_symlink_out_of_the_site_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(Outside):
        site_file(site, "/link.txt")


def test_only_input_files_trigger_rebuilds_and_editor_scratch_files_do_not(tmp_path):
    inputs = (tmp_path / "site.yaml", tmp_path / "seeds", tmp_path / "content", tmp_path / "templates")
    assert relevant_change(tmp_path, inputs, tmp_path / "seeds" / "a.txt") == "seeds/a.txt"
    assert relevant_change(tmp_path, inputs, tmp_path / "site.yaml") == "site.yaml"
    assert relevant_change(tmp_path, inputs, tmp_path / "templates" / "static" / "style.css")
    for scratch in ("4913", "a.txt~", ".a.txt.swp", "#a.txt#", ".#a.txt"):
        assert relevant_change(tmp_path, inputs, tmp_path / "seeds" / scratch) is None
    assert relevant_change(tmp_path, inputs, tmp_path / "output" / "index.html") is None
    assert relevant_change(tmp_path, inputs, tmp_path / ".output.building-x" / "a.html") is None


def test_the_reload_script_goes_in_the_head_and_the_error_after_the_body_tag():
    page = b'<!DOCTYPE html><html><head><title>t</title></head><body class="x"><p>old</p></body></html>'
    assert inject(page, "b-1", ()).count(b"/__serve__/reload.js") == 1
    from generator.commands.failure import Failure
    served = inject(page, "b-2", (Failure("templates/a.html", 3, "Expected <an> expression"),)).decode()
    assert served.index("<head>") < served.index("reload.js") < served.index("</head>")
    assert served.index('<body class="x">') < served.index("serve-error") < served.index("<p>old</p>")
    assert "Expected &lt;an&gt; expression" in served  # the message is text, not markup


def test_a_warm_rebuild_after_an_edit_writes_what_a_cold_build_writes(project, tmp_path):
    """The incremental path must be an optimisation only: same bytes as building from scratch."""
    warm = Warm()
    config = load_config(project)
    build(config, warm)
    warm.defer_search = True  # as the preview does after its first build
    pagefind_before = tree_bytes(project / "output" / "pagefind")
    seed = sorted((project / "seeds").glob("*.txt"))[1]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("العراق", "العراق الشقيق", 1), encoding="utf-8")
    result = build(config, warm)
    assert result.extracted == 1 and result.articles == 5
    assert article_urls(project)[seed.name] in result.changed
    # the page is ready before the search index: the old bundle stays until the new one is swapped in
    assert result.search_pending and tree_bytes(project / "output" / "pagefind") == pagefind_before
    replace_subfolder(config.output_dir, "pagefind", pagefind_bundle(result.search_pending))
    cold = tmp_path / "cold"
    for part in ("seeds", "content", "templates"):
        shutil.copytree(project / part, cold / part)
    shutil.copy2(project / "site.yaml", cold / "site.yaml")
    build(load_config(cold))
    warm_files = {p.relative_to(project / "output"): p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    cold_files = {p.relative_to(cold / "output"): p.read_bytes() for p in (cold / "output").rglob("*") if p.is_file()}
    assert warm_files.keys() == cold_files.keys()
    assert [p for p in warm_files if warm_files[p] != cold_files[p]] == []


def test_only_tabs_whose_page_changed_reload_and_a_stylesheet_edit_applies_in_place(served, browser):
    page, other = browser.new_page(), browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{served.port}/briefing.html")
        page.evaluate("window.__sameDocument = true")
        stylesheet = served.root / "templates" / "static" / "style.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n",
                              encoding="utf-8")
        page.wait_for_function("() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'",
                               timeout=RELOAD_BOUND * 1000)
        assert page.evaluate("window.__sameDocument === true"), "a stylesheet change must not reload the page"

        seed = sorted((served.root / "seeds").glob("*.txt"))[2]
        text = seed.read_text(encoding="utf-8")
        paragraph = max(text.split("\n"), key=len)
        marker = "نص جديد يظهر في الصفحة المفتوحة"
        page.goto(f"http://127.0.0.1:{served.port}/" + article_urls(served.root)[seed.name])
        other.goto(f"http://127.0.0.1:{served.port}/about.html")  # no article edit changes it
        other.evaluate("window.__sameDocument = true")
        stream = served.events()
        seed.write_text(text.replace(paragraph, f"{paragraph} {marker}."), encoding="utf-8")
        page.wait_for_function(f"() => document.body.textContent.includes({json.dumps(marker)})",
                               timeout=RELOAD_BOUND * 1000)
        stream.next(RELOAD_BOUND)  # the quick pages
        stream.next(60)  # the full build
        stream.close()
        assert other.evaluate("window.__sameDocument === true"), "a tab whose page did not change must not reload"
    finally:
        page.close()
        other.close()


@pytest.mark.parametrize("requests_for, expected", [(0.0, (0.15, 0.6)), (0.5, (0.6, 1.4)), (10.0, (1.0, 1.6))])
def test_the_full_build_waits_until_reloading_tabs_are_served(requests_for, expected):
    """After the quick pages: 0.15 s without a request, at most 1 s here (2 s in serve)."""
    hub = Hub()
    until = time.monotonic() + requests_for

    def tab_requests() -> None:
        while time.monotonic() < until and not hub.closed.is_set():
            hub.last_request = time.monotonic()
            time.sleep(0.02)
    threading.Thread(target=tab_requests, daemon=True).start()
    started = time.monotonic()
    hub.wait_for_quiet(quiet=0.15, limit=1.0)
    hub.close()
    assert expected[0] <= time.monotonic() - started < expected[1]


def eventually(condition, seconds: float = 5.0) -> bool:
    """Whether ``condition()`` holds within ``seconds`` (what another thread does next)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_the_rebuilder_builds_once_for_a_burst_of_saves_and_reports_a_failed_build_without_stopping(tmp_path):
    """The rebuilder with a stub builder in place of the pipeline: five saves in a burst are one
    build; a build that raises is told to the hub and the terminal, and the next save builds."""
    from generator.errors import BuildError
    from generator.pipeline import BuildResult, no_progress
    from generator.serve.rebuilder import QUIET

    calls: list[tuple[object, object]] = []

    def stub_build(config, warm, progress):
        calls.append((config, progress))
        if len(calls) == 2:
            raise BuildError("the stub builder failed")
        return BuildResult(output_dir=tmp_path, articles=1, pages=1, files=1, unchanged=0, skipped=0,
                           problems=(), seconds=0.01, changed=("index.html",))

    config, said, hub = object(), [], Hub()
    tab = hub.listen()
    rebuilder = Rebuilder(tmp_path, lambda: config, hub, said.append, build=stub_build)
    rebuilder.start()
    try:
        for n in range(5):
            rebuilder.poke(f"seeds/{n}.txt")
            time.sleep(QUIET / 10)
        first = json.loads(tab.get(timeout=5))
        time.sleep(QUIET * 3)
        assert len(calls) == 1 and calls[0] == (config, no_progress), "one build for the burst"
        assert not first["failed"] and first["changed"] == ["index.html"]
        assert eventually(lambda: any("seeds/0.txt, seeds/1.txt, seeds/2.txt and 2 more changed → built in" in line
                                      for line in said))

        rebuilder.poke("templates/base.html")
        failed = json.loads(tab.get(timeout=5))
        assert failed["failed"] and [f.message for f in hub.failures] == ["the stub builder failed"]
        # the terminal is told after the tabs are: wait for it, as a loaded machine may make us
        assert eventually(lambda: "  the stub builder failed" in said)
        assert any("build failed" in line and "still serving the last good site" in line for line in said)
        assert eventually(hub.idle.is_set)

        rebuilder.poke("templates/base.html")  # the rebuilder is still there, and builds again
        fixed = json.loads(tab.get(timeout=5))
        assert not fixed["failed"] and hub.failures == () and len(calls) == 3
    finally:
        rebuilder.stop()
        hub.close()


def test_an_article_saved_during_a_build_is_shown_at_once_and_not_undone_by_that_build(project, monkeypatch):
    """The build reads the seeds, then the article is saved: its quick pages come from the
    second thread while the build runs, and the build, which has the old text, must not put
    the old page back when it swaps its output in."""
    import generator.pipeline as pipeline
    from generator import urls

    hub = Hub()
    rebuilder = Rebuilder(project, lambda: load_config(project), hub, lambda line: None, build=build)
    assert rebuilder.build_now() is not None
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    page = project / "output" / urls.article_path(rebuilder.warm.site.slugs[seed.name])
    marker = "جملة حفظت في أثناء البناء الكامل"
    announced: list[tuple[tuple[str, ...], bool]] = []  # (changed, does the page hold the edit then?)
    real_finished, real_read_all = hub.finished, pipeline.read_all
    read, release = threading.Event(), threading.Event()

    def finished(changed, failures):
        announced.append((tuple(changed), marker in page.read_text(encoding="utf-8")))
        real_finished(changed, failures)

    def read_all_then_wait(*args):
        found = real_read_all(*args)
        if not read.is_set():  # the first build only: it holds the text from before the save
            read.set()
            release.wait(30)
        return found

    monkeypatch.setattr(hub, "finished", finished)
    monkeypatch.setattr(pipeline, "read_all", read_all_then_wait)
    rebuilder.start()
    try:
        rebuilder.poke("templates/base.html")  # something starts a build
        assert read.wait(10)
        seed.write_text(seed.read_text(encoding="utf-8") + f"\n{marker}.\n", encoding="utf-8")
        rebuilder.poke(f"seeds/{seed.name}")
        deadline = time.monotonic() + 10
        while marker not in page.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker in page.read_text(encoding="utf-8"), "no quick page while the build ran"
        release.set()
        deadline = time.monotonic() + 60
        while (len(announced) < 3 or rebuilder._pending or not hub.idle.is_set()) and time.monotonic() < deadline:
            time.sleep(0.05)  # the held build, then the build of the save
    finally:
        release.set()
        rebuilder.stop()
    assert page.relative_to(project / "output").as_posix() in announced[0][0]  # the quick pages, first
    assert [holds for changed, holds in announced if page.relative_to(project / "output").as_posix() in changed] \
        and all(holds for changed, holds in announced if page.relative_to(project / "output").as_posix() in changed)
    assert marker in page.read_text(encoding="utf-8")
