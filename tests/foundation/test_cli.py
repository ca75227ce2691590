"""The `majlis` command as a newcomer meets it: a help overview, and one clear line for bad configuration."""

import os
import subprocess
import sys

import pytest


def run_majlis(*args, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("MAJLIS_", "DATABASE_URL", "DJANGO_"))}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "majlis.cli", *args], capture_output=True, text=True, env=environ, timeout=120
    )


def test_it_lists_the_majlis_commands(tmp_path):
    result = run_majlis("--help", MAJLIS_DATA_DIR=str(tmp_path))

    assert result.returncode == 0
    for command in ("demo", "serve", "createmoderator", "apitoken", "screen"):
        assert f"\n  {command} " in result.stdout


@pytest.mark.parametrize(
    "args, env, expected",
    [
        (["serve"], {"DATABASE_URL": "nonsense"}, "DATABASE_URL='nonsense' is not supported"),
        (["demo"], {"MAJLIS_DEBUG": "maybe"}, "MAJLIS_DEBUG='maybe' is not a boolean"),
        (["check"], {"MAJLIS_COMMENT_MAX_LENGTH": "lots"}, "MAJLIS_COMMENT_MAX_LENGTH='lots' is not a whole number"),
        (["check"], {"DATABASE_URL": "postgres://host:notaport/db"}, "has an invalid port"),
    ],
)
def test_it_stops_with_one_line_on_bad_configuration(tmp_path, args, env, expected):
    result = run_majlis(*args, MAJLIS_DATA_DIR=str(tmp_path), **env)

    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert expected in result.stderr


def test_serve_refuses_to_start_in_debug_mode(tmp_path):
    result = run_majlis("serve", MAJLIS_DATA_DIR=str(tmp_path), MAJLIS_DEBUG="true", MAJLIS_SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "debug" in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_serve_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_majlis("serve", MAJLIS_DATA_DIR=str(tmp_path))

    assert result.returncode != 0
    assert "MAJLIS_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
