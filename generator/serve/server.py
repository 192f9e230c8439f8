"""``python build.py serve``: the site on 127.0.0.1, rebuilt on save, open tabs reloaded.

Three threads and one shared ``Hub``:

* the HTTP server (stdlib ``ThreadingHTTPServer``) serves ``output/`` as the build left it,
  injecting into each HTML response a small reload script (and, after a failed build, the
  error) — ``output/`` itself never contains either;
* a watchdog observer turns file events under the project's inputs into ``Rebuilder.poke``;
* the rebuilder waits until saves stop for ``QUIET`` seconds, rebuilds with a ``Warm`` state
  (unchanged articles are not re-extracted, templates stay compiled, unchanged files are not
  rewritten) and tells the hub, which tells every open tab over Server-Sent Events.

A failed build changes nothing in ``output/`` (the writer swaps only complete sites), so
the last good site keeps being served, with the error laid over it.

Only requests naming the preview's own address in their ``Host`` header are answered
(``Hosts``): a page elsewhere whose name an attacker points at 127.0.0.1 (DNS rebinding) gets
403, not the unpublished site.
"""
from __future__ import annotations

import errno
import functools
import gc
import html
import ipaddress
import json
import mimetypes
import queue
import re
import signal
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..commands.failure import Failure, describe_failure
from ..config.site import CONFIG_FILE, Config, load_config
from ..pipeline import BuildResult, Warm, build, no_progress, pagefind_bundle
from ..search import index as search
from ..terminal import paint, printable, progress_bar
from ..write.writer import WriteFailed, replace_subfolder
from .quick import show_edited_articles

SERVE_PREFIX = "/__serve__/"  # the preview's own URLs; no site path starts with "__"
EVENTS_URL = SERVE_PREFIX + "events"
SCRIPT_URL = SERVE_PREFIX + "reload.js"
STYLE_URL = SERVE_PREFIX + "serve.css"
CHANGED_LISTED = 200  # paths named in a reload message; a tab reloads whenever more changed
REQUESTS_QUIET, REQUESTS_WAIT = 0.15, 2.0  # after the quick pages: let reloading tabs be served first
SWITCH_INTERVAL = 0.001  # seconds a thread may hold the interpreter while another waits (Python's default: 0.005)
QUIET = 0.1  # seconds without a save before rebuilding: editors write a file in several steps
MAX_WAIT = 1.0  # …but never wait longer than this after the first save of a burst
PORT_TRIES = 20
KEEPALIVE = 10.0  # seconds between comments on an idle event stream (finds closed tabs)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})  # as a Host header names them
MAX_URL = 8192  # characters of a request's target, as most servers allow (Apache: 8190)
BACKLOG = max(socket.SOMAXCONN, 1024)  # connections waiting to be accepted (the system caps it: Linux 4096)
REQUEST_TIMEOUT = 30.0  # seconds a connection may stay silent before it is closed
SWAP_WAIT, SWAP_POLL = 10.0, 0.01  # seconds a request waits for a site folder missing mid-build; how often it looks
LINGER = 2.0  # seconds reading what a refused client still sends, so that it gets the answer
ERROR_EXPLAINED = {HTTPStatus.REQUEST_URI_TOO_LONG: f"this preview answers URLs of up to {MAX_URL:,} characters"}
HOST_RE = re.compile(r"(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::([0-9]{1,5}))?")
# Editors' scratch files: saving "a.txt" in vim also touches "4913", "a.txt~", ".a.txt.swp".
SCRATCH_RE = re.compile(r"^(?:\.|#|4913$)|(?:~|\.sw[a-p]|\.tmp|\.part|\.crdownload)$")
STATIC = Path(__file__).resolve().parent / "static"


