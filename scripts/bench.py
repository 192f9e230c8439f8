"""The project's benchmark: build the seeds (or any project folder) and report where the time
goes, what search costs (bundle sizes) and the bytes a first query downloads in each mode.

    python scripts/bench.py [PROJECT_DIR] [--runs N] [--query الكاظمي]

Builds into a temporary copy, so the project's output/ is untouched. The first-query
measurement needs Playwright and Debian's chromium (as the tests do); without them it says so.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config.site import load_config  # noqa: E402
from generator.pipeline import build  # noqa: E402

PARTS = ("seeds", "content", "templates", "site.yaml")


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def first_query_bytes(output: Path, query: str) -> dict[str, int] | str:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "playwright is not installed"
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for mode, url in (("hosted", f"http://127.0.0.1:{server.server_port}/search.html"),
                          ("offline", (output / "search.html").as_uri())):
            page = browser.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
            page.goto(url)
            page.wait_for_selector("[data-search][data-ready=true]")
            out[f"{mode}: search page load bytes"] = sum(sizes)
            sizes.clear()
            started = time.perf_counter()
            page.fill("#search-input", query)
            page.press("#search-input", "Enter")
            page.wait_for_function("q => document.querySelector('[data-search-status]').textContent.includes('«' + q + '»')", arg=query)
            out[f"{mode}: first query bytes"] = sum(sizes)
            out[f"{mode}: first query ms"] = round((time.perf_counter() - started) * 1000)
            page.close()
        browser.close()
    server.shutdown()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="الكاظمي")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        root = Path(tmp)
        for part in PARTS:
            src = Path(args.project) / part
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / part)
        results = []
        for run in range(args.runs):
            shutil.rmtree(root / "output", ignore_errors=True)  # cold: nothing to reuse
            results.append(build(load_config(root)))
        last = results[-1]
        print(f"articles: {last.articles}, pages: {last.pages}, files: {last.files}")
        print(f"build (cold, {args.runs} runs): median {statistics.median(r.seconds for r in results):.3f} s, "
              f"min {min(r.seconds for r in results):.3f} s")
        for name, _ in last.stages:
            times = [dict(r.stages)[name] for r in results]
            print(f"  {name:22} {statistics.median(times) * 1000:8.1f} ms")
        output = root / "output"
        print(f"site: {folder_bytes(output):,} bytes; pagefind bundle: {folder_bytes(output / 'pagefind'):,} bytes; "
              f"offline index: {folder_bytes(output / 'search'):,} bytes")
        measured = first_query_bytes(output, args.query)
        if isinstance(measured, str):
            print(f"first query: not measured ({measured})")
        else:
            for key, value in measured.items():
                print(f"{key}: {value:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
