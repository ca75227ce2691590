"""docs/cli.md is generated from the commands' --help (scripts/gen-cli-docs); this keeps it current."""

from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from majlis.cli import MAJLIS_COMMANDS

CLI_DOC = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
OURS = [name for name in MAJLIS_COMMANDS if name in get_commands() and name not in {"migrate", "check", "shell"}]


@pytest.mark.parametrize("name", OURS)
def test_every_majlis_command_is_documented_with_all_its_options(name):
    command = load_command_class(get_commands()[name], name)
    parser = command.create_parser("majlis", name)
    own = [a for a in parser._actions if a.dest not in {"help", "version", "verbosity", "settings", "pythonpath",
                                                        "traceback", "no_color", "force_color", "skip_checks"}]

    assert f"## majlis {name}" in CLI_DOC, "run scripts/gen-cli-docs"
    section = CLI_DOC.split(f"## majlis {name}", 1)[1].split("\n## ", 1)[0]
    for action in own:
        if action.option_strings:
            label = action.option_strings[0]
        elif action.choices:
            label = "{" + ",".join(map(str, action.choices)) + "}"
        else:
            label = action.metavar or action.dest
        assert label in section, f"{name}: {label} missing from docs/cli.md; run scripts/gen-cli-docs"
