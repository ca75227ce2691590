"""The API's quick validation (forms.cleaned_if_valid) agrees with the comment form it stands in for."""

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from majlis.comments.forms import CommentForm, cleaned_if_valid

TEXT = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["", "  ", "\x00", "a\u200bb", "Ada", "ada@example.com", " ADA@Example.COM ", "x@y",
                     "not an email", "\u202eevil", "ok\r\nline", "\x07bell text here", "ياسمين"]),
)
FIELDS = ("author", "email", "body", "website")


def _form_result(data):
    form = CommentForm(data={k: v for k, v in data.items() if v is not None})
    return form.cleaned_data if form.is_valid() else None


@pytest.mark.parametrize(
    "data",
    [
        {"author": "Ada", "email": "ada@example.com", "body": "A careful, relevant comment."},
        {"author": " Ada  Lovelace ", "email": " ADA@Example.COM ", "body": "  Line one\r\nline two \x07 "},
        {"author": "\u200b", "email": "ada@example.com", "body": "A careful, relevant comment."},
        {"author": "Ada", "email": "ada@example", "body": "A careful, relevant comment."},
        {"author": "Ada", "email": "ada@example.com", "body": "x"},
        {"author": "Ada", "email": "ada@example.com", "body": "A careful comment.", "website": "spam.example"},
        {"author": "Ada", "email": "ada@example.com", "body": "nul \x00 inside"},
        {"author": "A" * 300, "email": "ada@example.com", "body": "A careful, relevant comment."},
        {"author": "Ada", "email": "a" * 250 + "@example.com", "body": "A careful, relevant comment."},
        {"author": "Ada", "email": "ada@example.com", "body": "y" * 20000},
    ],
)
def test_it_accepts_exactly_what_the_form_accepts_with_the_same_cleaned_values(db, data):
    quick = cleaned_if_valid(data)
    expected = _form_result(data)
    assert (quick is None) == (expected is None)
    if quick is not None:
        assert quick == {**expected, "website": expected.get("website", "")}


def test_a_plain_valid_comment_takes_the_quick_path(db):
    data = {"author": "Ada", "email": "Ada@Example.com", "body": "A careful, relevant comment."}
    assert cleaned_if_valid(data) == {"author": "Ada", "email": "ada@example.com",
                                       "body": "A careful, relevant comment.", "website": ""}


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({
    "author": st.one_of(TEXT, st.text(min_size=1, max_size=30)),
    "email": st.one_of(TEXT, st.emails()),
    "body": st.one_of(TEXT, st.text(min_size=5, max_size=300)),
    "website": st.one_of(st.none(), st.just(""), TEXT),
}))
def test_it_agrees_with_the_form_on_generated_input(data):
    quick = cleaned_if_valid(data)
    expected = _form_result(data)
    assert (quick is None) == (expected is None), data
    if quick is not None:
        assert quick == {**expected, "website": expected.get("website", "")}
