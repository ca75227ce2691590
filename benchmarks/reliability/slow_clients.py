"""Slow clients (slowloris) against Majlis on gunicorn, as `majlis serve` starts it.

For each count of slow sockets (each sends a header line every half second and never finishes its
request), real readers fetch an article's comment list; the script prints how many of them were
answered within the timeout and the slowest answer. Run from the repository root:

    .venv/bin/python benchmarks/reliability/slow_clients.py [--slow 0,2,4,8,16] [--workers 2] [--threads 4]

It makes its own SQLite installation in a temporary folder and serves it on a free port of 127.0.0.1.
Results and what they mean: docs/reliability.md.
"""

import argparse
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "reliability"))
from realserver import SLUG, Installation  # noqa: E402


def trickle(port: int, stop: threading.Event, sockets: list) -> None:
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    except OSError:
        return
    sockets.append(sock)
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.is_set():
            sock.sendall(b"X-Slow: 1\r\n")
            stop.wait(0.5)
    except OSError:
        return


def measure(server: Installation, slow: int, requests: int, timeout: float) -> tuple[int, float]:
    stop, sockets = threading.Event(), []
    for _ in range(slow):
        threading.Thread(target=trickle, args=(server.port, stop, sockets), daemon=True).start()
    time.sleep(1.0)
    served, slowest = 0, 0.0
    for _ in range(requests):
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"{server.url}/api/v1/articles/{SLUG}/comments", timeout=timeout) as answer:
                answer.read()
                served += answer.status == 200
        except OSError:
            pass
        slowest = max(slowest, time.monotonic() - started)
    stop.set()
    for sock in sockets:
        sock.close()
    time.sleep(1.0)
    return served, slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", default="0,2,4,8,16", help="comma-separated counts of slow sockets")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=3.0)
    args = parser.parse_args()
    server = Installation(Path(tempfile.mkdtemp(prefix="majlis-slow-")))
    server.start(workers=args.workers, threads=args.threads)
    try:
        print(f"gunicorn gthread, {args.workers} workers x {args.threads} threads; {args.requests} reader requests each, "
              f"timeout {args.timeout} s")
        for slow in (int(n) for n in args.slow.split(",")):
            served, slowest = measure(server, slow, args.requests, args.timeout)
            print(f"{slow:3d} slow sockets: {served:3d}/{args.requests} answered, slowest {slowest:.2f} s", flush=True)
    finally:
        server.close()


if __name__ == "__main__":
    main()
