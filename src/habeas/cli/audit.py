"""`habeas audit verify`: check that no audit entry was altered, deleted or reordered."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="check the hash-chained audit log",
        description="Work with the audit log of logins, exports, permission changes and edits.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="walk the chain and report the first broken or missing entry",
        description=(
            "Recompute every entry's SHA-256 from the one before it. Exit 0 when the chain is "
            "intact, 1 (naming the first bad entry) when an entry was altered, deleted or moved."
        ),
    )
    verify.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.audit.chain import verify

    check = verify()
    if check.ok:
        print(f"audit log intact: {check.checked} entries")
        return 0
    print(
        f"habeas: audit log broken: {check.problem} ({check.checked} entries before it are intact)",
        file=sys.stderr,
    )
    return 1
