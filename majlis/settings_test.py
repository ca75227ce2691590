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
