"""The docs are part of the contract: every setting and system check is documented."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = (ROOT / "majlis" / "settings.py").read_text()
CONFIG_DOC = (ROOT / "docs" / "configuration.md").read_text()


def env_names():
    names = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', SETTINGS))
    names |= set(re.findall(r'"(MAJLIS_[A-Z_]+)"', (ROOT / "majlis" / "lib" / "server.py").read_text()))
    return sorted(names)


@pytest.mark.parametrize("name", env_names())
def test_it_documents_every_environment_variable(name):
    assert f"`{name}`" in CONFIG_DOC


@pytest.mark.parametrize("check_id", sorted(set(re.findall(r"majlis\.E\d{3}", (ROOT / "majlis" / "checks.py").read_text()))))
def test_it_documents_every_system_check(check_id):
    assert f"`{check_id}`" in CONFIG_DOC


def gunicorn_config_names():
    return sorted(set(re.findall(r'"(MAJLIS_[A-Z_]+)"', (ROOT / "deploy" / "gunicorn.conf.py").read_text())))


@pytest.mark.parametrize("name", gunicorn_config_names())
def test_it_documents_every_variable_of_the_gunicorn_config(name):
    assert f"`{name}`" in CONFIG_DOC + (ROOT / "docs" / "deploy.md").read_text()
