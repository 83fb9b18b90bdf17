"""Background work on a huey queue kept in a SQLite file in HABEAS_HOME.

Two tasks: poll every registered feed (also run periodically), and capture
one feed item; and, every hour, the time-driven status check
(habeas.web.store.status.check_due). The queue carries only ids; what is left to do is recorded in
the database (pending FeedItem rows), so queued work is never the only copy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import close_old_connections

from habeas.errors import HabeasError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TaskQueue:
    huey: Any
    poll_feeds: Callable[[], Any]
    capture_item: Callable[[int], Any]

    def queue_outstanding(self) -> int:
        """Queue a poll of every feed and a capture of every pending item; how many items."""
        from habeas.web.store.feeds import pending_item_ids

        self.poll_feeds()
        ids = pending_item_ids()
        for item_id in ids:
            self.capture_item(item_id)
        return len(ids)

    def drain(self) -> int:
        """Run queued tasks in this thread until the queue is empty; how many ran."""
        ran = 0
        while (task := self.huey.dequeue()) is not None:
            self.huey.execute(task)
            ran += 1
        return ran


def _poll_all() -> None:
    from habeas.web.store.feeds import pending_item_ids, poll_feed
    from habeas.web.store.models import Feed

    try:
        for feed in Feed.objects.order_by("id"):
            try:
                new = poll_feed(feed)
            except HabeasError as exc:
                log.warning("feed %s: %s", feed.url, exc)
                continue
            log.info("feed %s: %d new entries", feed.url, new)
        for item_id in pending_item_ids():
            queue().capture_item(item_id)
    finally:
        close_old_connections()


def _capture(item_id: int) -> None:
    from habeas.web.store.feeds import capture_item

    try:
        result = capture_item(item_id)
        if result is not None:
            log.info("feed item %d: %s", item_id, result.describe())
    except HabeasError as exc:
        # The item already records the error; a traceback would add nothing.
        log.warning("feed item %d: %s", item_id, exc)
    finally:
        close_old_connections()


def _check_statuses() -> None:
    # The time-driven half of habeas.web.store.status: terms that end, releases
    # that become overdue. Changes of facts are recomputed in their own transaction.
    from django.utils import timezone

    from habeas.web.store.status import check_due

    try:
        done = check_due(today=timezone.localdate())
        log.info("statuses: %d checked, %d new alerts", done.checked, done.opened)
    finally:
        close_old_connections()


@lru_cache(maxsize=1)
def queue() -> TaskQueue:
    """The process's huey queue with habeas's tasks; feeds are polled every HABEAS_POLL_MINUTES."""
    from huey import SqliteHuey, crontab

    poll_minutes = int(settings.HABEAS_CONFIG.poll_minutes)
    home = settings.HABEAS_CONFIG.home
    home.mkdir(parents=True, exist_ok=True)
    huey = SqliteHuey(name="habeas", filename=str(settings.HABEAS_QUEUE_FILE), results=False)
    poll = huey.task(name="poll_feeds")(_poll_all)
    capture = huey.task(name="capture_item")(_capture)
    huey.periodic_task(crontab(minute=f"*/{poll_minutes}"), name="periodic_poll")(_poll_all)
    huey.periodic_task(crontab(minute="3"), name="check_statuses")(_check_statuses)
    return TaskQueue(huey=huey, poll_feeds=poll, capture_item=capture)
