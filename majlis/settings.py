"""Django settings for Majlis, read from the environment.

Every variable is documented in docs/configuration.md (a test keeps the two in step). Defaults are
safe for production: debug is off, and there is no secret key except in ``majlis demo``, which
sets one of its own in the data directory.
"""

from pathlib import Path


from majlis.lib import database_url, languages
from majlis.lib.env import env_bool, env_int, env_list, env_str
from majlis.lib.metrics import allowed_networks

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("MAJLIS_DATA_DIR", "./majlis-data")).resolve()

DEBUG = env_bool("MAJLIS_DEBUG", False)
# From the environment, else the key `majlis demo` keeps in the data directory; empty otherwise,
# and then `majlis serve` and the deploy check majlis.E002 refuse to run.
SECRET_KEY = env_str("MAJLIS_SECRET_KEY", "") or ""
if not SECRET_KEY and (DATA_DIR / "secret_key").is_file():
    SECRET_KEY = (DATA_DIR / "secret_key").read_text().strip()
ALLOWED_HOSTS = env_list("MAJLIS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("MAJLIS_CSRF_TRUSTED_ORIGINS", [])

if env_str("DATABASE_URL"):
    DATABASES = {"default": database_url.parse(env_str("DATABASE_URL"))}
else:
    # The embedded default: one SQLite file in the data directory, made on first use.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {"default": database_url.sqlite_config(DATA_DIR / "majlis.sqlite3")}
# Persistent connections for SQLite too (one per worker thread): opening one and running its
# PRAGMAs cost more than the public list query itself (docs/performance.md).
DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("MAJLIS_DB_CONN_MAX_AGE", 600, minimum=0))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "majlis",
    "majlis.accounts",
    "majlis.publications",
    "majlis.comments",
    "majlis.moderation",
    "majlis.api",
    "majlis.webhooks",
]

MIDDLEWARE = [
    "majlis.lib.requestlog.RequestLogMiddleware",  # times and logs every request (metrics too)
    "majlis.lib.fastlist.PublicListMiddleware",  # the public comment list skips the rest
    "majlis.lib.fastpost.PublicPostMiddleware",  # so do API comment posts from non-browser clients
    "django.middleware.security.SecurityMiddleware",
    "majlis.lib.headers.SecurityHeadersMiddleware",  # above WhiteNoise, so static files get the headers too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "majlis.lib.limits.RequestLimitsMiddleware",  # 413 for oversized bodies, 4xx for NUL, before any view
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "majlis.urls"
WSGI_APPLICATION = "majlis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "moderation:queue"

# Languages: Sorani (ckb) and Kurmanji (kmr) are not in Django's list; majlis/lib/languages.py adds
# them to LANG_INFO (with the bidi flag) when the app loads.
languages.register()
LANGUAGE_CODE = "en"
LANGUAGE_CODES_ORDER = ["en", "ar", "ckb", "kmr", "tr", "fa"]
LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
    ("ckb", "کوردی"),
    ("kmr", "Kurmancî"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
]
LANGUAGES_BIDI = ["ar", "ckb", "fa", "he", "ur"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats for languages Django has none for (Kurmanji): majlis/formats/<code>/formats.py.
FORMAT_MODULE_PATH = ["majlis.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("MAJLIS_BEHIND_HTTPS_PROXY", False) else None
SECURE_HSTS_SECONDS = env_int("MAJLIS_HSTS_SECONDS", 31536000)
SESSION_COOKIE_SECURE = env_bool("MAJLIS_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024

EMAIL_BACKEND = env_str("MAJLIS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("MAJLIS_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("MAJLIS_EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("MAJLIS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("MAJLIS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("MAJLIS_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("MAJLIS_EMAIL_FROM", "Majlis <comments@localhost>")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "majlis"}}

TASKS = {"default": {"BACKEND": env_str("MAJLIS_TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Abuse limits (per DESIGN.md: a handful of comments a minute from one address is normal).
MAJLIS_RATE_LIMIT_PER_IP = env_int("MAJLIS_RATE_LIMIT_PER_IP", 30)  # comments per IP per 10 minutes; 0 = off
MAJLIS_RATE_LIMIT_PER_EMAIL = env_int("MAJLIS_RATE_LIMIT_PER_EMAIL", 10)  # per email per 10 minutes; 0 = off
MAJLIS_COMMENT_MIN_LENGTH = env_int("MAJLIS_COMMENT_MIN_LENGTH", 2, minimum=1)
MAJLIS_COMMENT_MAX_LENGTH = env_int("MAJLIS_COMMENT_MAX_LENGTH", 3000, minimum=1)
MAJLIS_NAME_MAX_LENGTH = env_int("MAJLIS_NAME_MAX_LENGTH", 80, minimum=1, maximum=200)
MAJLIS_IP_RETENTION_DAYS = env_int("MAJLIS_IP_RETENTION_DAYS", 30)
MAJLIS_TRUSTED_PROXIES = env_list("MAJLIS_TRUSTED_PROXIES", [])
MAJLIS_CLAIM_MINUTES = env_int("MAJLIS_CLAIM_MINUTES", 5, minimum=1)
# Readers' data-rights requests (/my-data/) per email address and per address network, per hour; 0 = off.
MAJLIS_RIGHTS_LIMIT_PER_EMAIL = env_int("MAJLIS_RIGHTS_LIMIT_PER_EMAIL", 3)
MAJLIS_RIGHTS_LIMIT_PER_IP = env_int("MAJLIS_RIGHTS_LIMIT_PER_IP", 10)
# Articles the widget may register from page URLs, per site per hour; 0 = no cap.
MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR = env_int("MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR", 200)
# A webhook delivery still "sending" after this long was interrupted (worker killed); it is retried.
MAJLIS_WEBHOOK_LEASE_SECONDS = env_int("MAJLIS_WEBHOOK_LEASE_SECONDS", 300, minimum=60)
# A background task still RUNNING after this long lost its worker (killed); it is closed as FAILED.
MAJLIS_TASK_LEASE_SECONDS = env_int("MAJLIS_TASK_LEASE_SECONDS", 3600, minimum=300)
# /metrics: a bearer token, and/or the client networks allowed to scrape it (empty: anyone who reaches it).
MAJLIS_METRICS_TOKEN = env_str("MAJLIS_METRICS_TOKEN", "") or ""
MAJLIS_METRICS_ALLOW = allowed_networks("MAJLIS_METRICS_ALLOW", env_list("MAJLIS_METRICS_ALLOW", []))
MAJLIS_LOGIN_MAX_FAILURES = env_int("MAJLIS_LOGIN_MAX_FAILURES", 5, minimum=1)
MAJLIS_SCREEN_ON_SUBMIT = env_bool("MAJLIS_SCREEN_ON_SUBMIT", True)
MAJLIS_JSON_LOGS = env_bool("MAJLIS_JSON_LOGS", False)
# The address readers and moderators reach this installation at, for links in emails.
MAJLIS_PUBLIC_URL = (env_str("MAJLIS_PUBLIC_URL", "") or "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "majlis.lib.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json" if MAJLIS_JSON_LOGS else "plain"}},
    "root": {"handlers": ["console"], "level": env_str("MAJLIS_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

NINJA_PAGINATION_PER_PAGE = 50
