"""Admins manage moderators: role, languages, sites, email links, deactivation, unlocking."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from majlis.accounts.models import Moderator, Role


def test_it_creates_a_moderator_with_languages_and_sites(client_for, alice, site):
    response = client_for(alice).post("/accounts/moderators/new/", {
        "username": "dilan", "email": "dilan@newsroom.example", "password": "a-long-passphrase-77",
        "role": "moderator", "languages": ["ckb", "kmr"], "sites": [site.pk], "email_new_comments": "on", "is_active": "on",
    })
    assert response.status_code == 302
    profile = Moderator.objects.get(user__username="dilan")
    assert (profile.role, profile.languages, list(profile.sites.all()), profile.email_new_comments) == (Role.MODERATOR, ["ckb", "kmr"], [site], True)
    assert profile.user.check_password("a-long-passphrase-77")


def test_it_refuses_a_new_account_without_a_good_password(client_for, alice, site):
    response = client_for(alice).post("/accounts/moderators/new/", {"username": "dilan", "role": "moderator", "password": "short", "is_active": "on"})
    assert response.status_code == 200 and not get_user_model().objects.filter(username="dilan").exists()


def test_it_changes_a_role_and_keeps_the_password_when_left_empty(client_for, alice, bob):
    profile = bob.moderator
    client_for(alice).post(f"/accounts/moderators/{profile.pk}/", {"role": "admin", "languages": ["ar"], "is_active": "on"})
    profile.refresh_from_db()
    bob.refresh_from_db()
    assert (profile.role, profile.languages) == (Role.ADMIN, ["ar"]) and bob.check_password("correct-horse-battery")


def test_it_does_not_let_an_admin_deactivate_themselves(client_for, alice):
    client_for(alice).post(f"/accounts/moderators/{alice.moderator.pk}/", {"role": "admin"})
    alice.refresh_from_db()
    assert alice.is_active


def test_it_unlocks_a_locked_moderator(client_for, alice, bob):
    Moderator.objects.filter(user=bob).update(locked_until=timezone.now() + timedelta(minutes=10), failed_logins=4)
    client_for(alice).post(f"/accounts/moderators/{bob.moderator.pk}/unlock/")
    assert not Moderator.objects.get(user=bob).is_locked
