"""`habeas audit verify`: check that no audit entry was altered, deleted, reordered or forged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from habeas.cli.output import Output, add_format_option


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="check the keyed, hash-chained audit log",
        description=(
            "Work with the audit log of logins, exports, backups, restores, permission "
            "changes and edits."
        ),
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="walk the chain and report the first broken or missing entry",
        description=(
            "Recompute every entry's HMAC (under the audit key kept outside the database) from "
            "the one before it, and check that the chain reaches the signed checkpoint of its "
            "head kept outside the database (and, with --backup, the one in a backup). Exit 0 "
            "when intact, 1 (naming the first problem) when an entry was altered, deleted, "
            "moved or forged, or entries are missing at the end."
        ),
    )
    verify.add_argument(
        "--backup",
        type=Path,
        metavar="FILE",
        help="also check against the checkpoint in this backup (its passphrase as for restore)",
    )
    verify.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="PATH",
        help="the backup's passphrase file (default: HABEAS_BACKUP_PASSPHRASE)",
    )
    add_format_option(verify)
    verify.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from habeas.web.bootstrap import setup

    passphrase = ""  # nosec B105: empty until --backup asks for one
    if args.backup is not None:
        from habeas.cli.backup import passphrase_of

        passphrase = passphrase_of(args)
    setup()
    from habeas.web.audit.chain import verify

    against = None
    if args.backup is not None:
        from habeas.web.backup import backup_checkpoint, read_backup

        manifest, _ = read_backup(args.backup, passphrase=passphrase)
        against = backup_checkpoint(manifest)
    check = verify(against=against)
    Output(args.format).record(
        {"intact": check.ok, "checked": check.checked, "problem": check.problem or None},
        text=f"audit log intact: {check.checked} entries" if check.ok else None,
    )
    if check.ok:
        return 0
    print(
        f"habeas: audit log broken: {check.problem} ({check.checked} entries before it are intact)",
        file=sys.stderr,
    )
    return 1
