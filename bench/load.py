"""A burst of clients at once against a running preview (``build.py serve``), on this machine.

    python bench/load.py PORT [--clients 200] [--path /] [--timeout 10]

Starts ``--clients`` threads that all connect at the same instant (a barrier), each sending one
``GET`` for ``--path`` to 127.0.0.1:PORT and reading the whole answer; prints how many were
answered with 200, the others (status or error), and the latency from the barrier to the last
byte (p50, p99, max) and the burst's total time. Only loopback: the preview is a local tool.
``tests/test_serve_hardening.py`` runs the same burst (``burst``) against a real server.
"""
from __future__ import annotations

import argparse
import http.client
import sys
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Burst:
    seconds: list[float] = field(default_factory=list)  # latency of each request answered with 200
    failures: list[str] = field(default_factory=list)  # "status 503" or the error, one per request
    total: float = 0.0  # from the barrier to the last answer

    def percentile(self, p: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")

    def summary(self) -> str:
        return (f"{len(self.seconds)} of {len(self.seconds) + len(self.failures)} answered 200; "
                f"p50 {self.percentile(50) * 1000:.0f} ms, p99 {self.percentile(99) * 1000:.0f} ms, "
                f"max {max(self.seconds, default=float('nan')) * 1000:.0f} ms; total {self.total:.2f} s")


def burst(port: int, clients: int = 200, path: str = "/", timeout: float = 10.0) -> Burst:
    """``clients`` requests for ``path`` started together; each waits at most ``timeout`` s."""
    result, lock = Burst(), threading.Lock()
    start = threading.Barrier(clients + 1)

    def one() -> None:
        start.wait()
        began = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            conn.close()
            outcome = "" if response.status == 200 else f"status {response.status}"
        except OSError as exc:
            outcome = f"{type(exc).__name__}: {exc}"
        with lock:
            (result.failures.append(outcome) if outcome else result.seconds.append(time.monotonic() - began))

    threads = [threading.Thread(target=one, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join(timeout + 5)
    result.total = time.monotonic() - began
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--path", default="/")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    result = burst(args.port, args.clients, args.path, args.timeout)
    print(result.summary())
    for failure in sorted(set(result.failures)):
        print(f"  {result.failures.count(failure)} × {failure}")
    return 0 if not result.failures else 1


if __name__ == "__main__":
    sys.exit(main())
