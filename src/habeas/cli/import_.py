"""`habeas import FILE [--map 'HEADER=column' ...] [--dry-run]`: people and detentions from a
spreadsheet (CSV or XLSX).

    habeas import detained.xlsx --map "Full name=name" --map "Arrested on=date" --dry-run
    habeas import detained.xlsx --map "Full name=name" --map "Arrested on=date"

Columns named like the CSV export's (name, roles, country, event_type, date,
place, authority, penalty_kind, penalty_days, charges, ...) are mapped without
--map, so an export imports as it is. Rows that cannot be read are listed with
their row numbers; the other rows are imported. Importing the same file again
changes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import people and detentions from a CSV or XLSX spreadsheet",
        description="Import people and detentions from a spreadsheet; --dry-run shows the plan.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a .csv (UTF-8) or .xlsx file")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=COLUMN",
        help="read the spreadsheet's HEADER as COLUMN (repeatable)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    parser.set_defaults(func=run)


def _mapping(pairs: list[str]) -> dict[str, str]:
    from habeas.errors import InputError

    out = {}
    for pair in pairs:
        header, sep, column = pair.rpartition("=")
        if not sep or not header.strip() or not column.strip():
            raise InputError(f"--map {pair!r} is not of the form 'HEADER=column'")
        out[header.strip()] = column.strip()
    return out


def run(args: argparse.Namespace) -> int:
    mapping = _mapping(args.map)
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.public.importing import import_file

    plan = import_file(args.file, mapping=mapping, dry_run=args.dry_run)
    verb = "would add" if args.dry_run else "added"
    print(
        f"{args.file.name}: {plan.rows} rows; {verb} {len(plan.new_persons)} persons and "
        f"{len(plan.new_events)} events; {plan.unchanged_rows} rows already known; "
        f"{len(plan.problems)} rows unreadable"
    )
    for name in plan.new_persons:
        print(f"  + person {name}")
    for name, words in plan.new_events:
        print(f"  + event  {name}: {words}")
    for problem in plan.problems:
        print(f"  row {problem.number}: {problem.message}")
    return 1 if plan.problems else 0
