"""From saving an article to seeing the edit in a browser tab, through ``build.py serve``.

    python bench/reload.py PROJECT_DIR [--edits 5] [--port 8765] [--gap SECONDS]

Starts the preview on PROJECT_DIR (a corpus from ``bench/corpus.py``, built or not), opens the
page of one article (a third of the way through the seeds) in headless Debian Chromium, then
``--edits`` times: appends a marked sentence to that seed file and measures, with
``time.monotonic``, how long until the tab's text holds the marker (the reload script of
``serve`` did its job), and waits for the full build before the next edit (with ``--gap``,
only that many seconds: the next save lands while a build runs). Prints each time
and the median; the seed file is restored at the end. Needs the test dependencies
(Playwright for Python, ``/usr/bin/chromium``); not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


class Preview:
    """``build.py serve`` in a child process, its output read line by line."""

    def __init__(self, root: Path, port: int):
        self.proc = subprocess.Popen(
            [sys.executable, "-u", str(PROJECT / "build.py"), "serve", "--root", str(root), "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            env={**os.environ, "NO_COLOR": "1"})
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = "http://127.0.0.1:{}/".format(re.search(r":(\d+)/", self.wait_for(r"Serving .* at http")).group(1))

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 3600) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            print(f"  | {line}", file=sys.stderr, flush=True)
            if re.search(pattern, line):
                return line

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--gap", type=float, help="seconds between edits instead of waiting for each full build")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    seeds = sorted((args.root / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 3]
    original = seed.read_bytes()
    preview = Preview(args.root.resolve(), args.port)
    times = []
    try:
        data = json.loads((args.root / "output" / "data" / "articles.json").read_text(encoding="utf-8"))
        url = next(a["url"] for a in data["articles"] if a["source_file"] == seed.name)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(preview.url + url)
            for n in range(args.edits):
                marker = f"جملة أضيفت للقياس رقم {n}"
                saved = time.monotonic()
                seed.write_bytes(original + f"\n{marker}.\n".encode("utf-8"))
                page.wait_for_function(f"() => document.body.textContent.includes({json.dumps(marker)})",
                                       timeout=3_600_000)
                times.append(time.monotonic() - saved)
                print(f"edit {n + 1}: on screen {times[-1] * 1000:.0f} ms after the save", flush=True)
                if args.gap is None:
                    preview.wait_for(r"changed → built in")
                else:
                    time.sleep(args.gap)
            browser.close()
    finally:
        seed.write_bytes(original)
        preview.stop()
    print(f"median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
