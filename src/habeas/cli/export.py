"""`habeas export --format csv|jsonl|ftm|acled [--public] [--output FILE]`: the case files out.

    habeas export --format csv --output cases.csv
    habeas export --format ftm --public > public.ftm.json

Without --public the export holds everything a viewer may see (every person's
confirmed events; never the encrypted confidential fields) and is written to the
audit log. With --public it holds only what editors published (docs/publishing.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FORMATS = ("csv", "jsonl", "ftm", "acled")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export case files as CSV, JSON Lines, FollowTheMoney or an ACLED-style table",
        description="Write the case files in one format to a file or standard output.",
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="the output format")
    parser.add_argument(
        "--public", action="store_true", help="only what editors published (the public view)"
    )
    parser.add_argument("--output", type=Path, help="write here (atomically) instead of stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.public.exporting import export_text

    text, lines = export_text(args.format, public=args.public, actor="cli")
    if args.output is None:
        sys.stdout.write(text)
        return 0
    from habeas.files import write_atomically

    write_atomically(args.output, text)
    print(f"wrote {lines} lines of {args.format} to {args.output}", file=sys.stderr)
    return 0
