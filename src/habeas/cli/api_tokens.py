"""`habeas api-token issue|list|revoke`: tokens for the HTTP API, each with one role.

    habeas api-token issue "research partner" --role viewer
    habeas api-token revoke 3

The secret is printed once and only its SHA-256 is kept.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "api-token",
        help="issue, list or revoke tokens for the HTTP API",
        description="Tokens for /api/: `Authorization: Bearer SECRET`, with one role each.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    issue = actions.add_parser("issue", help="a new token; prints its secret once")
    issue.add_argument("name", metavar="NAME", help="who or what uses it")
    issue.add_argument("--role", required=True, choices=("viewer", "editor", "admin"))
    issue.set_defaults(func=run, action="issue")
    listing = actions.add_parser("list", help="every token, live or revoked")
    listing.set_defaults(func=run, action="list")
    revoke = actions.add_parser("revoke", help="stop a token from working")
    revoke.add_argument("token_id", type=int, metavar="ID")
    revoke.set_defaults(func=run, action="revoke")


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.errors import InputError
    from habeas.web.api import tokens
    from habeas.web.store.models import ApiToken

    if args.action == "issue":
        token, secret = tokens.issue(args.name, args.role)
        print(f"token #{token.pk} ({token.role}) for {token.name}: {secret}")
        print("keep the secret now: it is not stored and cannot be shown again")
        return 0
    if args.action == "list":
        for t in ApiToken.objects.order_by("id"):
            state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "live"
            print(f"#{t.pk}\t{t.role}\t{state}\t{t.name}")
        return 0
    found = ApiToken.objects.filter(pk=args.token_id, revoked_at__isnull=True).first()
    if found is None:
        raise InputError(f"there is no live token #{args.token_id}")
    tokens.revoke(found)
    print(f"revoked token #{found.pk} ({found.name})")
    return 0
