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


# What holds across commands (each point has a test in tests/cli/ or tests/store/).
_CONVENTIONS = [
    "## Conventions",
    "",
    "- **Machine-readable output.** `ingest`, `feeds`, `people`, `alerts`, `backup`, "
    "`restore`, `migrate-db`, `users list`, `users unlock`, `audit verify`, `keys rotate` "
    "and `eval` take `--format json`: each result is one JSON object on its own line of "
    "standard output (JSON Lines). `extract` prints the contract's JSON Lines by default "
    "(`--format table` for people), and `match` and `status` print JSON only. `users code` "
    "and `keys generate` print one value and nothing else.",
    "- **Progress.** `ingest`, `alerts check`, `backup`, `restore` and `migrate-db` draw a "
    "progress line (count, rate, time left) on standard error when it is a terminal; "
    "`--quiet` turns it off, and nothing is drawn into a pipe or a log. `ingest` of several "
    "inputs ends with a summary line on standard error.",
    "- **Errors.** One line, `habeas: …`, on standard error and a non-zero exit status "
    "(2 for bad input or usage). Input nested too deeply to parse is bad input too. "
    "Commands that read many lines (`match --pairs`, `status`) report the first 20 bad "
    "lines and then a count; an empty input is an error.",
    "- **JSON Lines to `ingest`.** A `.jsonl` file (or one whose first line is a JSON "
    "object) is one report per line in the contract's input form (`doc_id`, `published`, "
    "`lang`, `url`, `title`, `text`); a bad line stores nothing, and the same file again "
    'is "already known". The `url` of a line is not stored yet.',
]


def render() -> str:
    parser = build_parser()
    lines = [
        "# Command-line reference",
        "",
        "Generated from `habeas … --help` by `python -m habeas.cli.reference`; "
        "do not edit by hand.",
        "",
        *_CONVENTIONS,
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
