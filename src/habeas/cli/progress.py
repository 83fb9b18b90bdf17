"""A progress line on standard error for long commands: count, rate and time left (tqdm).

Shown only when standard error is a terminal and `--quiet` was not given, so
logs, cron mails and pipes get no carriage-return noise.
"""

from __future__ import annotations

import argparse
import sys
from types import TracebackType
from typing import Any


def add_quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="no progress line on standard error")


def shown(args: argparse.Namespace) -> bool:
    """Whether a command run with `args` shows progress (a terminal, and no --quiet)."""
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


class Progress:
    """A context manager and a callback `(done, total)` that draws the line.

    Called by the work itself (`check_due(on_progress=...)`, `write_backup`...),
    which knows its total only once it has started.
    """

    def __init__(self, args: argparse.Namespace, *, what: str, unit: str) -> None:
        self._enabled = shown(args)
        self._what = what
        self._unit = unit
        self._bar: Any = None

    def __enter__(self) -> Progress:
        return self

    def __call__(self, done: int, total: int | None = None) -> None:
        if not self._enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                desc=self._what,
                unit=f" {self._unit}",
                file=sys.stderr,
                dynamic_ncols=True,
                leave=False,
            )
        if total is not None and self._bar.total != total:
            self._bar.total = total
        self._bar.update(done - self._bar.n)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            # Draw the last count even when it came within tqdm's refresh interval.
            self._bar.refresh()
            self._bar.close()
