"""The preview server (``build.py serve``) under hostile or heavy use (issue 17), one row per case.

Each table row is a request a browser, a script or an attacker's page can send; the test under
the table sends it over a real socket to a real server on loopback (``build.py serve`` in a
process, as ``test_serve.py`` starts it, or the same handler in this process where a build must
be held) and asserts what comes back: the status, the words of the answer, and that the server
still answers the next request.

* Host: only requests naming the preview's own address are answered (DNS rebinding).
* Long names and URLs: 404 or 414 at once, never a traceback and a dropped connection.
* A burst of 200 clients at once: every one answered, none after a retry.
* During a build: a missing file is answered at once; only a missing site folder waits.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from bench.load import burst
from conftest import copy_project
from generator.config.site import load_config
from generator.pipeline import build
from generator.serve.http import PreviewServer, bind_server, make_handler
from generator.serve.hub import Hub
from generator.serve.rebuilder import Rebuilder
from test_serve import Served, served  # noqa: F401 — the real ``build.py serve`` of a project copy


@dataclass(frozen=True)
class Answer:
    status: int  # 0: the connection closed or failed without a status line
    head: str
    body: str
    error: str = ""  # what the socket raised, if it did


def exchange(port: int, request: bytes, timeout: float = 10.0) -> Answer:
    """``request`` sent as written (no client fills in a Host), the answer read to its end."""
    received, error = b"", ""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        try:
            conn.sendall(request)
            while chunk := conn.recv(65536):
                received += chunk
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc}"
    head, _, body = received.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    return Answer(status, head.decode("latin-1"), body.decode("utf-8", "replace"), error)


def get(port: int, target: str, hosts: tuple[str, ...] | None = None, method: str = "GET",
        version: str = "HTTP/1.1") -> Answer:
    """One request for ``target`` with these Host headers (None: the server's own address)."""
    hosts = (f"127.0.0.1:{port}",) if hosts is None else hosts
    lines = [f"{method} {target} {version}", *(f"Host: {h}" for h in hosts), "", ""]
    return exchange(port, "\r\n".join(lines).encode("latin-1"))


@contextlib.contextmanager
def preview_in_process(site: Path, bind: str = "127.0.0.1", hub: Hub | None = None) -> Iterator[PreviewServer]:
    """The preview's HTTP server on ``site``, in this process (where a test must hold a build)."""
    server = bind_server(bind, 0, make_handler(lambda: site, hub or Hub()), lambda line: None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def server_output(server: Served) -> str:
    """What the server printed so far."""
    while not server.lines.empty():
        server.log.append(server.lines.get())
    return "\n".join(server.log)


# --- Host: only the preview's own address is answered ---------------------------------------

@dataclass(frozen=True)
class HostCase:
    hosts: tuple[str, ...]  # the Host headers sent, "{port}" filled in
    status: int
    says: str  # in the answer's body, "{port}" filled in
    version: str = "HTTP/1.1"


ON_LOOPBACK = "this preview answers only at http://127.0.0.1:{port}/ (or [::1], localhost on that port)"
LOOPBACK_HOSTS = {
    # case                                 Host headers sent                                 status  the answer says
    "the address it listens on":           HostCase(("127.0.0.1:{port}",),                       200, 'dir="rtl"'),
    "localhost":                           HostCase(("localhost:{port}",),                       200, 'dir="rtl"'),
    "localhost in capitals":               HostCase(("LocalHost:{port}",),                       200, 'dir="rtl"'),
    "IPv6 loopback":                       HostCase(("[::1]:{port}",),                           200, 'dir="rtl"'),
    "HTTP/1.0 without Host":               HostCase((),                                          200, 'dir="rtl"', "HTTP/1.0"),
    "a foreign name":                      HostCase(("evil.example",),                           403, ON_LOOPBACK + ', not for "evil.example"'),
    "a foreign name with the port":        HostCase(("evil.example:{port}",),                    403, ON_LOOPBACK + ', not for "evil.example:{port}"'),
    "an own address inside a foreign name": HostCase(("127.0.0.1.evil.example:{port}",),         403, ON_LOOPBACK),
    "localhost inside a foreign name":     HostCase(("localhost.evil.example:{port}",),          403, ON_LOOPBACK),
    "a subdomain of localhost":            HostCase(("evil.localhost:{port}",),                  403, ON_LOOPBACK),
    "another port":                        HostCase(("127.0.0.1:1",),                            403, ON_LOOPBACK),
    "no port (only port 80 may omit it)":  HostCase(("127.0.0.1",),                              403, ON_LOOPBACK),
    "a network address":                   HostCase(("192.168.1.20:{port}",),                    403, ON_LOOPBACK),
    "credentials before the address":      HostCase(("evil@127.0.0.1:{port}",),                  403, ON_LOOPBACK),
    "an empty Host":                       HostCase(("",),                                       403, ON_LOOPBACK),
    "no Host on HTTP/1.1":                 HostCase((),                                          403, ON_LOOPBACK + ", not without a Host header"),
    "two Host headers":                    HostCase(("127.0.0.1:{port}", "evil.example:{port}"), 403, ON_LOOPBACK + ", not with several Host headers"),
}
# Every endpoint refuses a foreign Host: pages, missing pages, paths outside the site, the
# reload stream and the files the server adds to pages, whatever the method.
ENDPOINTS = ["/", "/index.html?q=1", "/no-such-page.html", "/../site.yaml", "/__serve__/events",
             "/__serve__/reload.js", "/__serve__/serve.css", "HEAD /", "POST /", "OPTIONS *"]


@pytest.mark.parametrize("case", list(LOOPBACK_HOSTS.values()), ids=list(LOOPBACK_HOSTS))
def test_only_requests_for_the_previews_own_address_are_answered(served, case):
    port = served.port
    answer = get(port, "/", tuple(h.format(port=port) for h in case.hosts), version=case.version)
    assert answer.status == case.status, answer
    assert case.says.format(port=port) in answer.body, answer.body[:300]
    if case.status == 403:
        assert "text/plain" in answer.head and "<" not in answer.body


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1.evil.example:{port}", None],
                         ids=["foreign name", "own address inside a foreign name", "no Host"])
def test_a_foreign_host_is_refused_at_every_endpoint(served, endpoint, host):
    method, _, target = endpoint.rpartition(" ")
    hosts = (host.format(port=served.port),) if host else ()
    answer = get(served.port, target, hosts, method or "GET")
    assert answer.status == 403, answer
    if method != "HEAD":
        assert ON_LOOPBACK.format(port=served.port) in answer.body
    assert get(served.port, "/").status == 200  # and the preview goes on answering its own address


def test_an_attackers_page_rebound_to_the_preview_cannot_read_it(served, browser):
    """DNS rebinding as a browser meets it: a page from evil.example, whose name then points at
    this machine, fetches its own origin, and so the preview. (The context's proxy plays the
    rebound name: every request for evil.example reaches the preview, naming evil.example.)"""
    origin = f"http://evil.example:{served.port}"
    context = browser.new_context(proxy={"server": f"http://127.0.0.1:{served.port}"})
    try:
        page = context.new_page()
        page.route(f"{origin}/attack.html", lambda route: route.fulfill(
            content_type="text/html", body="<!DOCTYPE html><title>attack</title><p>hello</p>"))
        page.goto(f"{origin}/attack.html")
        stolen = page.evaluate("""async () => {
            const answers = [];
            for (const path of ["/", "/data/articles.json", "/__serve__/events", "/__serve__/reload.js"]) {
                const response = await fetch(path);
                answers.push([path, response.status, (await response.text()).slice(0, 200)]);
            }
            return answers;
        }""")
    finally:
        context.close()
    for path, status, text in stolen:
        assert status == 403 and "this preview answers only at" in text, (path, status, text)


ON_NETWORK = "this preview answers only at this machine's addresses and names on port {port}"
NETWORK_HOSTS = {
    # case (listening on 0.0.0.0)          Host headers sent                     status  the answer says
    "loopback":                            HostCase(("127.0.0.1:{port}",),           200, 'dir="rtl"'),
    "localhost":                           HostCase(("localhost:{port}",),           200, 'dir="rtl"'),
    "an address on the network":           HostCase(("192.168.1.20:{port}",),        200, 'dir="rtl"'),
    "an IPv6 address":                     HostCase(("[fe80::1]:{port}",),           200, 'dir="rtl"'),
    "the machine's name":                  HostCase(("{hostname}:{port}",),          200, 'dir="rtl"'),
    "the machine's .local name":           HostCase(("{short}.local:{port}",),       200, 'dir="rtl"'),
    "a foreign name":                      HostCase(("evil.example:{port}",),        403, ON_NETWORK + ', not for "evil.example:{port}"'),
    "an address inside a foreign name":    HostCase(("192.168.1.20.evil.example:{port}",), 403, ON_NETWORK),
    "the machine's name inside another":   HostCase(("{short}.evil.example:{port}",), 403, ON_NETWORK),
    "an address, another port":            HostCase(("192.168.1.20:1",),             403, ON_NETWORK),
    "an address as one number":            HostCase(("3232235796:{port}",),          403, ON_NETWORK),
    "IPv6 without brackets":               HostCase(("fe80::1:{port}",),             403, ON_NETWORK),
    "no Host on HTTP/1.1":                 HostCase((),                              403, ON_NETWORK + ", not without a Host header"),
}


@pytest.fixture(scope="module")
def on_the_network(site_root) -> Iterator[PreviewServer]:
    """``--bind 0.0.0.0``: the preview shown to the network (asked here over loopback only)."""
    with preview_in_process(site_root / "output", bind="0.0.0.0") as server:
        yield server


@pytest.mark.parametrize("case", list(NETWORK_HOSTS.values()), ids=list(NETWORK_HOSTS))
def test_listening_on_the_network_answers_the_machines_addresses_and_names(on_the_network, case):
    port, hostname = on_the_network.server_address[1], socket.gethostname().lower()
    names = {"port": port, "hostname": hostname, "short": hostname.split(".")[0]}
    answer = get(port, "/", tuple(h.format(**names) for h in case.hosts))
    assert answer.status == case.status, answer
    assert case.says.format(**names) in answer.body, answer.body[:300]


# --- long names and URLs: answered at once, never a dropped connection ---------------------

TOO_LONG = "414 Request-URI Too Long: this preview answers URLs of up to 8,192 characters"
NOT_FOUND = 'dir="rtl"'  # the site's own 404 page
LONG_PATHS = {
    # case                                     request target                              status  the answer says
    "a 300-byte name":                         ("/" + "a" * 300,                              404, NOT_FOUND),
    "a 300-byte page name in Arabic":          ("/" + "%D8%A8" * 150 + ".html",               404, NOT_FOUND),
    "a 300-byte folder name":                  ("/" + "a" * 300 + "/index.html",              404, NOT_FOUND),
    "a 300-byte name in a folder of the site": ("/articles/" + "a" * 300 + ".html",           404, NOT_FOUND),
    "a 300-byte name with a query":            ("/" + "a" * 300 + "?q=1",                     404, NOT_FOUND),
    "a 300-byte name among the server's own":  ("/__serve__/" + "a" * 300,                    404, "Not found."),
    "a path longer than the system's 4,096":   ("/" + "a/" * 3000,                            404, NOT_FOUND),
    "a 10,000-character URL":                  ("/" + "a" * 10_000,                           414, TOO_LONG),
    "a 10,000-character query":                ("/?q=" + "a" * 10_000,                        414, TOO_LONG),
    "a 10,000-character event stream URL":     ("/__serve__/events?" + "a" * 10_000,          414, TOO_LONG),
    "past http.server's 65,536 (70,000)":      ("/" + "a" * 70_000,                           414, TOO_LONG),
    "a 10 MB URL, still being sent":           ("/" + "a" * 10_000_000,                       414, TOO_LONG),
}


@pytest.mark.parametrize("target, status, says", list(LONG_PATHS.values()), ids=list(LONG_PATHS))
def test_a_long_name_or_url_is_answered_and_the_server_goes_on(served, target, status, says):
    answer = get(served.port, target)
    assert (answer.status, answer.error) == (status, ""), answer
    assert says in answer.body, answer.body[:300]
    assert get(served.port, "/").status == 200  # the next request is answered
    assert "Traceback" not in server_output(served)


def test_a_bug_while_answering_costs_that_request_a_500_not_the_connection(site_root, monkeypatch, capsys):
    import generator.serve.http as serve_http

    def broken_inject(*args, **kwargs):
        raise RuntimeError("a bug in the preview")
    monkeypatch.setattr(serve_http, "inject", broken_inject)
    with preview_in_process(site_root / "output") as server:
        page = get(server.server_address[1], "/")
        stylesheet = get(server.server_address[1], "/assets/style.css")
    assert (page.status, page.error) == (500, ""), page
    assert "the preview server failed; the terminal where it runs says why" in page.body
    assert "RuntimeError: a bug in the preview" in capsys.readouterr().err
    assert stylesheet.status == 200


# --- a burst of clients: every one answered ----------------------------------------------

BURST = 200  # clients connecting at the same instant, as a page with its files in many tabs
BURST_TIMEOUT = 10.0  # seconds each client waits for its answer
BURST_SLOWEST = 3.0  # seconds the slowest may take: a connection the system dropped is retried after 1 s, then 3 s


@pytest.mark.parametrize("path", ["/", "/about.html"])
def test_a_burst_of_clients_is_answered_every_one(served, path):
    result = burst(served.port, BURST, path, BURST_TIMEOUT)
    print(f"\n{BURST} clients at once for {path}: {result.summary()}")
    assert result.failures == [], result.summary()
    assert len(result.seconds) == BURST and max(result.seconds) < BURST_SLOWEST and result.total < 30


# --- during a build: only a missing site folder waits --------------------------------------

AT_ONCE = 1.0  # seconds: a missing file waited for the build to end (up to 10 s) before issue 17
DURING_A_BUILD = {
    # case                                request target             status  the answer says
    "a missing page":                     ("/no-such-page.html",       404, NOT_FOUND),
    "a missing page in a folder":         ("/articles/no-such.html",   404, NOT_FOUND),
    "a missing folder":                   ("/no-such-folder/",         404, NOT_FOUND),
    "a missing stylesheet":               ("/assets/no-such.css",      404, NOT_FOUND),
    "a missing file of the server's":     ("/__serve__/no-such.js",    404, "Not found."),
    "a page that is there":               ("/",                        200, 'dir="rtl"'),
    "a name too long, during the build":  ("/" + "a" * 300,            404, NOT_FOUND),
}


@dataclass
class HeldBuild:
    port: int
    site: Path
    hub: Hub


@pytest.fixture(scope="module")
def held_build(tmp_path_factory) -> Iterator[HeldBuild]:
    """The preview of a built project, with its next build held after reading the seeds (as
    ``test_serve.py`` holds one) until the module's tests are done."""
    import generator.pipeline as pipeline

    project = copy_project(tmp_path_factory.mktemp("held"))
    hub = Hub()
    rebuilder = Rebuilder(project, lambda: load_config(project), hub, lambda line: None, build=build)
    assert rebuilder.build_now() is not None
    read, release, real_read_all = threading.Event(), threading.Event(), pipeline.read_all

    def read_all_then_wait(*args):
        found = real_read_all(*args)
        read.set()
        release.wait(120)
        return found
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "read_all", read_all_then_wait)
        rebuilder.start()
        try:
            with preview_in_process(project / "output", hub=hub) as server:
                rebuilder.poke("templates/base.html")
                assert read.wait(10) and not hub.idle.is_set()  # a build is running
                yield HeldBuild(server.server_address[1], project / "output", hub)
        finally:
            release.set()
            rebuilder.stop()


