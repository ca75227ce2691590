"""The workspace's pages, one module per concept: queue, decisions, audit log, automation, statistics,
and moderation from email. Every view requires a staff login (``accounts.roles``)."""
