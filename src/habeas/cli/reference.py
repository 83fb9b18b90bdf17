"""The command-line reference (docs/cli.md), generated from the commands' own --help.

    python -m habeas.cli.reference > docs/cli.md

A test fails when docs/cli.md is stale, so the reference never drifts from
the code.
"""

from __future__ import annotations

import argparse
import os
import sys

from habeas.cli.main import build_parser


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    out: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:  # argparse keeps sub-parsers here and nowhere public
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append((name, sub))
    return out


def _help(parser: argparse.ArgumentParser) -> str:
    # A fixed width, so the text does not depend on the terminal it was made in.
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        return parser.format_help().rstrip()
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def render() -> str:
    parser = build_parser()
    lines = [
        "# Command-line reference",
        "",
        "Generated from `habeas … --help` by `python -m habeas.cli.reference`; "
        "do not edit by hand.",
        "",
        "```",
        _help(parser),
        "```",
    ]
    for name, sub in _subcommands(parser):
        lines += ["", f"## habeas {name}", "", "```", _help(sub), "```"]
        for child, subsub in _subcommands(sub):
            lines += ["", f"### habeas {name} {child}", "", "```", _help(subsub), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
