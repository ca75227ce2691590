"""Where a POST's CPU goes: N comments through the WSGI app in-process, timed by step.

    .venv/bin/python benchmarks/http/profile_post.py [N] [--full-path] [--cprofile]

Makes a throwaway installation in a temp directory (SQLite), posts N comments to it the way the
HTTP benchmark does, and prints CPU time per request (``time.process_time``) for the whole
request and for each step of the submission chain. No network, no gunicorn: the HTTP server's
own cost comes on top (see docs/performance.md). The requests carry no Origin, cookie or
Accept-Language, like the HTTP benchmark's, so they take the lean POST path (majlis.lib.fastpost);
``--full-path`` adds ``Accept-Language: en``, which sends them through the whole middleware stack
and django-ninja instead, as the widget's requests go. ``--cprofile`` also prints the 40 functions
with the most own time (cProfile's overhead inflates the totals).
"""

import functools
import io
import json
import os
import sys
import tempfile
import time

STEPS = ("_duplicate", "_recent_texts", "_flood_context", "_screen", "_store", "_announce", "_automate",
         "_notify_moderators")


def main(n: int, full_path: bool = False, cprofile: bool = False) -> None:
    os.environ.update(DJANGO_SETTINGS_MODULE="majlis.settings", MAJLIS_DATA_DIR=tempfile.mkdtemp(prefix="majlis-prof-"),
                      MAJLIS_SECRET_KEY="profile-only", MAJLIS_LOG_LEVEL="WARNING",
                      MAJLIS_RATE_LIMIT_PER_IP="0", MAJLIS_RATE_LIMIT_PER_EMAIL="0")
    import django

    django.setup()
    sys.path.insert(0, os.path.dirname(__file__))
    import majlis_bench

    majlis_bench.prepare()
    from majlis.api import public
    from majlis.comments import submission
    from majlis.wsgi import application

    spent: dict[str, float] = {}

    def timed(module, name, label):
        original = getattr(module, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - started

        setattr(module, name, wrapper)

    for step in STEPS:
        if hasattr(submission, step):
            timed(submission, step, step)
    timed(public, "article_for_post", "article lookup")

    def post(i: int) -> str:
        body = json.dumps({"author": f"Reader {i}", "email": f"reader{i}@example.com",
                           "body": majlis_bench.BODY.format(n=i)}).encode()
        environ = {"REQUEST_METHOD": "POST", "PATH_INFO": f"/api/v1/articles/{majlis_bench.POST_ARTICLE}/comments",
                   "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
                   "REMOTE_ADDR": "127.0.0.1", "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
                   "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr}
        if full_path:
            environ["HTTP_ACCEPT_LANGUAGE"] = "en"
        status = []
        b"".join(application(environ, lambda s, h, e=None: status.append(s)))
        return status[0]

    for i in range(50):  # warm up: imports, model, connections
        assert post(-i - 1).startswith("202"), "the warm-up POST was refused"
    spent.clear()
    profiler = None
    if cprofile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.process_time()
    for i in range(n):
        post(i)
    total = time.process_time() - started
    if profiler is not None:
        import pstats

        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("tottime"); stats.print_stats(40); stats.sort_stats("cumulative").print_stats("majlis|django", 90)
    print(f"{n} POSTs ({'full' if full_path else 'lean'} path), CPU per request {total / n * 1000:.3f} ms")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:20s} {seconds / n * 1000:.3f} ms")


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 1000, full_path="--full-path" in sys.argv[1:],
         cprofile="--cprofile" in sys.argv[1:])
