"""The reload hub: what the preview knows about its builds, and how it tells the open tabs.

Each build that changed something gets a new build id (``Hub.build_id``). Every HTML page the
preview serves carries that id in the reload script it adds, and after a failed build the
error (``inject``; the site folder itself never contains either). Every open tab listens on a
Server-Sent Events stream (``Hub.stream``) and is sent, after each such build, the id, the
site paths that changed and whether the build failed, so it reloads only when its own page
changed. After the quick pages of an edit, ``Hub.wait_for_quiet`` lets the tabs that reload be
served before the full build takes the interpreter.
"""
from __future__ import annotations

import html
import json
import queue
import re
import threading
import time
from typing import BinaryIO

from ..commands.failure import Failure

CHANGED_LISTED = 200  # paths named in a reload message; a tab reloads whenever more changed
REQUESTS_QUIET, REQUESTS_WAIT = 0.15, 2.0  # after the quick pages: let reloading tabs be served first
KEEPALIVE = 10.0  # seconds between comments on an idle event stream (finds closed tabs)
SERVE_PREFIX = "/__serve__/"  # the preview's own URLs (served by http.py); no site path starts with "__"
EVENTS_URL = SERVE_PREFIX + "events"
SCRIPT_URL = SERVE_PREFIX + "reload.js"
STYLE_URL = SERVE_PREFIX + "serve.css"


# --- the builds, and the tabs listening ----------------------------------------------------

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

    def stream(self, out: BinaryIO) -> None:
        """One tab's event stream, written to ``out`` (the response, its headers sent) until the
        tab is closed or the server stops: a hello with the build id, then a reload event per
        build, and a comment when idle so that a closed tab is found."""
        q = self.listen()
        try:
            out.write(f"retry: 1000\nevent: hello\ndata: {self.build_id}\n\n".encode())
            out.flush()
            while not self.closed.is_set():
                try:
                    message = q.get(timeout=KEEPALIVE)
                except queue.Empty:
                    out.write(b": keep-alive\n\n")
                else:
                    if message is None:
                        break
                    out.write(f"event: reload\ndata: {message}\n\n".encode())
                out.flush()
        except OSError:
            pass  # the tab was closed
        finally:
            self.leave(q)

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


# --- what a served page carries ------------------------------------------------------------

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
