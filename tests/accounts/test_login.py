"""The moderator login: lockout after repeated wrong passwords, a fresh session, the count reset."""

from datetime import timedelta

from django.utils import timezone

from majlis.accounts.models import Moderator

PASSWORD = "correct-horse-battery"


def attempt(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_it_logs_a_moderator_in_to_the_queue(client, bob):
    response = attempt(client, "bob", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/moderation/"


def test_it_locks_the_account_after_the_limit_and_refuses_even_the_right_password(client, bob, settings):
    settings.MAJLIS_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        attempt(client, "bob", "wrong-guess-123")
    assert Moderator.objects.get(user=bob).is_locked
    response = attempt(client, "bob", PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "an account is locked for a few minutes" in response.content.decode()


def test_it_lets_the_moderator_in_once_the_lock_has_run_out(client, bob, settings):
    settings.MAJLIS_LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        attempt(client, "bob", "wrong-guess-123")
    Moderator.objects.filter(user=bob).update(locked_until=timezone.now() - timedelta(seconds=1))
    assert attempt(client, "bob", PASSWORD).status_code == 302


def test_it_resets_the_count_after_a_success(client, bob, settings):
    settings.MAJLIS_LOGIN_MAX_FAILURES = 3
    attempt(client, "bob", "wrong-guess-123")
    attempt(client, "bob", "wrong-guess-123")
    attempt(client, "bob", PASSWORD)
    assert Moderator.objects.get(user=bob).failed_logins == 0


def test_it_gives_a_new_session_key_at_login(client, bob):
    client.get("/accounts/login/")
    session = client.session
    session["planted"] = "yes"
    session.save()
    before = session.session_key
    attempt(client, "bob", PASSWORD)
    assert client.session.session_key != before


def test_it_logs_out_by_post_only_to_the_login_page(client_for, bob):
    client = client_for(bob)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