class Hub:
    """What the server knows about the builds: the last failure, and the tabs to tell."""

    def __init__(self) -> None:
        self.boot = format(time.time_ns() // 1_000_000, "x")  # a restarted server is a new build too
        self.generation = 0  # bumped on every build that changed something
        self.failures: tuple[Failure, ...] = ()
        self.idle = threading.Event()  # set while no build runs (the site folder may be mid-swap)
        self.idle.set()
        self.closed = threading.Event()
        self.last_request = 0.0  # time.monotonic() of the last page or file asked for
        self._listeners: set[queue.Queue] = set()
        self._lock = threading.Lock()

    def listen(self) -> queue.Queue:
        q: queue.Queue = queue.Queue()
        with self._lock:
            self._listeners.add(q)
        return q

    def leave(self, q: queue.Queue) -> None:
        with self._lock:
            self._listeners.discard(q)

    @property
    def build_id(self) -> str:
        """Which build the site is at: the pages carry it, a reconnecting tab compares it."""
        return f"{self.boot}-{self.generation}"

    def finished(self, changed: tuple[str, ...], failures: tuple[Failure, ...]) -> None:
        """A build ended: tabs reload when something they might show changed."""
        was_failing = bool(self.failures)
        self.failures = failures
        if not changed and not failures and not was_failing:
            return  # a save that changed nothing built: nothing to reload
        self.generation += 1
        message = json.dumps({"build": self.build_id, "changed": list(changed[:CHANGED_LISTED]),
                              "more": len(changed) > CHANGED_LISTED, "failed": bool(failures)})
        with self._lock:
            for q in self._listeners:
                q.put(message)

    def wait_for_quiet(self, quiet: float = REQUESTS_QUIET, limit: float = REQUESTS_WAIT) -> None:
        """Return once nothing has been asked for in ``quiet`` seconds since this call (at most
        ``limit``): the tabs reloading after the quick pages are answered before the full build
        takes the interpreter (a build thread holding the GIL slows every response)."""
        start = time.monotonic()
        while not self.closed.is_set():
            now = time.monotonic()
            calm = now - max(self.last_request, start)
            if calm >= quiet or now - start >= limit:
                return
            time.sleep(min(quiet - calm, limit - (now - start)))

    def close(self) -> None:
        self.closed.set()
        with self._lock:
            for q in self._listeners:
                q.put(None)


# --- serving -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hosts:
    """The ``Host`` headers the preview answers, all with its port (without one: port 80).

    * Listening on loopback (the default): ``127.0.0.1``, ``localhost``, ``[::1]`` (and the
      loopback address given to ``--bind``) only.
    * Listening elsewhere (``--bind 0.0.0.0``, ``::`` or one address): those, any IP address
      literal (``192.168.1.20``, ``[fe80::1]``), and this machine's name as
      ``socket.gethostname()`` gives it, its first label and ``<first label>.local``.

    DNS rebinding needs a name its attacker controls; an address literal is never resolved, so
    it reaches this server only when it is one of the machine's own (or forwarded to it), and
    accepting every literal keeps port forwarding and virtual machines working. Names are
    compared case-insensitively, as written (``localhost.`` or ``a.localhost`` are refused).
    A request without Host is refused from HTTP/1.1 on; an HTTP/1.0 one (never a browser's)
    is answered.
    """
    port: int
    names: frozenset[str]
    any_address: bool
    shown: str = "127.0.0.1"  # the address named in the refusal

    def allows(self, host: str) -> bool:
        match = HOST_RE.fullmatch(host.strip().lower())
        if not match or int(match[2] or 80) != self.port:
            return False
        return match[1] in self.names or (self.any_address and _is_address(match[1]))

    def refusal(self, hosts: list[str]) -> str:
        """Why a request naming ``hosts`` (its Host headers) gets no answer."""
        if self.any_address:
            where = f"this machine's addresses and names on port {self.port}"
        else:
            others = ", ".join(sorted(LOOPBACK_HOSTS - {self.shown}))
            where = f"http://{self.shown}:{self.port}/ (or {others} on that port)"
        asked = ("without a Host header" if not hosts else "with several Host headers" if len(hosts) > 1
                 else "for " + json.dumps(_printable(hosts[0])))
        return f"this preview answers only at {where}, not {asked}"


def preview_hosts(address: tuple) -> Hosts:
    """The ``Hosts`` of a server listening on ``address`` (its ``server_address``)."""
    if ipaddress.ip_address(address[0]).is_loopback:
        shown = f"[{address[0]}]" if ":" in address[0] else address[0]
        return Hosts(address[1], LOOPBACK_HOSTS | {shown}, any_address=False, shown=shown)
    return Hosts(address[1], LOOPBACK_HOSTS | machine_names(), any_address=True)


@functools.cache
def machine_names() -> frozenset[str]:
    name = socket.gethostname().lower().rstrip(".")
    first = name.split(".")[0]
    return frozenset({name, first, f"{first}.local"} - {"", ".local"})


def _is_address(name: str) -> bool:
    """An IPv4 literal, or a bracketed IPv6 one, as a Host header writes them."""
    try:
        if name.startswith("["):
            ipaddress.IPv6Address(name[1:-1])
        else:
            ipaddress.IPv4Address(name)
    except ValueError:
        return False
    return True


def _printable(text: str, limit: int = 80) -> str:
    shown = "".join(c if " " <= c <= "~" else "?" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


class Outside(Exception):
    """A request path that would leave the site folder."""


def site_file(site: Path, request_path: str) -> Path | None:
    """The file a URL path names inside ``site``, None when there is none. Raises ``Outside``
    for any path that tries to leave it: "..", encoded or not, absolute or backslashed paths,
    NUL bytes, and symlinks pointing out."""
    path = unquote(request_path.split("?", 1)[0].split("#", 1)[0], errors="strict")
    if not path.startswith("/") or "\\" in path or "\x00" in path:
        raise Outside(request_path)
    parts = path[1:].split("/")
    if any(part in ("..", ".") for part in parts) or "" in parts[:-1] or re.match(r"^[A-Za-z]:", parts[0]):
        raise Outside(request_path)
    target = site.joinpath(*[p for p in parts if p])
    try:
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return None
        inside = target.resolve().is_relative_to(site.resolve())
    except OSError:  # a name longer than the file system allows (ENAMETOOLONG), an unreadable folder…
        return None  # …names no file that could be served
    if not inside:
        raise Outside(request_path)
    return target


def find_site_file(site: Path, request_path: str, hub: Hub) -> Path | None:
    """``site_file``, waiting only when a file that exists may not be seen: while a build runs
    and the site folder itself is missing (between the two renames of a swap where the system
    cannot exchange two folders in one step, or a deleted ``output/`` the build makes again).
    A file missing from a site folder that is there is missing, and answered so at once."""
    target = site_file(site, request_path)
    if target is None and not site.is_dir():
        deadline = time.monotonic() + SWAP_WAIT
        while not site.is_dir() and time.monotonic() < deadline and not hub.idle.wait(SWAP_POLL):
            pass
        target = site_file(site, request_path)
    return target


def read_file(path: Path | None) -> bytes | None:
    """The file's bytes; None when it cannot be read, as when a build swapped the site since it
    was found."""
    try:
        return path.read_bytes() if path else None
    except OSError:
        return None


def inject(page: bytes, build_id: str, failures: tuple[Failure, ...], site_path: str = "") -> bytes:
    """The page as served by the preview: the reload script, and the error when the last build
    failed. Scripts and styles are separate files, so a strict Content-Security-Policy allows them.
    ``site_path``: the file served, so the tab reloads only when it changes ("": on every build)."""
    head = (f'<script src="{SCRIPT_URL}" data-build="{build_id}" data-path="{html.escape(site_path)}" defer></script>'
            f'<link rel="stylesheet" href="{STYLE_URL}">').encode()
    page = _insert_before(page, b"</head>", head)
    if failures:
        body = re.search(rb"<body[^>]*>", page, re.IGNORECASE)
        at = body.end() if body else 0
        page = page[:at] + error_panel(failures).encode("utf-8") + page[at:]
    return page


def error_panel(failures: tuple[Failure, ...]) -> str:
    items = "".join(
        f'<li><code class="serve-error__where">{html.escape(f.where or "build")}</code> '
        f"<span>{html.escape(f.message)}</span></li>" for f in failures)
    return (f'<section class="serve-error" role="alert" lang="en" dir="ltr">'
            f"<h2>Build failed — showing the last good site</h2><ul>{items}</ul>"
            f"<p>Fix the file and save: this page reloads by itself.</p></section>")


def error_page() -> bytes:
    """Served for every page while no build has ever succeeded (``inject`` adds the error)."""
    return (b'<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
            b"<title>Build failed</title></head><body><p>No site has been built yet.</p></body></html>")


def _insert_before(page: bytes, marker: bytes, text: bytes) -> bytes:
    at = page.lower().rfind(marker)
    return page[:at] + text + page[at:] if at >= 0 else text + page


def make_handler(site_dir: Callable[[], Path], hub: Hub) -> type[BaseHTTPRequestHandler]:
    """``site_dir``: the output folder of the current configuration (site.yaml may move it)."""
    class PreviewHandler(BaseHTTPRequestHandler):
        server_version = "briefing-preview"
        timeout = REQUEST_TIMEOUT  # a client that connects and says nothing does not keep a thread
        error_content_type = "text/plain; charset=utf-8"  # what http.server itself refuses, too
        error_message_format = "%(code)d %(message)s: %(explain)s\n"

        def parse_request(self) -> bool:
            """Every request passes here before any endpoint (pages, the event stream, the
            server's own files): one for another Host is refused whatever it asks for. Before
            HTTP/1.1 a request may have no Host; a browser always sends one."""
            if not super().parse_request():
                return False
            hosts, allowed = self.headers.get_all("Host", []), self.server.hosts
            if (hosts or self.request_version >= "HTTP/1.1") and not (len(hosts) == 1 and allowed.allows(hosts[0])):
                self.send_error(HTTPStatus.FORBIDDEN, explain=allowed.refusal(hosts))
                return False
            if len(self.path) > MAX_URL:  # http.server's own limit is 65,536 for the whole line
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return False
            return True

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            self.refused = True  # the request may not have been read to its end
            super().send_error(code, message, explain or ERROR_EXPLAINED.get(code))

        def finish(self) -> None:
            super().finish()
            if getattr(self, "refused", False) or _unread(self.connection):
                linger(self.connection)

        def handle_one_request(self) -> None:
            """A bug in answering costs that request a 500, not the connection."""
            self.answering = False
            try:
                super().handle_one_request()
            except (ConnectionError, TimeoutError):
                raise  # the client left: PreviewServer.handle_error lets it go quietly
            except Exception:
                traceback.print_exc()
                if not self.answering:  # nothing sent yet: the client can still be told
                    self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR,
                                    explain="the preview server failed; the terminal where it runs says why")
                self.close_connection = True

        def send_response(self, code: int, message: str | None = None) -> None:
            self.answering = True
            super().send_response(code, message)

        def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
            self.respond(send_body=False)

        def do_GET(self) -> None:  # noqa: N802
            if self.path.split("?")[0] == EVENTS_URL:
                self.stream_events()
            else:
                self.respond(send_body=True)

        def respond(self, send_body: bool) -> None:
            hub.last_request = time.monotonic()
            path = self.path.split("?")[0].split("#")[0]
            if path.startswith(SERVE_PREFIX):
                return self.send_static(path[len(SERVE_PREFIX):], send_body)
            site = site_dir()
            try:
                target = find_site_file(site, self.path, hub)
            except (Outside, UnicodeDecodeError):
                return self.send(HTTPStatus.FORBIDDEN, b"Refused: that path is outside the site.\n",
                                 "text/plain; charset=utf-8", send_body)
            status, data = HTTPStatus.OK, read_file(target)
            if data is None:
                target = site_file(site, "/404.html")
                status, data = HTTPStatus.NOT_FOUND, read_file(target)
            if data is None:  # no site at all yet
                if hub.failures:
                    return self.send(HTTPStatus.INTERNAL_SERVER_ERROR, inject(error_page(), hub.build_id, hub.failures),
                                     "text/html; charset=utf-8", send_body)
                return self.send(HTTPStatus.NOT_FOUND, b"Not found.\n", "text/plain; charset=utf-8", send_body)
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                shown = target.relative_to(site).as_posix() if status == HTTPStatus.OK else ""
                data = inject(data, hub.build_id, hub.failures, shown)
            if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
                kind += "; charset=utf-8"
            self.send(status, data, kind, send_body)

        def send_static(self, name: str, send_body: bool) -> None:
            files = {"reload.js": "text/javascript", "serve.css": "text/css"}
            if name not in files:
                return self.send(HTTPStatus.NOT_FOUND, b"Not found.\n", "text/plain; charset=utf-8", send_body)
            self.send(HTTPStatus.OK, (STATIC / name).read_bytes(), files[name] + "; charset=utf-8", send_body)

        def send(self, status: HTTPStatus, data: bytes, kind: str, send_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")  # a reload must show the new build
            self.end_headers()
            if send_body:
                self.wfile.write(data)

        def stream_events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            q = hub.listen()
            try:
                self.wfile.write(f"retry: 1000\nevent: hello\ndata: {hub.build_id}\n\n".encode())
                self.wfile.flush()
                while not hub.closed.is_set():
                    try:
                        message = q.get(timeout=KEEPALIVE)
                    except queue.Empty:
                        self.wfile.write(b": keep-alive\n\n")
                    else:
                        if message is None:
                            break
                        self.wfile.write(f"event: reload\ndata: {message}\n\n".encode())
                    self.wfile.flush()
            except OSError:
                pass  # the tab was closed
            finally:
                hub.leave(q)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            pass  # a request log would drown the build messages

    return PreviewHandler


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # event streams never block Ctrl-C
    # socketserver's default backlog, 5, drops the connections of a burst beyond it (a page
    # and its files, or many tabs reloading at once): their clients retry after 1 s, 3 s, 7 s…
    request_queue_size = BACKLOG
    hosts: Hosts

    def server_bind(self) -> None:
        super().server_bind()
        self.hosts = preview_hosts(self.server_address)  # the port is known once bound (--port 0)

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a client that left is no error of ours


def _unread(conn: socket.socket) -> bool:
    """Whether the client has sent more than was read (a request body, say)."""
    try:
        conn.setblocking(False)
        return bool(conn.recv(1, socket.MSG_PEEK))
    except OSError:  # BlockingIOError: nothing waiting
        return False
    finally:
        conn.setblocking(True)


def linger(conn: socket.socket) -> None:
    """Read and drop what the client still sends, for at most ``LINGER`` seconds, before the
    socket is closed: closing it with input unread resets the connection, and a client still
    sending (a long URL) would lose the answer it was given."""
    deadline = time.monotonic() + LINGER
    try:
        conn.shutdown(socket.SHUT_WR)
        while (left := deadline - time.monotonic()) > 0:
            conn.settimeout(left)
            if not conn.recv(65536):
                return
    except OSError:
        pass


class PreviewServer6(PreviewServer):
    address_family = socket.AF_INET6


def bind_server(host: str, port: int, handler: type[BaseHTTPRequestHandler],
                say: Callable[[str], None]) -> PreviewServer:
    """The server on ``port``, or on the next free port (saying so) when it is taken."""
    last_error: OSError | None = None
    for candidate in range(port, port + PORT_TRIES) if port else [0]:
        try:
            server = (PreviewServer6 if ":" in host else PreviewServer)((host, candidate), handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            last_error = exc
            continue
        if candidate != port and port:
            say(paint(f"Port {port} is busy; using {candidate} instead.", "warn"))
        return server
    raise OSError(errno.EADDRINUSE, f"ports {port}–{port + PORT_TRIES - 1} are all busy; "
                                    f"choose another with --port") from last_error


# --- watching and rebuilding ---------------------------------------------------------------

class Rebuilder:
    """Runs builds one at a time, after saves have settled. An article saved while a build
    runs gets its quick pages at once from a second thread (``_run_quick``), and again when
    that build has swapped its output in (it started from the text before the save)."""

    def __init__(self, root: Path, load: Callable[[], Config], hub: Hub, say: Callable[[str], None]):
        self.root, self.load, self.hub, self.say = root, load, hub, say
        self.warm = Warm()
        self._cond = threading.Condition()
        self._pending: list[str] = []
        self._during: list[str] = []  # saves while a build runs, for the quick-pages thread
        self._building = False
        self._first = self._last = self._during_first = 0.0
        self._stopping = False
        self._warned: set[str] = set()  # the warnings already printed
        self._latest_search = ""  # fingerprint of the search documents awaiting their Pagefind bundle
        self._search_lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="rebuilder", daemon=True)
        self.quick_thread = threading.Thread(target=self._run_quick, name="quick-pages", daemon=True)

    def start(self) -> None:
        self.thread.start()
        self.quick_thread.start()

    def poke(self, shown_path: str) -> None:
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._last = now
            if shown_path not in self._pending:
                self._pending.append(shown_path)
            if self._building:
                if not self._during:
                    self._during_first = now
                if shown_path not in self._during:
                    self._during.append(shown_path)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.thread.is_alive():
            self.thread.join()  # a build in progress finishes (or fails) cleanly: no half-written site
        if self.quick_thread.is_alive():
            self.quick_thread.join()

    def build_now(self, reason: str = "") -> BuildResult | None:
        """One build, reported to the terminal and the hub; None when it failed."""
        self.hub.idle.clear()
        started = time.perf_counter()
        gc.unfreeze()
        with self._cond:
            self._building = True
        try:
            config = self.load()
            result = build(config, self.warm, progress_bar if not reason else no_progress)
        except Exception as exc:  # any failure must leave the server up, showing it
            with self._cond:
                self._building, self._during = False, []  # the saves wait in _pending for the next build
            failures = describe_failure(exc, self.root)
            if any(f.bug for f in failures):
                traceback.print_exc()
            self.hub.idle.set()
            self.hub.finished((), failures)
            self.say(paint(f"{_stamp()}{reason}build failed after {time.perf_counter() - started:.2f} s; "
                           "still serving the last good site:", "error"))
            for failure in failures:
                self.say(f"  {failure}")
            return None
        # What the build keeps (the corpus: millions of objects on a large one) is left out of
        # the collector's full passes until the next build, so none pauses the next quick pages.
        gc.freeze()
        with self._cond:
            self._building, self._during = False, []
            saved_meanwhile = list(self._pending)  # the next build's; this one has their old text
        again = self.quick_pages(saved_meanwhile) if saved_meanwhile else ()
        self.hub.idle.set()
        self.hub.finished(tuple(dict.fromkeys((*result.changed, *again))), ())
        self.say(f"{_stamp()}{reason}" + paint(rebuild_summary(result), "ok"))
        self.warm.defer_search = True  # from now on the reload never waits for Pagefind
        with self._search_lock:  # any index still being made for an older build is now stale
            self._latest_search = result.search_fingerprint if result.search_pending else ""
        if result.search_pending:
            threading.Thread(target=self._refresh_search, args=(config, result.search_pending, result.search_fingerprint),
                             name="search-index", daemon=True).start()
        warnings = [str(p) for p in result.problems]
        for warning in warnings:
            if warning not in self._warned:  # each warning once, not again on every save
                self.say(paint(f"  {warning}", "warn"))
        self._warned = set(warnings)
        return result

    def show_edited_articles(self, changed: list[str], reason: str, then: str = "building the rest") -> None:
        """When only articles changed: their own pages (quick.py), so the tab showing one
        reloads at once; then, once the reloading tabs are served, the full build may start."""
        started = time.perf_counter()
        written = self.quick_pages(changed)
        if written:
            self.hub.finished(written, ())
            self.say(f"{_stamp()}{reason}its page shown in {time.perf_counter() - started:.2f} s; {then}")
            self.hub.wait_for_quiet()

    def quick_pages(self, changed: list[str]) -> tuple[str, ...]:
        """The site paths ``quick.show_edited_articles`` wrote for these saves; () when it does not apply."""
        if self.hub.failures or self.warm.site is None:
            return ()  # after a failed build, only a full one says whether it is fixed
        try:
            paths = [self.root / c for c in changed]  # an absolute path stays as it is
            return show_edited_articles(self.warm.site, paths, self.warm.page_digests)
        except WriteFailed:
            return ()  # the full build that follows says what to do
        except Exception:  # noqa: BLE001 — a bug here must not cost the full build that follows
            traceback.print_exc()
            return ()

    def _refresh_search(self, config: Config, docs: tuple, fingerprint: str) -> None:
        """Make the Pagefind bundle the last build deferred and swap it in, unless a newer build
        has superseded it by then."""
        started = time.perf_counter()
        try:
            bundle = pagefind_bundle(docs, background=True)  # the next edit's reload comes first
            with self._search_lock:
                if fingerprint != self._latest_search:
                    return
                self.warm.search_bundles = {fingerprint: bundle}
                if not replace_subfolder(config.output_dir, search.PAGEFIND_DIR, bundle):
                    return  # a newer build replaced output/ meanwhile; its own index follows
                self._latest_search = ""
        except Exception as exc:  # the site is still served, with the previous search index
            self.say(paint(f"{_stamp()}search index not updated: {exc}", "error"))
            return
        self.say(f"{_stamp()}search index updated in {time.perf_counter() - started:.2f} s")

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._settled(lambda: self._pending, lambda: self._first):
                    return
                changed, self._pending = self._pending, []
                self._building = True  # from here: a save gets quick pages from _run_quick
            self.show_edited_articles(changed, f"{_listed(changed)} changed → ")
            self.build_now(f"{_listed(changed)} changed → ")

    def _run_quick(self) -> None:
        """Quick pages for the articles saved while a build runs (``_run`` is busy with it)."""
        while True:
            with self._cond:
                if not self._settled(lambda: self._during, lambda: self._during_first):
                    return
                changed, self._during = self._during, []
            self.show_edited_articles(changed, f"{_listed(changed)} changed → ", "built after the current build")

    def _settled(self, saves: Callable[[], list[str]], first: Callable[[], float]) -> bool:
        """With the condition held: wait for saves, then for QUIET after the last (at most
        MAX_WAIT after the first); False when the server is stopping."""
        while not saves() and not self._stopping:
            self._cond.wait()
        while not self._stopping:
            wait = min(self._last + QUIET, first() + MAX_WAIT) - time.monotonic()
            if wait <= 0:
                break
            self._cond.wait(wait)
        return not self._stopping


def _listed(changed: list[str]) -> str:
    """The saved files, as the terminal may show them (a name's control characters escaped)."""
    return printable(", ".join(changed[:3])) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")


def rebuild_summary(result: BuildResult) -> str:
    reused = result.articles - result.extracted
    return (f"built in {result.seconds:.2f} s: {len(result.changed)} file(s) changed, "
            f"{result.extracted} article(s) extracted, {reused} reused")


def _stamp() -> str:
    return time.strftime("[%H:%M:%S] ")


class InputWatcher(FileSystemEventHandler):
    """Turns file events under the project's inputs into rebuilds; ignores everything else."""

    def __init__(self, root: Path, inputs: Callable[[], tuple[Path, ...]], rebuilder: Rebuilder):
        self.root, self.inputs, self.rebuilder = root, inputs, rebuilder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "modified", "deleted", "moved", "closed"):
            return  # "opened", "closed_no_write": reads, not changes
        if event.is_directory and event.event_type == "modified":
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            shown = relevant_change(self.root, self.inputs(), Path(str(path))) if path else None
            if shown:
                self.rebuilder.poke(shown)
                return


def relevant_change(root: Path, inputs: tuple[Path, ...], path: Path) -> str | None:
    """The path as the user knows it, when a change there can change the site; else None."""
    if SCRATCH_RE.search(path.name):
        return None
    for folder in inputs:
        if path == folder or path.is_relative_to(folder):
            return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return None


def watched_inputs(root: Path, config: Config | None) -> tuple[Path, ...]:
    if config is None:  # site.yaml is broken: watch the default places until it is fixed
        return (root / CONFIG_FILE, root / "seeds", root / "content", root / "templates")
    return (root / CONFIG_FILE, config.seeds_dir, config.content_dir, config.templates_dir)


# --- the command ----------------------------------------------------------------------------

def serve(root: Path, port: int, host: str, base_url: str | None = None,
          say: Callable[[str], None] = print) -> int:
    # A build thread keeps the interpreter busy for seconds; handing it over more often than
    # every 5 ms lets the server and the quick pages answer a save made meanwhile.
    sys.setswitchinterval(SWITCH_INTERVAL)
    hub = Hub()
    state: dict[str, Config | None] = {"config": None}
    observer = Observer()
    watched: set[Path] = set()

    def load() -> Config:
        config = load_config(root, base_url=base_url)  # --base-url checked as site.yaml's is
        state["config"] = config
        for folder in watched_inputs(root, config)[1:]:  # folders created or renamed since
            if folder.is_dir() and folder not in watched:
                observer.schedule(watcher, str(folder), recursive=True)
                watched.add(folder)
        return config

    rebuilder = Rebuilder(root, load, hub, say)
    watcher = InputWatcher(root, lambda: watched_inputs(root, state["config"]), rebuilder)
    observer.schedule(watcher, str(root), recursive=False)  # site.yaml, and folders appearing
    rebuilder.build_now()

    def site_dir() -> Path:
        config = state["config"]
        return config.output_dir if config else root / "output"

    server = bind_server(host, port, make_handler(site_dir, hub), say)
    observer.start()
    rebuilder.start()
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()

    address = server.server_address
    shown_host = f"[{address[0]}]" if ":" in str(address[0]) else address[0]
    say(paint(f"Serving {site_dir().name}/ at http://{shown_host}:{address[1]}/", "bold") + "  (Ctrl-C to stop)")
    if host not in LOOPBACK:
        say(paint(f"Listening on {host}: anyone who can reach this machine can read the preview.", "warn"))
    say(f"Watching {', '.join(_shown(root, p) for p in watched_inputs(root, state['config']))} for changes.")

    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        say("Stopping…")
        observer.stop()
        rebuilder.stop()
        hub.close()
        server.shutdown()
        server.server_close()
        observer.join(timeout=5)
    say("Stopped.")
    return 0


def _shown(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return rel + ("/" if path.is_dir() else "")

