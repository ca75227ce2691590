import pytest
from django.core.exceptions import ImproperlyConfigured

from majlis.lib import database_url
from majlis.lib.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize("raw, expected", [("true", True), ("1", True), ("Yes", True), ("off", False), ("0", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)

    assert env_bool("X_FLAG", not expected) is expected


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe' is not a boolean"):
        env_bool("X_FLAG", False)


def test_env_int_enforces_its_range(monkeypatch):
    monkeypatch.setenv("X_NUM", "70000")

    with pytest.raises(ImproperlyConfigured, match="out of range"):
        env_int("X_NUM", 25, minimum=1, maximum=65535)


def test_env_str_reads_a_secret_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("X_SECRET", raising=False)
    monkeypatch.setenv("X_SECRET_FILE", str(secret))

    assert env_str("X_SECRET") == "s3cret"


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example, b.example ,,")

    assert env_list("X_LIST", []) == ["a.example", "b.example"]


def test_database_url_reads_postgres():
    config = database_url.parse("postgres://majlis:p%40ss@db.internal:6543/comments?sslmode=require")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "comments", "majlis", "p@ss", "db.internal", "6543")
    assert config["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize("url, path", [("sqlite:///data/db.sqlite3", "data/db.sqlite3"), ("sqlite:////srv/db.sqlite3", "/srv/db.sqlite3")])
def test_database_url_reads_sqlite_paths(url, path):
    config = database_url.parse(url)

    assert config["NAME"] == path
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


@pytest.mark.parametrize("url", ["nonsense", "mysql://x@y/z", "sqlite://", "postgres://host"])
def test_database_url_refuses_what_it_cannot_serve(url):
    with pytest.raises(ImproperlyConfigured):
        database_url.parse(url)
