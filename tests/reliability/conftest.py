"""Fixtures for the reliability and security tests: a world with secrets to leak, and the people who must not see them.

The world has two sites. Site A (the shared ``site`` fixture) has a pending comment, a rejected one
and an approved one; their bodies and commenters' emails carry ``SECRET`` markers that no page may
show to the wrong person (the approved body is public; its author's email never is). Site B has its
own moderator, Dave, who must see nothing of site A. Charlie is a reader with an account but no
staff role. Erin moderates site A; her account is locked and holds an API token.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from majlis.accounts.models import ApiToken, Moderator, Role
from majlis.comments.models import Comment, Status
from majlis.comments.submission import fingerprint
from majlis.publications.models import Article, Site
from reliability_fixtures import APPROVED_BODY, PASSWORD, SECRETS

def make_comment(article, *, body, email, status, author="Nadia"):
    return Comment.objects.create(
        article=article, author_name=author, email=email, body=body, status=status,
        fingerprint=fingerprint(email, body), language="en", violation=0.5,
    )


@pytest.fixture
def world(site, article):
    """Site A's comments with secret markers, site B with its own article and moderator."""
    other_site = Site.objects.create(name="The Other Gazette", domain="other.example")
    other_article = Article.objects.create(site=other_site, slug="other-news", language="en", title="Other news")
    pending = make_comment(article, body=SECRETS["pending_body"], email=SECRETS["pending_email"], status=Status.PENDING)
    rejected = make_comment(article, body=SECRETS["rejected_body"], email="r@commenter.example", status=Status.REJECTED)
    approved = make_comment(article, body=APPROVED_BODY, email=SECRETS["approved_email"], status=Status.APPROVED)
    users = get_user_model().objects
    dave = users.create_user("dave", "dave@other.example", PASSWORD, is_staff=True)
    profile = Moderator.objects.create(user=dave, role=Role.MODERATOR)
    profile.sites.set([other_site])
    charlie = users.create_user("charlie", "charlie@example.org", PASSWORD)
    # Erin moderates site A; her account is locked and has a live token: nobody outside may change either.
    erin = users.create_user("erin", "erin@test.example", PASSWORD, is_staff=True)
    erin_profile = Moderator.objects.create(
        user=erin, role=Role.MODERATOR, locked_until=timezone.now() + timedelta(minutes=10)
    )
    erin_profile.sites.set([site])
    erin_token = ApiToken.issue(erin)[0]
    return {
        "site": site, "article": article, "other_site": other_site, "other_article": other_article,
        "pending": pending, "rejected": rejected, "approved": approved, "dave": dave, "charlie": charlie,
        "dave_token": ApiToken.issue(dave)[1], "erin_profile": erin_profile, "erin_token": erin_token,
    }


# ---- A real browser (Debian's Chromium through Playwright) for the injection tests. ----
@pytest.fixture(scope="session")
def chromium(browser):
    """The session's one Chromium (tests/conftest.py): Playwright's sync API allows one per thread."""
    return browser


@pytest.fixture
def tab(page):
    """The shared recording page (tests/conftest.py), under the names this suite reads."""
    page.dialogs, page.errors = page.majlis_dialogs, page.majlis_errors
    return page


@pytest.fixture
def host_origin(second_origin):
    """Another origin on 127.0.0.1 for pages that embed the widget (tests/conftest.py)."""
    return second_origin
