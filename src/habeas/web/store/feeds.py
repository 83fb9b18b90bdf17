"""Writes for feeds: registering a feed, polling it, and capturing its entries.

Each feed entry becomes a FeedItem row that stays `pending` until its page is
stored (or has failed for good). The queue only carries item ids; the rows are
the record of work to do, so a worker killed mid-batch loses nothing: on
restart it queues every pending item again, and an item whose text is
already stored comes back "already known" instead of being stored twice.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from habeas.errors import InputError
from habeas.extract.engine import Extractor
from habeas.web.store.models import Feed, FeedItem, FeedItemState
from habeas.web.store.services import IngestResult, ingest_url

# An item that keeps failing for reasons other than bad input (a crash, a
# locked database) is given up after this many tries, so it cannot loop forever.
MAX_ATTEMPTS = 5


def _fetch_feed(url: str) -> Any:
    from habeas.ingest.feeds import parse_feed
    from habeas.ingest.fetch import fetch

    fetched = fetch(
        url,
        max_bytes=int(settings.HABEAS_MAX_BYTES),
        allow_private=bool(settings.HABEAS_ALLOW_PRIVATE_FETCH),
    )
    if fetched.status >= 400:
        raise InputError(f"the server answered HTTP {fetched.status}")
    return parse_feed(fetched.body, url=fetched.final_url)


def add_feed(url: str) -> tuple[Any, bool]:
    """Register a feed after checking that it fetches and parses; (feed, True if new)."""
    existing = Feed.objects.filter(url=url).first()
    if existing is not None:
        return existing, False
    parsed = _fetch_feed(url)
    with transaction.atomic():
        feed, created = Feed.objects.get_or_create(url=url, defaults={"title": parsed.title or ""})
    return feed, bool(created)


def poll_feed(feed: Any) -> int:
    """Fetch a feed and record its entries not seen before as pending items; how many were new.

    A feed that cannot be fetched or parsed keeps its error in `last_error`
    (shown by `habeas feeds list`) and the error is raised.
    """
    try:
        parsed = _fetch_feed(feed.url)
    except InputError as exc:
        Feed.objects.filter(pk=feed.pk).update(last_error=str(exc), last_polled_at=timezone.now())
        raise
    new = 0
    with transaction.atomic():
        for entry in parsed.entries:
            if not entry.url:
                continue
            _, created = FeedItem.objects.get_or_create(
                feed=feed,
                url=entry.url,
                defaults={
                    "entry_id": entry.entry_id or "",
                    "title": entry.title or "",
                    "published": _day(entry.published),
                },
            )
            new += int(created)
        Feed.objects.filter(pk=feed.pk).update(last_error="", last_polled_at=timezone.now())
    return new


def _day(value: Any) -> Any:
    # Feeds give a datetime or a date; the store keeps the day.
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def pending_item_ids() -> list[int]:
    """The ids of feed items still to capture, oldest first."""
    return list(
        FeedItem.objects.filter(state=FeedItemState.PENDING)
        .order_by("id")
        .values_list("id", flat=True)
    )


def capture_item(item_id: int, *, extractor: Extractor | None = None) -> IngestResult | None:
    """Fetch and store one pending feed item; None when it is no longer pending.

    Bad input (a dead link, a page that is not an article) marks the item
    failed with the reason. A timeout, a server error (5xx, 429) or any other
    error leaves it pending for the next run, up to MAX_ATTEMPTS tries. Every
    error is raised after it is recorded.
    """
    item = FeedItem.objects.filter(pk=item_id, state=FeedItemState.PENDING).first()
    if item is None:
        return None
    FeedItem.objects.filter(pk=item.pk).update(attempts=item.attempts + 1)
    try:
        result = ingest_url(
            item.url, extractor=extractor, published=item.published, title=item.title or None
        )
    except InputError as exc:
        if _transient(exc) and item.attempts + 1 < MAX_ATTEMPTS:
            FeedItem.objects.filter(pk=item.pk).update(error=str(exc))
        else:
            _finish(item, state=FeedItemState.FAILED, error=str(exc))
        raise
    except Exception:
        if item.attempts + 1 >= MAX_ATTEMPTS:
            _finish(item, state=FeedItemState.FAILED, error=f"gave up after {MAX_ATTEMPTS} tries")
        raise
    _finish(item, state=FeedItemState.STORED, report_id=result.report_id)
    return result


def _transient(exc: InputError) -> bool:
    """Whether trying again later may succeed: a timeout, an overloaded or failing server."""
    from habeas.ingest.fetch import BadStatusError, FetchTimeoutError

    if isinstance(exc, FetchTimeoutError):
        return True
    return isinstance(exc, BadStatusError) and (exc.status == 429 or exc.status >= 500)


def _finish(item: Any, *, state: str, error: str = "", report_id: int | None = None) -> None:
    FeedItem.objects.filter(pk=item.pk).update(state=state, error=error, report_id=report_id)
