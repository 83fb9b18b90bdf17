"""`habeas feeds add|list|poll`: the news feeds habeas watches for new reports."""

from __future__ import annotations

import argparse
from typing import Any

from habeas.cli.output import Output, add_format_option


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
    for sub in (add, listing, poll):
        add_format_option(sub)


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    out = Output(args.format)
    if args.action == "add":
        return _add(args.url, out)
    if args.action == "list":
        return _list(out)
    return _poll(now=args.now, out=out)


def _add(url: str, out: Output) -> int:
    from habeas.web.store.feeds import add_feed

    feed, created = add_feed(url)
    said = (
        f"added feed #{feed.pk}: {feed.title or feed.url}"
        if created
        else f"already registered: feed #{feed.pk}"
    )
    out.record({"feed_id": feed.pk, "url": feed.url, "added": created}, text=said)
    return 0


def _list(out: Output) -> int:
    from habeas.web.store.queries import feeds_overview

    rows = feeds_overview()
    if not rows and not out.json:
        print("no feeds yet; add one with: habeas feeds add URL")
    for f in rows:
        polled = f.last_polled_at.strftime("%Y-%m-%d %H:%M UTC") if f.last_polled_at else "never"
        text = (
            f"#{f.id} {f.url}  {f.title!r}  polled {polled}; "
            f"{f.stored} stored, {f.pending} pending, {f.failed} failed"
        )
        if f.last_error:
            text += f"\n    last error: {f.last_error}"
        obj = {
            "feed_id": f.id,
            "url": f.url,
            "title": f.title,
            "last_polled_at": f.last_polled_at.isoformat() if f.last_polled_at else None,
            "stored": f.stored,
            "pending": f.pending,
            "failed": f.failed,
            "last_error": f.last_error or None,
        }
        out.record(obj, text=text)
    return 0


def _poll(*, now: bool, out: Output) -> int:
    from habeas.web.store.tasks import queue

    q = queue()
    pending = q.queue_outstanding()
    if now:
        q.drain()
        return _list(out)
    out.record(
        {"queued": True, "pending_entries": pending},
        text=f"queued a poll of every feed and {pending} pending entries; "
        "`habeas worker` runs them",
    )
    return 0
