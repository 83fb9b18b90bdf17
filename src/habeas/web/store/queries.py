"""Named reads of the case store, for the CLI and the web app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from habeas.web.store.models import Event, EventStatus, Feed, FeedItemState, Person, Report


@dataclass(frozen=True, slots=True)
class FeedOverview:
    id: int
    url: str
    title: str
    last_polled_at: Any
    last_error: str
    pending: int
    stored: int
    failed: int


def feeds_overview() -> list[FeedOverview]:
    """Every registered feed with how many of its entries are pending, stored or failed."""
    rows = Feed.objects.order_by("id").annotate(
        n_pending=Count("items", filter=Q(items__state=FeedItemState.PENDING)),
        n_stored=Count("items", filter=Q(items__state=FeedItemState.STORED)),
        n_failed=Count("items", filter=Q(items__state=FeedItemState.FAILED)),
    )
    return [
        FeedOverview(
            f.pk,
            f.url,
            f.title,
            f.last_polled_at,
            f.last_error,
            f.n_pending,
            f.n_stored,
            f.n_failed,
        )
        for f in rows
    ]


def report_by_id(report_id: int) -> Any:
    """A report with its sources, or None."""
    return Report.objects.prefetch_related("sources").filter(pk=report_id).first()


def persons_in_report(report: Any) -> list[Any]:
    """The persons first named in a report (through their name forms), in the order stored."""
    return list(Person.objects.filter(name_forms__report=report).distinct().order_by("id"))


def suggested_events(*, limit: int = 100) -> list[Any]:
    """The oldest events still waiting for review, with their person and evidence."""
    return list(
        Event.objects.filter(status=EventStatus.SUGGESTED)
        .select_related("person")
        .prefetch_related("evidence")
        .order_by("created_at", "id")[:limit]
    )