@pytest.mark.parametrize("target, status, says", list(DURING_A_BUILD.values()), ids=list(DURING_A_BUILD))
def test_during_a_build_a_request_is_answered_at_once(held_build, target, status, says):
    started = time.monotonic()
    answer = get(held_build.port, target)
    elapsed = time.monotonic() - started
    assert answer.status == status and says in answer.body, answer
    assert elapsed < AT_ONCE, f"answered after {elapsed:.2f} s"
    assert not held_build.hub.idle.is_set()  # the build was still running


def test_during_a_build_only_a_missing_site_folder_waits_and_then_the_page_is_served(held_build, tmp_path):
    """Between the two renames of a swap (where folders cannot be exchanged in one step) there
    is no site folder: the request waits for it, and gets the page, not a 404."""
    away = tmp_path / "output-mid-swap"
    held_build.site.rename(away)
    answers: list[Answer] = []
    asking = threading.Thread(target=lambda: answers.append(get(held_build.port, "/")))
    asking.start()
    time.sleep(0.3)
    assert asking.is_alive(), "answered while there was no site folder"
    back = time.monotonic()
    away.rename(held_build.site)
    asking.join(10)
    assert answers and answers[0].status == 200 and 'dir="rtl"' in answers[0].body, answers
    assert time.monotonic() - back < AT_ONCE
