"""Settings for the test suite: the real settings, plus a throwaway key and data directory.

``DATABASE_URL`` still chooses the database, so the same suite runs on SQLite (default) and on
PostgreSQL (``DATABASE_URL=postgres://...``).
"""

import os
import tempfile

os.environ.setdefault("MAJLIS_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("MAJLIS_DATA_DIR", tempfile.mkdtemp(prefix="majlis-tests-"))

from majlis.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed: tests hash many passwords
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# SQLite tests use a file, not Django's shared-cache in-memory database: tests where two threads
# each hold their own connection (the queue-claiming tests) then get SQLite's real locking (WAL,
# busy timeout), as production does, instead of "database table is locked" from the shared cache.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-majlis.sqlite3")}  # noqa: F405
