"""Turn ``DATABASE_URL`` into a Django ``DATABASES["default"]`` entry.

Only the two supported engines are accepted: ``sqlite:///path`` (or ``sqlite:////abs/path``) and
``postgres://`` / ``postgresql://``. Anything else is refused with one clear sentence.
"""

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

# Writers wait for each other instead of failing at once with "database is locked".
SQLITE_BUSY_TIMEOUT_S = 20

SQLITE_INIT = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA busy_timeout=20000;"
)


def sqlite_config(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": SQLITE_BUSY_TIMEOUT_S,
            "transaction_mode": "IMMEDIATE",
            "init_command": SQLITE_INIT,
        },
    }


def parse(url: str) -> dict:
    """Return the Django database settings for ``url`` or raise ``ImproperlyConfigured``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # sqlite:///relative/path and sqlite:////absolute/path, as dj-database-url reads them.
        path = unquote(parts.path)
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise ImproperlyConfigured("DATABASE_URL: a sqlite URL needs a file path, e.g. sqlite:////srv/majlis/db.sqlite3.")
        return sqlite_config(Path(path))
    if scheme in ("postgres", "postgresql", "pgsql"):
        if not parts.path.strip("/"):
            raise ImproperlyConfigured("DATABASE_URL: a PostgreSQL URL needs a database name, e.g. postgres://user@host/majlis.")
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": _port(parts, url),
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL={url!r} is not supported: use sqlite:///PATH or postgres://USER@HOST/NAME."
    )


def _port(parts, url: str) -> str:
    try:
        return str(parts.port or "")
    except ValueError:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} has an invalid port.") from None
