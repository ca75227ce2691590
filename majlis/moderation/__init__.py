"""Moderation: the queue, decisions (the only code that changes a comment's status), audit log, settings, statistics."""
