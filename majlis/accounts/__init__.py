"""Moderators and admins: roles, site and language scopes, login lockout, API tokens (stored hashed)."""
