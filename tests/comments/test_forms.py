"""The comment form: all fields required, names cleaned of invisible characters, limits from settings."""

import pytest

from majlis.comments.forms import CommentForm, clean_name

VALID = {"author": "Charlie", "email": "charlie@example.org", "body": "A clear report, thank you."}


def form_errors(**changes):
    form = CommentForm(data={**VALID, **changes})
    form.is_valid()
    return form.errors


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Ali\u200bce", "Alice"),  # zero-width space
        ("\u202eecilA", "ecilA"),  # right-to-left override
        ("\u2067Bob\u2069", "Bob"),  # isolates
        ("Ch\u200darlie\ufeff", "Charlie"),  # zero-width joiner, BOM
        ("\u061cأحمد", "أحمد"),  # Arabic letter mark
        ("  Zara   Ahmed \n", "Zara Ahmed"),
        ("Sa\x07ra", "Sara"),  # control character
    ],
)
def test_it_strips_invisible_and_control_characters_from_names(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("مهر\u200cآوا", "مهر\u200cآوا"),  # Persian spelling: kept between Arabic-script letters
        ("Ali\u200cce", "Alice"),  # Latin: only hides a difference
        ("\u200cمهر", "مهر"),  # at the edge of a word
        ("مهر\u200c Ali", "مهر Ali"),
    ],
)
def test_it_keeps_the_zwnj_only_where_it_is_spelling(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize("field", ["author", "email", "body"])
def test_it_requires_every_field(field):
    errors = form_errors(**{field: ""})

    assert list(errors) == [field]


def test_it_refuses_a_name_made_only_of_invisible_characters():
    assert "author" in form_errors(author="\u200b\u202e\u2066")


@pytest.mark.parametrize("email", ["not-an-email", "a@", "@example.org", "a b@example.org", "a@example..org", "<script>@x.org"])
def test_it_refuses_invalid_emails(email):
    assert list(form_errors(email=email)) == ["email"]


def test_it_lowercases_the_email():
    form = CommentForm(data={**VALID, "email": " Charlie@Example.ORG "})

    assert form.is_valid()
    assert form.cleaned_data["email"] == "charlie@example.org"


def test_it_applies_the_default_limits():
    assert "body" in form_errors(body="a")
    assert "body" in form_errors(body="a" * 3001)
    assert "body" not in form_errors(body="a" * 3000)
    assert "author" in form_errors(author="n" * 81)
    assert "author" not in form_errors(author="n" * 80)


def test_it_reads_the_limits_from_settings(settings):
    settings.MAJLIS_COMMENT_MIN_LENGTH = 10
    settings.MAJLIS_COMMENT_MAX_LENGTH = 20
    settings.MAJLIS_NAME_MAX_LENGTH = 5

    assert "body" in form_errors(body="too short")
    assert "body" in form_errors(body="x" * 21)
    assert "author" in form_errors(author="Charlie")
    assert CommentForm()["body"].field.widget.attrs["maxlength"] == 20


def test_it_keeps_the_body_as_written_apart_from_line_endings_and_outer_space():
    form = CommentForm(data={**VALID, "body": "  First line.\r\n\r\n  Second, with <b>tags</b>.  "})

    assert form.is_valid()
    assert form.cleaned_data["body"] == "First line.\n\n  Second, with <b>tags</b>."
