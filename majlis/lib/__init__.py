"""Small helpers, one concern per module (``env`` for settings parsing, ``net`` for addresses, ...)."""
