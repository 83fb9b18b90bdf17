"""`habeas worker`: run the task queue in this process, polling feeds every HABEAS_POLL_MINUTES."""

from __future__ import annotations

import argparse
import logging
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "worker",
        help="run background captures and periodic feed polling",
        description=(
            "Poll the registered feeds now and then every HABEAS_POLL_MINUTES minutes, capturing "
            "each new entry. Entries left unfinished by a stopped worker are captured on the next "
            "start; none is stored twice. Stop with Ctrl-C (finishes the current capture)."
        ),
    )
    parser.add_argument(
        "--burst",
        action="store_true",
        help="do what is outstanding now, then exit (for cron or a one-off catch-up)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.store.tasks import queue

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    q = queue()
    pending = q.queue_outstanding()
    logging.getLogger("habeas.worker").info("queued a feed poll and %d pending entries", pending)
    if args.burst:
        q.drain()
        return 0
    q.huey.create_consumer(workers=1, worker_type="thread", periodic=True).run()
    return 0
