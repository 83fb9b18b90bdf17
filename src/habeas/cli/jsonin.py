"""Reading JSON input on the command line: deep nesting as a decode error, bounded error output."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

#: error lines printed per input before the rest are only counted
MAX_ERROR_LINES = 20


def loads(text: str) -> Any:
    """`json.loads`, with nesting too deep for the parser reported as a JSONDecodeError.

    The C parser recurses once per level and raises RecursionError at about a
    thousand levels; that is bad input, not a bug, and callers already say
    which line a JSONDecodeError is on.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


class ErrorLines:
    """Per-line errors of one input on stderr: the first `limit`, then only a count.

    A 50 MB file of bad lines would otherwise print a line for each, burying
    the first ones, which say what is wrong.
    """

    def __init__(self, label: str, *, limit: int = MAX_ERROR_LINES, out: TextIO | None = None):
        self.label = label
        self.limit = limit
        self.count = 0
        self._out = out

    def add(self, message: str) -> None:
        self.count += 1
        if self.count <= self.limit:
            print(f"habeas: {message}", file=self._out or sys.stderr)

    def close(self) -> None:
        """Say how many errors were not shown, if any."""
        hidden = self.count - self.limit
        if hidden > 0:
            print(
                f"habeas: {self.label}: {hidden} more bad lines not shown ({self.count} in all)",
                file=self._out or sys.stderr,
            )
