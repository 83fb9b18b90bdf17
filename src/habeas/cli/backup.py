"""`habeas backup FILE` and `habeas restore FILE`: encrypted, verifiable copies of an instance."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from habeas.cli.output import Output, add_format_option
from habeas.cli.progress import Progress, add_quiet_option
from habeas.errors import InputError


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="write an encrypted backup of the database and snapshots",
        description=(
            "Write FILE: every table and every snapshot, with a manifest of SHA-256 sums, "
            "encrypted with a key derived from a passphrase (--passphrase-file, or "
            "HABEAS_BACKUP_PASSPHRASE). Safe while the app runs. Exits 1 with a warning "
            "(the file still written) when the audit log does not check out, since a "
            "restore refuses such a backup."
        ),
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    _passphrase_option(backup)
    add_quiet_option(backup)
    add_format_option(backup)
    backup.set_defaults(func=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help="restore a backup into an empty instance",
        description=(
            "Check FILE against its manifest and load it into this instance "
            "(HABEAS_DATABASE_URL, HABEAS_HOME), which must be empty."
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    _passphrase_option(restore)
    add_quiet_option(restore)
    add_format_option(restore)
    restore.set_defaults(func=run_restore)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="PATH",
        help="a file whose first line is the passphrase (default: HABEAS_BACKUP_PASSPHRASE)",
    )


def passphrase_of(args: argparse.Namespace) -> str:
    """The passphrase from --passphrase-file or HABEAS_BACKUP_PASSPHRASE; InputError if none."""
    if args.passphrase_file is not None:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"the passphrase file cannot be read ({exc})") from None
        passphrase = lines[0] if lines else ""
    else:
        passphrase = os.environ.get("HABEAS_BACKUP_PASSPHRASE", "")
    if not passphrase:
        raise InputError("give a passphrase with --passphrase-file or HABEAS_BACKUP_PASSPHRASE")
    return passphrase


def run_backup(args: argparse.Namespace) -> int:
    passphrase = passphrase_of(args)
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.backup import snapshot_dir, write_backup

    with Progress(args, what="backup", unit="parts") as progress:
        done = write_backup(
            args.file, passphrase=passphrase, snapshot_dir=snapshot_dir(), on_progress=progress
        )
    Output(args.format).record(
        {"file": str(args.file), **dataclasses.asdict(done)},
        text=f"wrote {args.file}: {done.rows} rows in {done.tables} tables, "
        f"{done.snapshots} snapshots ({done.bytes} bytes, encrypted)",
    )
    return _audit_log_restorable()


def _audit_log_restorable() -> int:
    """0 when the audit log checks out as `habeas restore` will check it, else 1 with a warning.

    The backup is kept either way (its data may be the only copy), but a restore
    refuses a broken log, so whoever runs backups must hear it now, not on the
    day they need one.
    """
    from habeas.web.audit.chain import verify

    check = verify(local=False)
    if check.ok:
        return 0
    print(
        f"habeas: warning: the audit log does not check out ({check.problem}); "
        "`habeas restore` refuses a backup whose log is broken. Run `habeas audit verify` "
        "and see docs/security.md.",
        file=sys.stderr,
    )
    return 1


def run_restore(args: argparse.Namespace) -> int:
    passphrase = passphrase_of(args)
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.backup import restore_backup, snapshot_dir

    with Progress(args, what="restore", unit="parts") as progress:
        done = restore_backup(
            args.file, passphrase=passphrase, snapshot_dir=snapshot_dir(), on_progress=progress
        )
    Output(args.format).record(
        {"file": str(args.file), **dataclasses.asdict(done)},
        text=f"restored {done.rows} rows in {done.tables} tables and {done.snapshots} snapshots",
    )
    return 0
