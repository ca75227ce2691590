"""A database trigger that refuses any change to a comment's author, email or body.

The model layer refuses it too (``Comment.save``), but a raw SQL ``UPDATE`` or a ``QuerySet.update``
bypasses the model; the trigger does not. The one exception is erasure at a reader's request: a
single update that sets ``erased_at`` (from NULL) may blank the personal data.
"""

from django.db import migrations

SQLITE_CREATE = """
CREATE TRIGGER comments_comment_immutable
BEFORE UPDATE OF author_name, email, body ON comments_comment
FOR EACH ROW
WHEN (NEW.author_name IS NOT OLD.author_name OR NEW.email IS NOT OLD.email OR NEW.body IS NOT OLD.body)
     AND NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'majlis: comments are never edited (author_name, email and body are immutable)');
END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS comments_comment_immutable;"

POSTGRES_CREATE = """
CREATE OR REPLACE FUNCTION comments_comment_immutable() RETURNS trigger AS $$
BEGIN
    IF (NEW.author_name IS DISTINCT FROM OLD.author_name
        OR NEW.email IS DISTINCT FROM OLD.email
        OR NEW.body IS DISTINCT FROM OLD.body)
       AND NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL) THEN
        RAISE EXCEPTION 'majlis: comments are never edited (author_name, email and body are immutable)'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER comments_comment_immutable
BEFORE UPDATE ON comments_comment
FOR EACH ROW EXECUTE FUNCTION comments_comment_immutable();
"""
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS comments_comment_immutable ON comments_comment;
DROP FUNCTION IF EXISTS comments_comment_immutable();
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    else:
        raise NotImplementedError(f"No immutability trigger for {vendor}: Majlis supports SQLite and PostgreSQL.")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(SQLITE_DROP if vendor == "sqlite" else POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
