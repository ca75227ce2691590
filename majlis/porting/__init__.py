"""Moving to Majlis and away from it.

Readers of other systems' exports (``disqus``, ``isso``, ``wxr`` for WordPress) turn a file into
plain ``records`` (articles and comments with their dates and a mapped status); ``loader`` stores
them, screening every imported comment in batches so the statistics cover them too. ``jsonl`` is
Majlis's own export (articles, comments, decisions, as JSON lines) and its lossless restore.
"""
