"""Running gunicorn for ``majlis demo`` and ``majlis serve``.

The command replaces itself with gunicorn (``os.execvp``), so Ctrl-C and SIGTERM reach gunicorn's
master directly and it stops its workers cleanly.
"""

import os
import shutil
import sys


def gunicorn_argv(bind: str, workers: int, threads: int = 4, extra: list[str] | None = None) -> list[str]:
    exe = shutil.which("gunicorn", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if exe is None:
        raise RuntimeError("gunicorn is not installed in this environment")
    return [
        exe, "majlis.wsgi:application",
        "--bind", bind,
        "--workers", str(workers),
        "--worker-class", "gthread",
        "--threads", str(threads),
        "--keep-alive", "5",
        "--graceful-timeout", "10",
        "--access-logfile", "-" if os.environ.get("MAJLIS_ACCESS_LOG") else "/dev/null",
        "--error-logfile", "-",
        # gunicorn 27's control socket is one path per user (~/.gunicorn/gunicorn.ctl): two
        # installations on one machine would fight over it, and Majlis does not use it.
        "--no-control-socket",
        *(extra or []),
    ]


def exec_gunicorn(argv: list[str]) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.execvp(argv[0], argv)
