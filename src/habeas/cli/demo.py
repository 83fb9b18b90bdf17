"""`habeas demo`: a fresh instance with fictional demo data and an admin account, served locally."""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import shutil
from pathlib import Path
from typing import Any

from habeas.errors import InputError

# Written into HABEAS_HOME by `habeas demo`: only a directory carrying it is
# wiped and rebuilt on the next run, so real case data is never deleted.
MARKER = "habeas-demo-instance"


def register(subparsers: Any) -> None:
    from habeas.cli.serve import add_server_options

    parser = subparsers.add_parser(
        "demo",
        help="start a demo instance with fictional data and serve it",
        description=(
            "Create a fresh case store in HABEAS_HOME (default ./var) filled with fictional "
            "reports in English, Russian and Azerbaijani, create the user 'admin' with a new "
            "password and TOTP secret (for an authenticator app), print the address, the "
            "password and the secret, and serve the web app. A directory "
            "made by an earlier demo is rebuilt; one holding real data is refused."
        ),
    )
    add_server_options(parser)
    parser.add_argument("--no-serve", action="store_true", help="set up the demo instance and exit")
    parser.set_defaults(func=run)


def _fresh_home() -> None:
    from habeas.config import load_config, sqlite_path

    config = load_config()
    database = sqlite_path(config.database_url)
    marker = config.home / MARKER
    if database.exists() and not marker.exists():
        raise InputError(
            f"{database} holds a case store not made by `habeas demo`; "
            "set HABEAS_HOME to another directory for the demo"
        )
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), config.queue_file):
        path.unlink(missing_ok=True)
    shutil.rmtree(config.snapshot_dir, ignore_errors=True)
    config.home.mkdir(parents=True, exist_ok=True)
    marker.write_text("made by `habeas demo`; the demo rebuilds this directory\n", "utf-8")


def run(args: argparse.Namespace) -> int:
    _fresh_home()
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.two_factor import enrol_totp, totp_secret
    from habeas.web.accounts.users import create_user
    from habeas.web.review.demo import load_demo

    password = secrets.token_urlsafe(12)
    admin = create_user("admin", role=Role.ADMIN, password=password)
    # Admins need a second factor; the demo prints the secret for an authenticator app.
    secret = totp_secret(enrol_totp(admin))
    results = load_demo(reviewer=admin, today=dt.date.today())
    print(f"habeas: demo instance ready: {len(results)} fictional reports", flush=True)
    login = (
        f"log in as admin with the password {password} and a code from an authenticator "
        f"app given the TOTP secret {secret} (or from: habeas users code {secret})"
    )
    if args.no_serve:
        print(f"habeas: {login}")
        return 0
    from habeas.web.server import serve

    serve(host=args.host, port=args.port, announce=f"habeas: {login}")
    return 0
