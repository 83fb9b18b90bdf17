"""`--format text|json` for commands that print results: the human line, or JSON Lines.

With `--format json` every result is one JSON object on its own line of
standard output (JSON Lines), so a script reads the output line by line with
any JSON parser; messages and errors stay on standard error in both formats.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

FORMATS = ("text", "json")


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: lines to read (default); json: one JSON object per result (JSON Lines)",
    )


class Output:
    """Writes each result as text or as a JSON line, as `--format` asked."""

    def __init__(self, fmt: str) -> None:
        self.json = fmt == "json"

    def record(self, obj: dict[str, Any], *, text: str | None = None) -> None:
        """One result: `obj` as a JSON line, or `text` (if any) as a line."""
        if self.json:
            sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        elif text is not None:
            sys.stdout.write(text + "\n")
        sys.stdout.flush()
