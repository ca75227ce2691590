"""Logging in and changing state: lockout on every login page, a fresh session on login, CSRF on
every form, and no API call authorised by a session cookie alone.

The CSRF walk posts without a token to every URL outside the API, logged in as an admin (Alice) and
as nobody: Django's CSRF middleware must answer 403 before any view runs. A view marked
``csrf_exempt`` fails it unless it is listed in ``CSRF_EXEMPT`` with its reason.
"""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from majlis.comments.models import Comment, Status
from majlis.moderation.models import Decision
from reliability_fixtures import PASSWORD
from test_access_walk import every_url

# The JSON API takes bearer tokens and anonymous posts, never a session: CSRF does not apply there.
CSRF_EXEMPT = {
    "moderation:email_decision": "signed link opened from an email client: the signature is the credential",
}
LOGIN_PAGES = ["accounts:login", "admin:login"]


def failed_login(client, url, username):
    return client.post(url, {"username": username, "password": "wrong-password-guess"})


@pytest.mark.parametrize("login_page", LOGIN_PAGES)
def test_it_locks_an_account_after_repeated_wrong_passwords(world, settings, login_page):
    settings.MAJLIS_LOGIN_MAX_FAILURES = 5
    client, url = Client(), reverse(login_page)
    for _ in range(5):
        assert failed_login(client, url, "dave").status_code == 200
    response = client.post(url, {"username": "dave", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    world["dave"].moderator.refresh_from_db()
    assert world["dave"].moderator.is_locked


def login_errors(response) -> str:
    match = re.search(r'<div class="form-errors".*?</div>', response.content.decode(), re.S)
    return match.group(0) if match else ""


def test_it_answers_a_locked_name_as_it_answers_an_unknown_one(world, settings):
    settings.MAJLIS_LOGIN_MAX_FAILURES = 3
    url = reverse("accounts:login")
    for _ in range(3):
        failed_login(Client(), url, "dave")
        failed_login(Client(), url, "nobody-by-this-name")
    known = login_errors(failed_login(Client(), url, "dave"))
    unknown = login_errors(failed_login(Client(), url, "nobody-by-this-name"))
    assert known and known == unknown


@pytest.mark.parametrize("login_page", LOGIN_PAGES)
def test_it_gives_a_new_session_key_on_login(world, login_page):
    client = Client()
    planted = SessionStore()
    planted["planted_by"] = "attacker"
    planted.create()
    client.cookies["sessionid"] = planted.session_key
    response = client.post(reverse(login_page), {"username": "dave", "password": PASSWORD})
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != planted.session_key
    assert client.session.get("_auth_user_id") == str(world["dave"].pk)


def csrf_findings(client, who, world) -> list[str]:
    findings = []
    for name, path in every_url(world):
        if path.startswith("/api/") or name in CSRF_EXEMPT:
            continue
        response = client.post(path, {"action": "approve", "username": "dave", "password": PASSWORD})
        if response.status_code != 403:
            findings.append(f"{who} POST {path} ({name}) without a CSRF token: {response.status_code}")
    return findings


def test_it_refuses_every_form_post_without_a_csrf_token(world, alice):
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(alice)
    findings = csrf_findings(admin, "alice", world) + csrf_findings(Client(enforce_csrf_checks=True), "anonymous", world)
    assert findings == [], "\n".join(findings)
    assert Decision.objects.count() == 0
    assert Comment.objects.get(pk=world["pending"].pk).status == Status.PENDING


def test_it_accepts_the_same_post_with_its_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:login"), {"username": "dave", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_it_never_lets_a_session_cookie_call_the_moderation_api(world, alice):
    client = Client()
    client.force_login(alice)
    response = client.post(
        f"/api/v1/moderation/comments/{world['pending'].pk}/decision", {"action": "approve"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert client.get("/api/v1/moderation/queue").status_code == 401
    assert Comment.objects.get(pk=world["pending"].pk).status == Status.PENDING


def test_it_refuses_a_revoked_or_made_up_token(world):
    from django.utils import timezone

    token = world["erin_token"]
    token.revoked_at = timezone.now()
    token.save()
    for header in ("Bearer mj_made-up", "Bearer ", "Basic ZXJpbjpwYXNz", "Bearer " + "x" * 5000):
        assert Client(headers={"Authorization": header}).get("/api/v1/moderation/queue").status_code == 401
