"""The review queue: suggestions beside their evidence; confirm, reject or edit each."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from habeas.errors import HabeasError
from habeas.web.accounts.roles import editor_form, editor_post, viewer_required
from habeas.web.review.forms import EventEditForm
from habeas.web.review.highlight import Highlight, split_at
from habeas.web.review.views.identity import possibly_same_by_person
from habeas.web.store import services
from habeas.web.store.models import Event, EventStatus
from habeas.web.store.queries import suggested_events

QUEUE_SIZE = 50
_ACTIONS: dict[str, Any] = {"confirm": EventStatus.CONFIRMED, "reject": EventStatus.REJECTED}


def suggestion(event: Any) -> dict[str, Any]:
    """What the template shows for one event: the event, its evidence and the cut report text."""
    evidence = next(iter(event.evidence.all()), None)
    cut: Highlight | None = None
    if evidence is not None:
        cut = split_at(evidence.report.text, evidence.start, evidence.end)
    return {"event": event, "evidence": evidence, "cut": cut}


@viewer_required
def queue(request: HttpRequest) -> HttpResponse:
    events = suggested_events(limit=QUEUE_SIZE)
    total = Event.objects.filter(status=EventStatus.SUGGESTED).count()
    possibly = possibly_same_by_person([e.person_id for e in events])
    items = [suggestion(e) | {"possibly": possibly.get(e.person_id, [])} for e in events]
    return render(request, "review/queue.html", {"items": items, "total": total})


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request") == "true")


@editor_post
def decide(request: HttpRequest, event_id: int, action: str) -> HttpResponse:
    """Confirm or reject one event; htmx gets the updated card, a plain form a redirect."""
    status = _ACTIONS.get(action)
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    if status is None:
        return HttpResponse("unknown action", status=400)
    why = str(request.POST.get("why") or f"{status.value} in the review queue")
    services.set_event_status(event, status, user=request.user, why=why[:500])
    if _is_htmx(request):
        return render(request, "review/_suggestion.html", {"item": suggestion(event)})
    messages.success(request, f"Event #{event.pk} of {event.person} {status.value}.")
    return redirect(request.POST.get("next") or "review-queue")


@editor_form
def edit(request: HttpRequest, event_id: int) -> HttpResponse:
    """Correct an event's fields; the change and its reason go into the event's history."""
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    initial = {
        "type": event.type,
        "date_text": event.date_text,
        "place": event.place,
        "authority": event.authority,
        "detail": event.detail,
    }
    form = EventEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        if request.POST.get("confirm"):
            changes["status"] = str(EventStatus.CONFIRMED)
        try:
            services.edit_event(event, changes, user=request.user, why=form.cleaned_data["why"])
        except HabeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Event #{event.pk} of {event.person} saved.")
            return redirect("person", person_id=event.person_id)
    context = {"form": form, "event": event, "item": suggestion(event)}
    return render(request, "review/event_edit.html", context)
