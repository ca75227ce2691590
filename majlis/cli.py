"""The ``majlis`` command: Django's management commands, with Majlis's own listed first.

A configuration error (a bad environment variable, an unsupported DATABASE_URL) stops the program
with one line on stderr and exit status 2, never a traceback.
"""

import os
import sys

MAJLIS_COMMANDS = (
    "demo", "serve", "worker", "createmoderator", "apitoken", "screen", "train", "evaluate",
    "rescreen", "import", "export", "migrate", "check", "shell",
)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "majlis"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "majlis.settings")
    if argv[1:2] == ["demo"]:
        prepare_demo_environment()
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        print(f"majlis: configuration error: {exc}", file=sys.stderr)
        return 2
    if len(argv) == 1 or argv[1:] in (["-h"], ["--help"], ["help"]):
        print_overview()
        return 0
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        hint = " Set MAJLIS_SECRET_KEY or MAJLIS_SECRET_KEY_FILE." if "SECRET_KEY" in str(exc) else ""
        print(f"majlis: configuration error: {exc}{hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def prepare_demo_environment() -> None:
    """The demo keeps a secret key of its own in the data directory, made on first run."""
    if os.environ.get("MAJLIS_SECRET_KEY") or os.environ.get("MAJLIS_SECRET_KEY_FILE"):
        return
    import secrets
    from pathlib import Path

    data_dir = Path(os.environ.get("MAJLIS_DATA_DIR", "./majlis-data"))
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    os.environ["MAJLIS_SECRET_KEY_FILE"] = str(key_file.resolve())


def print_overview() -> None:
    from django.core.management import get_commands, load_command_class

    print("usage: majlis COMMAND [options]   (majlis COMMAND --help for its options)\n")
    print("Majlis commands:")
    commands = get_commands()
    for name in MAJLIS_COMMANDS:
        if name not in commands:
            continue
        help_text = load_command_class(commands[name], name).help.strip().splitlines()[0]
        print(f"  {name:<16} {help_text}")
    print("\nEvery Django management command works too: `majlis help --commands` lists them all.")


if __name__ == "__main__":
    sys.exit(main())
