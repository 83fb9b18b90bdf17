"""The review queue: each report's text once, its suggestions beside it; confirm, reject, edit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from habeas.web.accounts.roles import editor_post, viewer_required
from habeas.web.review import cards
from habeas.web.review.highlight import split_spans
from habeas.web.review.views.identity import possibly_same_by_person
from habeas.web.store import manual
from habeas.web.store.counts import events_by_status
from habeas.web.store.models import Event, EventStatus, Version, VersionedType
from habeas.web.store.queries import evidence_of, suggested_events

QUEUE_SIZE = 50
_ACTIONS: dict[str, Any] = {"confirm": EventStatus.CONFIRMED, "reject": EventStatus.REJECTED}


def deciders(events: Iterable[Any]) -> dict[int, str]:
    """Who put each event in its present state (confirmed or rejected), by event id."""
    wanted = {e.pk: e.status for e in events if e.status != EventStatus.SUGGESTED}
    found: dict[int, str] = {}
    rows = (
        Version.objects.filter(
            object_type=VersionedType.EVENT, object_id__in=list(wanted), user__isnull=False
        )
        .select_related("user")
        .order_by("id")
    )
    for version in rows:
        status = version.snapshot.get("status")
        if status == wanted[version.object_id]:
            found.setdefault(version.object_id, version.user.get_username())
        else:
            found.pop(version.object_id, None)
    return found


def suggestion(event: Any, *, decided_by: str | None = None) -> dict[str, Any]:
    """What a card shows for one event: the event, its evidence, who decided it, in words."""
    evidence = sorted(evidence_of(event), key=lambda ev: (ev.report_id, ev.start))
    if decided_by is None and event.status != EventStatus.SUGGESTED:
        decided_by = deciders([event]).get(event.pk)
    return {
        "event": event,
        "evidence": evidence,
        "decided_by": decided_by,
        "pk": event.pk,
        "status": str(event.status),
        "type_words": cards.type_words(event),
        "person_url": reverse("person", args=[event.person_id]),
        "person_name": event.person.display_name,
        "made_by": cards.made_by(event, decided_by),
        "facts": cards.facts(event),
        "quotes": [(ev.field or "event", cards.quote(ev.quote, 200)) for ev in evidence],
    }


def report_groups(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cards grouped by the report of their first evidence, with that report's text cut once
    at every span of every card (a span is labelled `event-N`, so a card can find its marks)."""
    groups: dict[int | None, dict[str, Any]] = {}
    for item in items:
        first = item["evidence"][0] if item["evidence"] else None
        key = first.report_id if first is not None else None
        group = groups.setdefault(key, {"report": first.report if first else None, "items": []})
        group["items"].append(item)
    for group in groups.values():
        report = group["report"]
        spans = [
            (ev.start, ev.end, f"event-{item['event'].pk}")
            for item in group["items"]
            for ev in item["evidence"]
            if report is not None and ev.report_id == report.pk
        ]
        group["segments"] = split_spans(report.text, spans) if report is not None else []
    return list(groups.values())


@viewer_required
def queue(request: HttpRequest) -> HttpResponse:
    events = suggested_events(limit=QUEUE_SIZE)
    total = events_by_status()[str(EventStatus.SUGGESTED)]
    possibly = possibly_same_by_person([e.person_id for e in events])
    items = [suggestion(e) | {"possibly": possibly.get(e.person_id, [])} for e in events]
    context = {"groups": report_groups(items), "total": total, "shown": len(items)}
    return render(request, "review/queue.html", context)


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request") == "true")


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` address of a form when it is on this site, else `default`."""
    target = str(request.POST.get("next") or request.GET.get("next") or "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else default


@editor_post
def decide(request: HttpRequest, event_id: int, action: str) -> HttpResponse:
    """Confirm or reject one event; htmx gets the updated card, a plain form a redirect."""
    status = _ACTIONS.get(action)
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    if status is None:
        return HttpResponse("unknown action", status=400)
    why = str(request.POST.get("why") or f"{status.value} in the review queue")
    manual.decide(event, status, user=request.user, why=why[:500])
    if _is_htmx(request):
        item = suggestion(event, decided_by=request.user.get_username())
        return render(request, "review/_suggestion.html", {"item": item})
    messages.success(request, f"Event #{event.pk} of {event.person} {status.value}.")
    return redirect(safe_next(request, "/review/"))
