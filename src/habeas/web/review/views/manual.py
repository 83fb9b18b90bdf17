"""Pages for facts by hand: add a person or an event, correct, move or split an event,
add a charge, attach a report as a source. The writes are habeas.web.store.manual's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from habeas.errors import HabeasError
from habeas.web.accounts.roles import editor_form, editor_post
from habeas.web.review.forms import ChargeForm, EventEditForm, EventForm, EvidenceForm, PersonForm
from habeas.web.review.highlight import split_spans
from habeas.web.review.views.queue import safe_next, suggestion
from habeas.web.store import manual
from habeas.web.store.models import Event, Person, Report


def _report(number: int | None) -> Any:
    if number is None:
        return None
    found = Report.objects.filter(pk=number).first()
    if found is None:
        raise HabeasError(f"there is no report #{number}")
    return found


def sources(event: Any) -> list[dict[str, Any]]:
    """Each report the event's evidence is in, its text cut at every span, labelled by field."""
    by_report: dict[int, list[Any]] = {}
    for ev in event.evidence.all().select_related("report").order_by("start"):
        by_report.setdefault(ev.report_id, []).append(ev)
    shown = []
    for spans in by_report.values():
        report = spans[0].report
        cut = [(ev.start, ev.end, ev.field or "event") for ev in spans]
        shown.append(
            {"report": report, "evidence": spans, "segments": split_spans(report.text, cut)}
        )
    return shown


@editor_form
def add_person(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, initial={"report": request.GET.get("report")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = manual.add_person(
                data["name"],
                roles=form.role_list(),
                user=request.user,
                why=data["why"] or "entered by hand",
                report=_report(data["report"]),
            )
        except HabeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{person.display_name} added. Add their events below.")
            return redirect("person", person_id=person.pk)
    return render(request, "review/person_add.html", {"form": form})


@editor_form
def add_event(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=person_id, merged_into__isnull=True)
    form = EventForm(request.POST or None, prefix="event")
    source = EvidenceForm(request.POST or None, prefix="source")
    source.fields["report"].required = False
    source.fields["quote"].required = False
    if request.method == "POST" and form.is_valid() and source.is_valid():
        quote = source.cleaned_data["quote"]
        number = source.cleaned_data["report"]
        try:
            spans = []
            if quote.strip() or number:
                if not (quote.strip() and number):
                    raise HabeasError("a source needs both a report number and a quote")
                spans.append((_report(number), quote, source.cleaned_data["field"]))
            event = manual.add_event(
                person, form.facts(), user=request.user, why=form.cleaned_data["why"], spans=spans
            )
        except HabeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Event #{event.pk} added to {person.display_name}.")
            return redirect(reverse("person", args=[person.pk]) + f"#row-{event.pk}")
    context = {"form": form, "source": source, "person": person}
    return render(request, "review/event_add.html", context)


def _edit_page(request: HttpRequest, event: Any, form: Any) -> HttpResponse:
    context = {
        "form": form,
        "event": event,
        "item": suggestion(event),
        "sources": sources(event),
        "charge": ChargeForm(prefix="charge"),
        "source": EvidenceForm(prefix="source"),
        "next": safe_next(request, ""),
    }
    return render(request, "review/event_edit.html", context)


def _persons_for(event: Any) -> list[Any]:
    return [event.person, *manual.move_targets(event)]


@editor_form
def edit(request: HttpRequest, event_id: int) -> HttpResponse:
    """Correct every field of an event, or give it to another person of its report."""
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    persons = _persons_for(event)
    initial = EventForm.initial_for(event) | {"person": event.person_id}
    form = EventEditForm(request.POST or None, initial=initial, persons=persons)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["person"] or event.person_id
        target = next(p for p in persons if p.pk == chosen)
        try:
            manual.correct_event(
                event,
                form.facts(),
                user=request.user,
                why=form.cleaned_data["why"],
                confirm=bool(request.POST.get("confirm")),
                person=target,
            )
        except HabeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Event #{event.pk} of {target.display_name} saved.")
            default = reverse("person", args=[event.person_id]) + f"#row-{event.pk}"
            return redirect(safe_next(request, default))
    return _edit_page(request, event, form)


@editor_form
def split(request: HttpRequest, event_id: int) -> HttpResponse:
    """Cut a second event out of one suggestion; both keep the evidence."""
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        try:
            new = manual.split_event(
                event,
                form.facts(),
                user=request.user,
                why=form.cleaned_data["why"],
                confirm=bool(request.POST.get("confirm")),
            )
        except HabeasError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Event #{new.pk} split from event #{event.pk}.")
            return redirect(reverse("event-edit", args=[event.pk]))
    context = {"form": form, "event": event, "sources": sources(event)}
    return render(request, "review/event_split.html", context)


@editor_post
def add_charge(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    form = ChargeForm(request.POST, prefix="charge")
    if form.is_valid():
        try:
            manual.add_charge(
                event, form.cleaned_data["charge"], user=request.user, why=form.cleaned_data["why"]
            )
        except HabeasError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Charge added.")
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(reverse("event-edit", args=[event.pk]) + "#charges")


@editor_post
def add_source(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("person"), pk=event_id)
    form = EvidenceForm(request.POST, prefix="source")
    if form.is_valid():
        data = form.cleaned_data
        try:
            manual.attach_evidence(
                event,
                _report(data["report"]),
                data["quote"],
                field=data["field"],
                user=request.user,
                why=data["why"],
            )
        except HabeasError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Report #{data['report']} attached as a source.")
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(reverse("event-edit", args=[event.pk]) + "#sources")
