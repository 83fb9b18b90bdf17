"""A person's case file: names, roles, status in words, timeline, reports and history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from habeas.web.accounts.roles import viewer_required
from habeas.web.review import cards
from habeas.web.review.casefile import case_status, stored_summary, summary_of
from habeas.web.review.links import link_maker
from habeas.web.review.templatetags.casefile import day
from habeas.web.review.templatetags.casefile import roles as roles_words
from habeas.web.review.views.identity import current_person_id, person_context
from habeas.web.review.views.queue import deciders
from habeas.web.store import counts
from habeas.web.store.models import (
    Event,
    NameForm,
    Person,
    PersonStatus,
    Version,
    VersionedType,
)
from habeas.web.store.queries import confirmed_facts, evidence_of, reports_about, with_evidence

EVENTS_PER_PAGE = 100
REPORTS_SHOWN = 200  # the newest; the report list and search find the rest


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """The events of one date, as the person page lists them (a year-only date is the year)."""

    date_text: str
    label: str
    events: tuple[Any, ...]


def timeline(events: list[Any]) -> list[TimelineDay]:
    """Dated events grouped by their date, oldest first; "2025" and "2025-03" are their own
    dates, listed before the days within them, and never drawn as 1 January."""
    by_date: dict[str, list[Any]] = {}
    for event in events:
        if event.date_text:
            by_date.setdefault(event.date_text, []).append(event)
    days = [
        TimelineDay(text, day(text), tuple(sorted(rows, key=lambda e: e.pk)))
        for text, rows in by_date.items()
    ]
    # "2025" sorts before "2025-01-01": a vaguer date comes first within its span.
    return sorted(days, key=lambda d: d.date_text)


PERSONS_PER_PAGE = 100


class PersonRow(TypedDict):
    """A row of the person list, its words made here once (a dict: templates read keys fastest)."""

    url: str
    display_name: str
    other_names: str  # each name form but the display name, followed by a space
    roles: str


@viewer_required
def person_list(request: HttpRequest) -> HttpResponse:
    """Current persons by name, a page at a time. Pages are keyset pages (`?after=<id>`: the
    persons after that one in name order), so a page deep in the list costs what the first does;
    an `after` that is not a current person starts from the top."""
    # Merged-away persons are reached only through the merge history of their file.
    current = Person.objects.filter(merged_into__isnull=True)
    rows = current.order_by("display_name", "id")
    after = str(request.GET.get("after") or "")
    mark = (
        current.filter(pk=int(after)).values_list("display_name", flat=True).first()
        if (after.isdigit())
        else None
    )
    if mark is not None:
        # A row-value comparison walks the (merged_into, display_name, id) index from the mark.
        rows = rows.extra(
            where=['("store_person"."display_name", "store_person"."id") > (%s, %s)'],
            params=[mark, int(after)],
        )
    # Plain rows, not models: hydrating 100 persons and their name forms cost a quarter
    # of the page.
    shown = list(rows.values_list("pk", "display_name", "roles")[: PERSONS_PER_PAGE + 1])
    more = len(shown) > PERSONS_PER_PAGE
    shown = shown[:PERSONS_PER_PAGE]
    context = {
        "persons": _person_rows(shown),
        "total": counts.current_persons(),
        "next_after": shown[-1][0] if more else None,
        "paged": mark is not None,
    }
    return render(request, "review/person_list.html", context)


def _person_rows(persons: list[tuple[int, str, list[str]]]) -> list[PersonRow]:
    forms: dict[int, list[str]] = {}
    names = NameForm.objects.filter(person_id__in=[pk for pk, _, _ in persons]).order_by("id")
    for person_id, name in names.values_list("person_id", "name"):
        forms.setdefault(person_id, []).append(name)
    url = link_maker("person")
    return [
        {
            "url": url(pk),
            "display_name": display_name,
            "other_names": "".join(f"{n} " for n in forms.get(pk, ()) if n != display_name),
            "roles": roles_words(person_roles),
        }
        for pk, display_name, person_roles in persons
    ]


@viewer_required
def person(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.prefetch_related("name_forms"), pk=person_id)
    if person.merged_into_id is not None:
        # An absorbed person's old links still lead to the case file.
        messages.info(request, f"{person.display_name} (#{person.pk}) was merged into this file.")
        return redirect("person", person_id=current_person_id(person))
    # The stored status holds until its day to look again (habeas.web.store.status keeps it
    # in step with every change of the facts); only a due one is worked out here, from every
    # confirmed event: thousands for a large file. The table shows a page of events.
    today = timezone.localdate()
    case = stored_summary(
        PersonStatus.objects.filter(pk=person.pk).first(), today=today
    ) or summary_of(case_status(confirmed_facts(person.pk), today=today))
    all_events = with_evidence(
        Event.objects.filter(person=person)
        .select_related("made_by_user")
        # Dated events in date order, then the undated ones (an empty date would sort first).
        .order_by(
            ExpressionWrapper(Q(date_text=""), output_field=BooleanField()), "date_text", "id"
        )
    )
    page = Paginator(all_events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    events = list(page)
    rows = _event_rows(events, deciders(events))
    reports = reports_about(person.pk, limit=REPORTS_SHOWN)
    versions = _history(person, events)
    context = {
        "person": person,
        "events": [rows[e.pk] for e in events],
        "page": page,
        "days": [
            TimelineDay(d.date_text, d.label, tuple(rows[e.pk] for e in d.events))
            for d in timeline(events)
        ],
        "case": case,
        "reports": reports,
        "versions": versions,
        **person_context(person),
    }
    return render(request, "review/person.html", context)


def _event_rows(events: list[Any], decided: dict[int, str]) -> dict[int, dict[str, Any]]:
    """Each event's row of the timeline and of the event list, by id, its words made once."""
    report_url, edit_url = link_maker("report"), link_maker("event-edit")
    return {
        e.pk: {
            "pk": e.pk,
            "type": e.type,
            "status": str(e.status),
            "type_words": cards.type_words(e),
            "date_words": day(e.date_text),
            "summary": cards.timeline_words(e),
            "made_by": cards.made_by(e, decided.get(e.pk)),
            "edit_url": edit_url(e.pk),
            "facts": cards.facts(e),
            "sources": [
                {
                    "url": report_url(ev.report_id),
                    "report_id": ev.report_id,
                    "field": f" ({ev.field})" if ev.field else "",
                    "quote": cards.quote(ev.quote, 240),
                }
                for ev in evidence_of(e)
            ],
        }
        for e in events
    }


def _history(person: Any, events: list[Any]) -> list[Any]:
    """Every version of the person and their events, newest first."""
    person_versions = Version.objects.filter(object_type=VersionedType.PERSON, object_id=person.pk)
    event_versions = Version.objects.filter(
        object_type=VersionedType.EVENT, object_id__in=[e.pk for e in events]
    )
    rows = (person_versions | event_versions).select_related("user").order_by("-id")
    return list(rows[:200])
