"""`habeas people search|merge|undo`: find persons by any known name form, merge two, undo.

    habeas people search "Гейдаров"
    habeas people merge 12 31 --why "same journalist, same newspaper"
    habeas people undo 204 --why "two brothers"

`merge A B` keeps person A and folds B into it; it prints the version
number that `undo` takes.
"""

from __future__ import annotations

import argparse
from typing import Any

from habeas.cli.output import Output, add_format_option


def register(subparsers: Any) -> None:
    """Add the `people` command to the `habeas` parser."""
    parser = subparsers.add_parser(
        "people",
        help="find persons by name, merge two persons' files, undo a merge",
        description="Find persons by any known form of their name; merge and undo merges.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    search = actions.add_parser("search", help="persons whose known name forms match NAME")
    search.add_argument("name", metavar="NAME")
    search.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    search.set_defaults(func=run, action="search")
    merge = actions.add_parser("merge", help="fold person B into person A (undoable)")
    merge.add_argument("kept", type=int, metavar="A")
    merge.add_argument("absorbed", type=int, metavar="B")
    merge.add_argument("--why", required=True, help="why they are the same person")
    merge.set_defaults(func=run, action="merge")
    undo = actions.add_parser("undo", help="undo the merge recorded as VERSION")
    undo.add_argument("version", type=int, metavar="VERSION")
    undo.add_argument("--why", default="undone from the command line", help="why it is undone")
    for sub in (search, merge, undo):
        add_format_option(sub)
    undo.set_defaults(func=run, action="undo")


def run(args: argparse.Namespace) -> int:
    """Run one `people` action; return the exit status."""
    from habeas.web.bootstrap import setup

    setup()
    out = Output(args.format)
    if args.action == "search":
        return _search(args.name, limit=args.limit, out=out)
    if args.action == "merge":
        return _merge(args.kept, args.absorbed, why=args.why, out=out)
    return _undo(args.version, why=args.why, out=out)


def _search(name: str, *, limit: int, out: Output) -> int:
    from habeas.web.store.queries import find_persons

    hits = find_persons(name, limit=limit)
    if not hits and not out.json:
        print(f"no known person matches {name!r}")
    for hit in hits:
        out.record(
            {
                "person_id": hit.person_id,
                "name": hit.display_name,
                "form": hit.form,
                "score": round(hit.score, 3),
            },
            text=f"#{hit.person_id}\t{hit.display_name}\t(as {hit.form!r}, score {hit.score:.2f})",
        )
    return 0


def _merge(kept: int, absorbed: int, *, why: str, out: Output) -> int:
    from habeas.web.store.merges import merge_persons

    merge = merge_persons(kept, absorbed, why=why)
    out.record(
        {
            "kept": kept,
            "absorbed": absorbed,
            "name_forms_moved": len(merge.name_form_ids),
            "events_moved": len(merge.event_ids),
            "version": merge.version_id,
        },
        text=f"merged person #{absorbed} into #{kept}: {len(merge.name_form_ids)} name forms, "
        f"{len(merge.event_ids)} events moved; undo with: habeas people undo {merge.version_id}",
    )
    return 0


def _undo(version: int, *, why: str, out: Output) -> int:
    from habeas.web.store.merges import undo_merge

    merge = undo_merge(version, why=why)
    out.record(
        {"kept": merge.kept_id, "absorbed": merge.absorbed_id, "undone": version},
        text=f"person #{merge.absorbed_id} is separate from #{merge.kept_id} again",
    )
    return 0
