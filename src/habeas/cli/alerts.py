"""`habeas alerts`: recompute alerts and send notifications, or send the daily digest.

    habeas alerts check [--today DATE]    recompute due persons' alerts, notify new ones
    habeas alerts digest [--today DATE]   e-mail each user the open alerts they may see

Both are safe to run from cron at any frequency: a person is recomputed at
most once a day unless their events or support changed, an alert is
notified once, and a user gets one digest a day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from habeas.cli.output import Output, add_format_option
from habeas.cli.progress import Progress, add_quiet_option
from habeas.errors import InputError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "alerts",
        help="recompute alerts and send notifications and digests",
        description="Recompute alerts from the case store and notify users (see docs/alerts.md).",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="recompute the alerts of persons due a check and notify new alerts",
        description=(
            "Recompute the alerts of every person whose events or support changed, or who "
            "was last checked before --today, then send e-mails and webhooks for new alerts."
        ),
    )
    digest = actions.add_parser(
        "digest",
        help="e-mail each user the list of open alerts they may see (once a day)",
        description="E-mail each user who wants a digest one list of their open alerts.",
    )
    for sub in (check, digest):
        sub.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="the day to assess on (default: the current date in UTC)",
        )
        add_format_option(sub)
    add_quiet_option(check)
    check.set_defaults(func=run_check)
    digest.set_defaults(func=run_digest)


def _today(text: str | None) -> dt.date:
    if text is None:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--today {text!r} is not a date of the form YYYY-MM-DD") from None


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def run_check(args: argparse.Namespace) -> int:
    today = _today(args.today)
    from habeas.config import load_notifications

    config = load_notifications()  # a bad HABEAS_SMTP_* value stops us before any work
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.alerts.notify import notify_new_alerts
    from habeas.web.alerts.services import check_due

    with Progress(args, what="alerts check", unit="persons") as progress:
        checked = check_due(today=today, on_progress=progress)
    sent = notify_new_alerts(config=config)
    Output(args.format).record(
        {
            "checked": checked.checked,
            "new_alerts": checked.opened,
            "notifications_sent": sent.sent,
            "notifications_failed": sent.failed,
        },
        text=f"checked {_plural(checked.checked, 'person')}, "
        f"{_plural(checked.opened, 'new alert')}; "
        f"{_plural(sent.sent, 'notification')} sent, {sent.failed} failed",
    )
    return 1 if sent.failed else 0


def run_digest(args: argparse.Namespace) -> int:
    today = _today(args.today)
    from habeas.config import load_notifications

    config = load_notifications()
    if not config.smtp_host:
        print("habeas: HABEAS_SMTP_HOST is not set, so no digest can be e-mailed", file=sys.stderr)
        return 2
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.alerts.notify import send_digests

    sent = send_digests(today=today, config=config)
    Output(args.format).record(
        {"digests_sent": sent.sent, "digests_failed": sent.failed},
        text=f"{_plural(sent.sent, 'digest')} sent, {sent.failed} failed",
    )
    return 1 if sent.failed else 0
