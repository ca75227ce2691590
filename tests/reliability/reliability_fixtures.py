"""Constants shared by the reliability tests (a plain module: the test directories are not packages)."""

PASSWORD = "correct-horse-battery"
SECRETS = {
    "pending_body": "SECRET-pending-body-7f3a",
    "pending_email": "secret-pending-7f3a@commenter.example",
    "rejected_body": "SECRET-rejected-body-91bc",
    "approved_email": "secret-approved-91bc@commenter.example",
}
APPROVED_BODY = "A fair report on the budget, thank you."
