"""Comments are never edited: the model layer and the database both refuse it (SQLite and PostgreSQL)."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from majlis.comments.models import Comment, ImmutableFieldError, Status


@pytest.fixture
def comment(article):
    return Comment.objects.create(
        article=article, author_name="Charlie", email="charlie@example.org", body="The original words.", fingerprint="f"
    )


def stored_body(pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {Comment._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("field, value", [("body", "Edited words."), ("author_name", "Mallory"), ("email", "m@example.org")])
def test_it_refuses_an_edit_in_the_model_layer(comment, field, value):
    comment = Comment.objects.get(pk=comment.pk)
    setattr(comment, field, value)

    with pytest.raises(ImmutableFieldError):
        comment.save()

    assert getattr(Comment.objects.get(pk=comment.pk), field) != value


@pytest.mark.parametrize("column", ["body", "author_name", "email"])
def test_it_refuses_a_raw_sql_update_in_the_database(comment, column):
    with pytest.raises(DatabaseError, match="never edited"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {Comment._meta.db_table} SET {column} = %s WHERE id = %s", ["edited", comment.pk])

    assert stored_body(comment.pk) == "The original words."


def test_it_refuses_a_queryset_update_of_the_body(comment):
    with pytest.raises(DatabaseError):
        with transaction.atomic():
            Comment.objects.filter(pk=comment.pk).update(body="edited")

    assert stored_body(comment.pk) == "The original words."


def test_it_lets_the_status_change(comment):
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED, decided_at=timezone.now())

    assert Comment.objects.get(pk=comment.pk).status == Status.APPROVED


def test_it_lets_an_erasure_blank_the_personal_data_once(comment):
    Comment.objects.filter(pk=comment.pk).update(author_name="", email="", body="", erased_at=timezone.now())

    erased = Comment.objects.get(pk=comment.pk)
    assert (erased.author_name, erased.email, erased.body) == ("", "", "")
    with pytest.raises(DatabaseError):
        with transaction.atomic():
            Comment.objects.filter(pk=comment.pk).update(body="rewritten after erasure")
