"""`habeas keys generate|rotate`: make a data key; re-encrypt secret fields with the newest."""

from __future__ import annotations

import argparse
from typing import Any

from habeas.cli.output import Output, add_format_option


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "keys",
        help="make encryption keys and rotate confidential fields to the newest",
        description=(
            "Confidential fields are encrypted with the keys in HABEAS_ENCRYPTION_KEYS, or "
            "HABEAS_KEY_FILE, or else the instance's keys/data.keys (made on first run), "
            "newest first; the keys are never stored in the database nor in backups."
        ),
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    generate = actions.add_parser("generate", help="print a new random key")
    generate.set_defaults(func=run_generate)
    rotate = actions.add_parser(
        "rotate",
        help="re-encrypt every confidential value with the newest key",
        description=(
            "Put the new key first (in HABEAS_ENCRYPTION_KEYS or the key file), keep the old "
            "ones after it, run this, then remove the old keys. Every encrypted column is "
            "rotated, all in one transaction."
        ),
    )
    add_format_option(rotate)
    rotate.set_defaults(func=run_rotate)


def run_generate(args: argparse.Namespace) -> int:
    from habeas.crypto import generate_key

    print(generate_key())
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.keys import rotate_keys

    done = rotate_keys()
    Output(args.format).record(
        {"values": done.values, "columns": done.columns},
        text=f"re-encrypted {done.values} values in {done.columns} encrypted columns",
    )
    return 0
