"""Majlis: pre-moderated, multilingual comments for news sites.

The Django project lives in this package (settings, urls, the apps ``publications``, ``comments``,
``moderation``, ``api`` and ``accounts``); ``majlis.screening`` is the plain-Python screening engine
that scores every comment against the community guidelines, with no Django import.
"""

__version__ = "0.1.0"
