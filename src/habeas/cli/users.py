"""`habeas users`: create the people who may log in, with a role."""

from __future__ import annotations

import argparse
import secrets
import sys
from typing import Any

from habeas.cli.output import Output, add_format_option

ROLES = ("admin", "editor", "viewer")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "users",
        help="add and list users of the web app",
        description="Users log in to the web app; a role says what they may do.",
    )
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = sub.add_parser(
        "add",
        help="add a user (the first admin of a new install, for instance)",
        description=(
            "Add a user with a role: admin (everything), editor (review, edit, capture) "
            "or viewer (read only). Without --password-stdin a strong password is "
            "generated and printed once."
        ),
    )
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(func=run_add)
    listing = sub.add_parser("list", help="list users and their roles")
    add_format_option(listing)
    listing.set_defaults(func=run_list)
    code = sub.add_parser(
        "code",
        help="print the current login code for a TOTP secret (no authenticator app at hand)",
        description=(
            "Print the six-digit code an authenticator app would show now for SECRET "
            "(RFC 6238: SHA-1, 30 seconds), e.g. to log in to a demo instance."
        ),
    )
    code.add_argument("secret", help="the base32 secret printed when the device was enrolled")
    code.set_defaults(func=run_code)
    unlock = sub.add_parser(
        "unlock",
        help="lift a login lockout of a user, from every address",
        description=(
            "After too many wrong passwords a name is locked out (per address, and after "
            "HABEAS_ACCOUNT_LOGIN_ATTEMPTS from all addresses together, everywhere). This "
            "lifts every lockout of NAME at once; it is written to the audit log."
        ),
    )
    unlock.add_argument("name")
    add_format_option(unlock)
    unlock.set_defaults(func=run_unlock)


def run_add(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.users import create_user

    generated = not args.password_stdin
    password = secrets.token_urlsafe(15) if generated else sys.stdin.readline().rstrip("\n")
    create_user(args.name, role=Role(args.role), password=password)
    print(f"added {args.name} ({args.role})")
    if generated:
        print(f"password: {password}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.accounts.users import describe_users

    out = Output(args.format)
    for name, role in describe_users():
        out.record({"name": name, "role": role or None}, text=f"{name}\t{role or '(no role)'}")
    return 0


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The RFC 6238 code (SHA-1, 30-second steps, six digits) for a base32 secret."""
    import base64
    import binascii
    import hashlib
    import hmac
    import time

    from habeas.errors import InputError

    cleaned = secret.replace(" ", "").upper()
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (binascii.Error, ValueError):
        raise InputError("that is not a base32 TOTP secret") from None
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def run_code(args: argparse.Namespace) -> int:
    print(totp_code(args.secret))
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.accounts.lockout import unlock
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    removed = unlock(args.name)
    record(None, AuditAction.PERMISSION_CHANGE, f"username:{args.name}", {"change": "unlocked"})
    text = (
        f"unlocked {args.name} ({removed} lockout records removed)"
        if removed
        else f"{args.name} was not locked out"
    )
    Output(args.format).record({"name": args.name, "lockouts_removed": removed}, text=text)
    return 0
