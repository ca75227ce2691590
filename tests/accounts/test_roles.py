"""Who may open which workspace page: staff for the queue and statistics, admins for the rest."""

import pytest
from django.contrib.auth import get_user_model

STAFF_PAGES = ["/moderation/", "/moderation/audit/", "/moderation/stats/"]
ADMIN_PAGES = ["/moderation/settings/", "/accounts/moderators/", "/accounts/moderators/new/", "/accounts/tokens/"]


@pytest.fixture
def charlie(db):
    """A reader with an account but no moderator profile."""
    return get_user_model().objects.create_user("charlie", "charlie@example.org", "correct-horse-battery")


@pytest.mark.parametrize("path", STAFF_PAGES + ADMIN_PAGES)
def test_it_refuses_an_account_without_a_moderator_profile(client_for, charlie, site, path):
    assert client_for(charlie).get(path).status_code == 403


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_keeps_moderators_out_of_admin_pages(client_for, bob, site, path):
    assert client_for(bob).get(path).status_code == 403


@pytest.mark.parametrize("path", STAFF_PAGES + ADMIN_PAGES)
def test_it_lets_an_admin_in_everywhere(client_for, alice, site, path):
    assert client_for(alice).get(path, follow=True).status_code == 200


def test_it_shows_admin_links_to_admins_only(client_for, alice, bob, site):
    assert "/accounts/moderators/" in client_for(alice).get("/moderation/").content.decode()
    assert "/accounts/moderators/" not in client_for(bob).get("/moderation/").content.decode()
