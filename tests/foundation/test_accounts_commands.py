from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from majlis.accounts.models import ApiToken, Role


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_createmoderator_makes_a_moderator_with_languages(db):
    output = run("createmoderator", "dilan", "--password", "a-long-password-1", "--languages", "ar,ckb")

    user = get_user_model().objects.get(username="dilan")
    assert user.check_password("a-long-password-1")
    assert user.moderator.role == Role.MODERATOR
    assert user.moderator.languages == ["ar", "ckb"]
    assert "password: a-long-password-1" in output


def test_createmoderator_prints_a_generated_password(db):
    output = run("createmoderator", "sara", "--admin")

    password = output.split("password: ")[1].strip()
    user = get_user_model().objects.get(username="sara")
    assert user.check_password(password)
    assert user.moderator.role == Role.ADMIN


def test_createmoderator_refuses_an_unknown_language(db):
    with pytest.raises(CommandError, match="xx"):
        run("createmoderator", "sara", "--languages", "ar,xx")


def test_apitoken_prints_a_token_stored_only_hashed(db):
    run("createmoderator", "dilan")

    raw = run("apitoken", "dilan").strip().splitlines()[-1]

    token = ApiToken.objects.get()
    assert raw.startswith("mj_") and len(raw) > 30
    assert raw not in (token.digest, token.prefix)
    assert ApiToken.authenticate(raw).username == "dilan"


def test_apitoken_refuses_an_unknown_account(db):
    with pytest.raises(CommandError, match="createmoderator"):
        run("apitoken", "nobody")
