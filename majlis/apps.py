from django.apps import AppConfig


class MajlisConfig(AppConfig):
    """The project itself: management commands (``majlis demo``, ``serve``, ``screen``, ...) and system checks."""

    name = "majlis"
    verbose_name = "Majlis"

    def ready(self):
        from majlis import checks  # noqa: F401  (registers the system checks)
