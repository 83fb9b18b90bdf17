"""The `habeas` command: a thin dispatcher over one module per command group.

Each command module exposes `register(subparsers)`, which adds its parser and
sets `func` to a callable taking the parsed arguments and returning an exit
status. Modules are imported only when listed here, so `habeas --help` stays
fast and a command's heavy imports happen only when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from habeas import __version__
from habeas.errors import HabeasError

# Order is the order in `habeas --help`.
_COMMAND_MODULES = (
    "habeas.cli.extract",
    "habeas.cli.evaluate",
    "habeas.cli.match",
    "habeas.cli.ingest",
    "habeas.cli.feeds",
    "habeas.cli.worker",
    "habeas.cli.status",
    "habeas.cli.people",
    "habeas.cli.serve",
    "habeas.cli.demo",
    "habeas.cli.users",
    "habeas.cli.alerts",
    "habeas.cli.audit",
    "habeas.cli.keys",
    "habeas.cli.migrate_db",
    "habeas.cli.backup",
    "habeas.cli.export",
    "habeas.cli.import_",
    "habeas.cli.publish",
    "habeas.cli.api_tokens",
    "habeas.cli.lists",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="habeas",
        description="Turn reports of detentions into sourced, reviewable case files.",
    )
    parser.add_argument("--version", action="version", version=f"habeas {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args))
    except HabeasError as exc:
        print(f"habeas: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("habeas: interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        # Input nested deeper than a parser can follow (JSON, HTML): bad data, not a bug.
        print("habeas: the input is nested too deeply to be read", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `habeas extract … | head` closing the pipe early is not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug of ours: one line for the user, the trace on request
        if os.environ.get("HABEAS_DEBUG"):
            raise
        print(
            f"habeas: internal error ({type(exc).__name__}: {exc}); "
            "run again with HABEAS_DEBUG=1 for details and please report it",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
