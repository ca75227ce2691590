"""The fixed vocabulary of guideline categories.

This is the one registry: the UI, the API, the docs, rejection reasons and the models all read it.
Adding a category means adding it here first (see CONTRIBUTING.md for every other file to touch).
The labels are plain English, marked with ``gettext_noop`` so that ``makemessages`` collects them;
Django code translates them when it shows them (``gettext(category.label)``).
"""

from dataclasses import dataclass


def gettext_noop(text: str) -> str:
    """Mark a label for translation without importing Django (``makemessages`` knows this name)."""
    return text


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    help: str
    # Off-topic comments are flagged for a human and never rejected automatically by default.
    auto_reject: bool = True
    # Whether the category counts towards the overall ``violation`` probability.
    counts_as_violation: bool = True


CATEGORIES = (
    Category("profanity", gettext_noop("Profanity"), gettext_noop("Swearing and obscene words, aimed at no one in particular.")),
    Category("vulgarity", gettext_noop("Vulgarity"), gettext_noop("Sexually explicit or crude content.")),
    Category("threat", gettext_noop("Threat"), gettext_noop("Intent, wish or call for violence or harm to a person or group.")),
    Category(
        "personal_attack",
        gettext_noop("Personal attack"),
        gettext_noop(
            "Insults, name-calling or harassment aimed at a person: another commenter, the journalist, "
            "a public figure."
        ),
    ),
    Category(
        "identity_abuse",
        gettext_noop("Identity abuse"),
        gettext_noop(
            "Abuse of a group for who they are: sexism, racism, homophobia, xenophobia, ethnic or "
            "religious hatred."
        ),
    ),
    Category(
        "promotion",
        gettext_noop("Promotion"),
        gettext_noop(
            "Commercial or personal promotion: ads, selling, links and contact details to attract "
            "business, self-promotion, spam floods."
        ),
    ),
    Category(
        "off_topic",
        gettext_noop("Off topic"),
        gettext_noop("Not relevant to the article; flagged for a human, never auto-rejected by default."),
        auto_reject=False,
        counts_as_violation=False,
    ),
)

BY_CODE = {c.code: c for c in CATEGORIES}
CODES = tuple(c.code for c in CATEGORIES)
VIOLATION_CODES = tuple(c.code for c in CATEGORIES if c.counts_as_violation)
# The violation categories that are abuse (what "offensive"/"toxic" labels of public data mean).
ABUSE_CODES = tuple(c for c in VIOLATION_CODES if c != "promotion")

# Subtypes kept for identity abuse.
IDENTITY_SUBTYPES = ("sexism", "racism", "homophobia", "xenophobia", "ethnic", "religious")

LANGUAGES = ("en", "ar", "ckb", "kmr", "tr", "fa")
RTL_LANGUAGES = frozenset({"ar", "ckb", "fa"})
