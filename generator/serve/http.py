"""The preview's HTTP side: which requests it answers, and with which bytes.

The server (stdlib ``ThreadingHTTPServer``) serves the site folder as the build left it
(``site_file``: a URL path to a file inside it, never outside), each HTML page with what the
hub adds to it (``hub.inject``: the reload script, the error of a failed build). The server's
own files (the reload script, its stylesheet, from ``static/``) are under ``SERVE_PREFIX``,
and the event stream the hub writes is at ``EVENTS_URL``.

Only requests naming the preview's own address in their ``Host`` header are answered
(``Hosts``): a page elsewhere whose name an attacker points at 127.0.0.1 (DNS rebinding) gets
403, not the unpublished site.
"""
from __future__ import annotations

import errno
import functools
import ipaddress
import json
import mimetypes
import re
import socket
import sys
import time
import traceback
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from ..terminal import paint
from .hub import EVENTS_URL, SERVE_PREFIX, Hub, error_page, inject

STATIC_FILES = {"reload.js": "text/javascript", "serve.css": "text/css"}  # under SERVE_PREFIX, from STATIC
STATIC = Path(__file__).resolve().parent / "static"
PORT_TRIES = 20
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})  # as a Host header names them
MAX_URL = 8192  # characters of a request's target, as most servers allow (Apache: 8190)
BACKLOG = max(socket.SOMAXCONN, 1024)  # connections waiting to be accepted (the system caps it: Linux 4096)
REQUEST_TIMEOUT = 30.0  # seconds a connection may stay silent before it is closed
SWAP_WAIT, SWAP_POLL = 10.0, 0.01  # seconds a request waits for a site folder missing mid-build; how often it looks
LINGER = 2.0  # seconds reading what a refused client still sends, so that it gets the answer
ERROR_EXPLAINED = {HTTPStatus.REQUEST_URI_TOO_LONG: f"this preview answers URLs of up to {MAX_URL:,} characters"}
HOST_RE = re.compile(r"(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::([0-9]{1,5}))?")
PLAIN = "text/plain; charset=utf-8"


# --- which hosts ---------------------------------------------------------------------------

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


# --- which file ----------------------------------------------------------------------------

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


def content_type(name: str) -> str:
    """The Content-Type of a site file, text ones in UTF-8."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
        kind += "; charset=utf-8"
    return kind


# --- the request handler -------------------------------------------------------------------

class PreviewHandler(BaseHTTPRequestHandler):
    """One connection's requests. ``make_handler`` gives it the site folder and the hub."""
    server_version = "briefing-preview"
    timeout = REQUEST_TIMEOUT  # a client that connects and says nothing does not keep a thread
    error_content_type = PLAIN  # what http.server itself refuses, too
    error_message_format = "%(code)d %(message)s: %(explain)s\n"
    site_dir: Callable[[], Path]  # the output folder of the current configuration
    hub: Hub
    server: PreviewServer

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
        self.hub.last_request = time.monotonic()
        path = self.path.split("?")[0].split("#")[0]
        if path.startswith(SERVE_PREFIX):
            return self.send_static(path[len(SERVE_PREFIX):], send_body)
        site = self.site_dir()
        try:
            target = find_site_file(site, self.path, self.hub)
        except (Outside, UnicodeDecodeError):
            return self.send(HTTPStatus.FORBIDDEN, b"Refused: that path is outside the site.\n", PLAIN, send_body)
        self.send_site_file(site, target, send_body)

    def send_site_file(self, site: Path, target: Path | None, send_body: bool) -> None:
        """The file found (None: none), else the site's 404 page; an HTML page with the reload
        script, and the error when the last build failed."""
        status, data = HTTPStatus.OK, read_file(target)
        if data is None:
            target = site_file(site, "/404.html")
            status, data = HTTPStatus.NOT_FOUND, read_file(target)
        if data is None:  # no site at all yet
            return self.send_no_site(send_body)
        kind = content_type(target.name)
        if kind.startswith("text/html;"):
            shown = target.relative_to(site).as_posix() if status == HTTPStatus.OK else ""
            data = inject(data, self.hub.build_id, self.hub.failures, shown)
        self.send(status, data, kind, send_body)

    def send_no_site(self, send_body: bool) -> None:
        if self.hub.failures:
            page = inject(error_page(), self.hub.build_id, self.hub.failures)
            return self.send(HTTPStatus.INTERNAL_SERVER_ERROR, page, "text/html; charset=utf-8", send_body)
        self.send(HTTPStatus.NOT_FOUND, b"Not found.\n", PLAIN, send_body)

    def send_static(self, name: str, send_body: bool) -> None:
        if name not in STATIC_FILES:
            return self.send(HTTPStatus.NOT_FOUND, b"Not found.\n", PLAIN, send_body)
        self.send(HTTPStatus.OK, (STATIC / name).read_bytes(), STATIC_FILES[name] + "; charset=utf-8", send_body)

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
        self.hub.stream(self.wfile)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # a request log would drown the build messages


def make_handler(site_dir: Callable[[], Path], hub: Hub) -> type[PreviewHandler]:
    """``site_dir``: the output folder of the current configuration (site.yaml may move it)."""
    return type("PreviewHandler", (PreviewHandler,), {"site_dir": staticmethod(site_dir), "hub": hub})


# --- the server ----------------------------------------------------------------------------

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


class PreviewServer6(PreviewServer):
    address_family = socket.AF_INET6


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
