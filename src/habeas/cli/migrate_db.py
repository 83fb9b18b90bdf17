"""`habeas migrate-db --from sqlite:///… --to postgresql://…`: move an instance to PostgreSQL."""

from __future__ import annotations

import argparse
from typing import Any

from habeas.cli.output import Output, add_format_option
from habeas.cli.progress import Progress, add_quiet_option


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate-db",
        help="copy a SQLite case store into an empty PostgreSQL database",
        description=(
            "Copy every table, keeping primary keys, then move the sequences past them and "
            "check each table's row count and content hash against the source. The target "
            "must be empty; its schema is created. Snapshots stay in HABEAS_HOME."
        ),
    )
    parser.add_argument(
        "--from", dest="source", required=True, metavar="URL", help="sqlite:///path of the source"
    )
    parser.add_argument(
        "--to", dest="target", required=True, metavar="URL", help="the target database URL"
    )
    add_quiet_option(parser)
    add_format_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.config import DatabaseKind, parse_database_url
    from habeas.errors import InputError

    source = parse_database_url(args.source)
    if source.kind is not DatabaseKind.SQLITE:
        raise InputError("--from must be a sqlite:///path URL")
    if parse_database_url(args.target).kind is not DatabaseKind.POSTGRESQL:
        raise InputError("--to must be a postgresql:// URL")
    from pathlib import Path

    if not Path(source.name).is_file():
        raise InputError(f"there is no SQLite database at {source.name}")

    from habeas.web.bootstrap import setup

    setup(migrate=False)
    from habeas.web.transfer import close_database, copy_database, open_database

    open_database("source", args.source)
    open_database("target", args.target)
    try:
        with Progress(args, what="migrate-db", unit="tables") as progress:
            digests = copy_database(source="source", target="target", on_progress=progress)
    finally:
        close_database("source")
        close_database("target")
    rows = sum(d.rows for d in digests.values())
    Output(args.format).record(
        {"rows": rows, "tables": len(digests), "verified": True},
        text=f"copied {rows} rows in {len(digests)} tables; every table's count and hash match",
    )
    return 0
