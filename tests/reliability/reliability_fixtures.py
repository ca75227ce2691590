"""Constants shared by the reliability tests (a plain module: the test directories are not packages)."""

PASSWORD = "correct-horse-battery"
SECRETS = {
    "pending_body": "SECRET-pending-body-7f3a",
    "pending_email": "secret-pending-7f3a@commenter.example",
    "rejected_body": "SECRET-rejected-body-91bc",
    "approved_email": "secret-approved-91bc@commenter.example",
}
APPROVED_BODY = "A fair report on the budget, thank you."


def make_staff(username, *, role="moderator", languages=()):
    """A staff account with a moderator profile (every site, ``languages`` or all)."""
    from django.contrib.auth import get_user_model

    from majlis.accounts.models import Moderator

    user = get_user_model().objects.create_user(username, f"{username}@newsroom.example", PASSWORD, is_staff=True)
    Moderator.objects.create(user=user, role=role, languages=list(languages))
    return user
