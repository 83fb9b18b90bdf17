"""`habeas feeds add|list|poll`: the news feeds habeas watches for new reports."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "feeds",
        help="watch RSS/Atom feeds for new reports",
        description=(
            "Register feeds; `habeas worker` polls them and captures every new entry "
            "as `habeas ingest` would."
        ),
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="register a feed (it is fetched once to check it)")
    add.add_argument("url", metavar="URL")
    add.set_defaults(func=run, action="add")
    listing = actions.add_parser("list", help="show the feeds and their entries' progress")
    listing.set_defaults(func=run, action="list")
    poll = actions.add_parser("poll", help="queue a poll of every feed for the worker")
    poll.add_argument(
        "--now", action="store_true", help="poll and capture in this process instead of queueing"
    )
    poll.set_defaults(func=run, action="poll")


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    if args.action == "add":
        return _add(args.url)
    if args.action == "list":
        return _list()
    return _poll(now=args.now)


def _add(url: str) -> int:
    from habeas.web.store.feeds import add_feed

    feed, created = add_feed(url)
    if created:
        print(f"added feed #{feed.pk}: {feed.title or feed.url}")
    else:
        print(f"already registered: feed #{feed.pk}")
    return 0


def _list() -> int:
    from habeas.web.store.queries import feeds_overview

    rows = feeds_overview()
    if not rows:
        print("no feeds yet; add one with: habeas feeds add URL")
    for f in rows:
        polled = f.last_polled_at.strftime("%Y-%m-%d %H:%M UTC") if f.last_polled_at else "never"
        print(
            f"#{f.id} {f.url}  {f.title!r}  polled {polled}; "
            f"{f.stored} stored, {f.pending} pending, {f.failed} failed"
        )
        if f.last_error:
            print(f"    last error: {f.last_error}")
    return 0


def _poll(*, now: bool) -> int:
    from habeas.web.store.tasks import queue

    q = queue()
    pending = q.queue_outstanding()
    if now:
        q.drain()
        return _list()
    print(f"queued a poll of every feed and {pending} pending entries; `habeas worker` runs them")
    return 0
