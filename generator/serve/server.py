"""``python build.py serve``: the site on 127.0.0.1, rebuilt on save, open tabs reloaded.

``serve`` wires together three threads and one shared ``Hub`` (hub.py):

* the HTTP server (http.py) serves ``output/`` as the build left it, each page with the reload
  script (and, after a failed build, the error) added — ``output/`` itself never contains either;
* a watchdog observer (watcher.py) turns saves under the project's inputs into
  ``Rebuilder.poke``;
* the rebuilder (rebuilder.py) waits until saves stop, shows the edited articles' own pages
  (quick.py), rebuilds with the pipeline's ``build`` and tells the hub, which tells every open
  tab over Server-Sent Events.

A failed build changes nothing in ``output/`` (the writer swaps only complete sites), so
the last good site keeps being served, with the error laid over it.
"""
from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Callable

from ..config.site import Config, load_config
from ..pipeline import build
from ..terminal import paint
from .http import PreviewServer, bind_server, make_handler
from .hub import Hub
from .rebuilder import Rebuilder
from .watcher import Watcher

SWITCH_INTERVAL = 0.001  # seconds a thread may hold the interpreter while another waits (Python's default: 0.005)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(root: Path, port: int, host: str, base_url: str | None = None,
          say: Callable[[str], None] = print) -> int:
    # A build thread keeps the interpreter busy for seconds; handing it over more often than
    # every 5 ms lets the server and the quick pages answer a save made meanwhile.
    sys.setswitchinterval(SWITCH_INTERVAL)
    hub = Hub()

    def load() -> Config:  # each build reads site.yaml again, and watches the folders it names
        return watcher.follow(load_config(root, base_url=base_url))  # --base-url checked as site.yaml's is

    def site_dir() -> Path:
        return watcher.config.output_dir if watcher.config else root / "output"

    rebuilder = Rebuilder(root, load, hub, say, build=build)
    watcher = Watcher(root, rebuilder.poke)
    rebuilder.build_now()

    server = bind_server(host, port, make_handler(site_dir, hub), say)
    watcher.start()
    rebuilder.start()
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    _announce(server, host, site_dir(), [_shown(root, p) for p in watcher.inputs()], say)

    try:
        _wait_for_stop()
    finally:
        say("Stopping…")
        watcher.stop()
        rebuilder.stop()
        hub.close()
        server.shutdown()
        server.server_close()
        watcher.join(timeout=5)
    say("Stopped.")
    return 0


def _announce(server: PreviewServer, host: str, site: Path, inputs: list[str], say: Callable[[str], None]) -> None:
    """Where the preview is, who can reach it, and what it watches."""
    address = server.server_address
    shown_host = f"[{address[0]}]" if ":" in str(address[0]) else address[0]
    say(paint(f"Serving {site.name}/ at http://{shown_host}:{address[1]}/", "bold") + "  (Ctrl-C to stop)")
    if host not in LOOPBACK:
        say(paint(f"Listening on {host}: anyone who can reach this machine can read the preview.", "warn"))
    say(f"Watching {', '.join(inputs)} for changes.")


def _wait_for_stop() -> None:
    """Until Ctrl-C or SIGTERM."""
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


def _shown(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return rel + ("/" if path.is_dir() else "")
