"""Every command and option of the CLI is documented in docs/cli.md (a test fails when one is not)."""

from __future__ import annotations

from pathlib import Path

import typer

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands():
    from saydo.serve.cli import _register, app

    _register()
    root = typer.main.get_command(app)

    def walk(cmd, path):
        if hasattr(cmd, "commands"):  # a group (typer may bring its own click)
            for name, sub in cmd.commands.items():
                yield from walk(sub, path + [name])
        else:
            yield " ".join(path), cmd

    yield from walk(root, [])


def test_docs_every_command_and_option_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = []
    commands = list(_commands())
    assert len(commands) >= 10, [p for p, _ in commands]  # the walk itself must find the verbs
    for path, cmd in commands:
        if f"## saydo {path}" not in text:
            missing.append(f"saydo {path}")
            continue
        section = text.split(f"## saydo {path}", 1)[1].split("\n## ", 1)[0]
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in section:
                    missing.append(f"saydo {path} {opt}")
    assert not missing, f"undocumented in docs/cli.md: {missing}"
