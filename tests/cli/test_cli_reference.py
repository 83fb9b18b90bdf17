"""docs/cli.md is generated from the commands' --help; it must not go stale."""

from pathlib import Path

from habeas.cli.reference import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_the_cli_reference_is_up_to_date() -> None:
    assert DOC.read_text("utf-8") == render(), (
        "docs/cli.md is stale: run `python -m habeas.cli.reference > docs/cli.md`"
    )


def test_every_command_is_in_the_reference() -> None:
    text = render()
    for command in ("extract", "ingest", "status", "match", "serve", "backup", "audit"):
        assert f"## habeas {command}" in text
