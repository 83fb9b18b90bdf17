"""The public projection of a person: the one place that decides what may leave habeas.

Every public page, feed, export and API answer is built from PublicPerson
values made here, and this module reads only what an editor published:

- a person only when their profile is marked public (and not merged away);
- their name always, roles, affiliations and country only when those fields are published;
- events only when confirmed *and* marked public; the status is computed from those alone,
  so an unpublished detention cannot show through "held since …";
- source reports only when marked public, and then only title, date, publisher and URLs.

Never read here: health, contacts, lawyer, private notes, support actions, alerts,
evidence quotes, unpublished events or reports, and who reviewed or published anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from habeas import model
from habeas.export.records import Record, Source
from habeas.timeline.status import CustodyStatus
from habeas.web.review.casefile import case_status
from habeas.web.store.models import (
    Event,
    EventStatus,
    Evidence,
    Person,
    PublishableField,
    Report,
)

HELD = (CustodyStatus.DETAINED, CustodyStatus.MISSING)
# Not even loaded (and so never decrypted) by any projection.
_UNREAD = tuple(f"profile__{name}" for name in ("health", "contacts", "lawyer", "private_notes"))


@dataclass(frozen=True, slots=True)
class PublicSource:
    id: int
    title: str
    published: dt.date | None
    publisher: str
    urls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PublicEvent:
    id: int
    event: model.Event
    source_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PublicPerson:
    id: int
    name: str
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    country: str
    events: tuple[PublicEvent, ...]
    sources: tuple[PublicSource, ...]
    status: CustodyStatus
    since: model.PartialDate | None
    status_words: str
    updated: dt.datetime

    @property
    def held(self) -> bool:
        return self.status in HELD

    def authorities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.event.authority for e in self.events if e.event.authority))


def _public_events() -> Any:
    return Event.objects.filter(status=EventStatus.CONFIRMED, publication__public=True)


def _public_reports() -> Any:
    return Report.objects.filter(publication__public=True).prefetch_related("sources")


def public_persons_queryset() -> Any:
    """The persons an editor published, with what the projection reads, prefetched."""
    events = _public_events().select_related("publication")
    return (
        Person.objects.filter(profile__public=True, merged_into__isnull=True)
        .select_related("profile")
        .defer(*_UNREAD)
        .prefetch_related(Prefetch("events", queryset=events, to_attr="public_events"))
        .order_by("display_name", "id")
    )


def _sources_of(event_ids: list[int]) -> dict[int, list[Any]]:
    """The public reports that are evidence for each event."""
    found: dict[int, list[Any]] = {}
    reports = {
        r.pk: r for r in _public_reports().filter(evidence__event_id__in=event_ids).distinct()
    }
    for event_id, report_id in Evidence.objects.filter(
        event_id__in=event_ids, report_id__in=list(reports)
    ).values_list("event_id", "report_id"):
        found.setdefault(event_id, [])
        if reports[report_id] not in found[event_id]:
            found[event_id].append(reports[report_id])
    return found


def _source(report: Any) -> PublicSource:
    urls = tuple(dict.fromkeys(s.final_url or s.url for s in report.sources.all() if s.url))
    return PublicSource(report.pk, report.title, report.published, report.publisher, urls)


def project(persons: Iterable[Any], *, today: dt.date | None = None) -> list[PublicPerson]:
    """The public projection of persons from public_persons_queryset()."""
    today = today or dt.date.today()
    persons = list(persons)
    event_ids = [e.pk for p in persons for e in p.public_events]
    sources = _sources_of(event_ids)
    out = []
    for person in persons:
        profile = person.profile
        if not profile.public or person.merged_into_id is not None:
            continue  # defensive: only public_persons_queryset() rows belong here
        shown = set(profile.public_fields or ())
        rows = list(person.public_events)
        case = case_status(rows, today=today)
        events = []
        person_sources: dict[int, PublicSource] = {}
        for row, contract in zip(case.events, _contract(case.events), strict=True):
            linked = [_source(r) for r in sources.get(row.pk, [])]
            for s in linked:
                person_sources.setdefault(s.id, s)
            events.append(PublicEvent(row.pk, contract, tuple(s.id for s in linked)))
        stamps = [profile.published_at] + [r.publication.published_at for r in rows]
        out.append(
            PublicPerson(
                id=person.pk,
                name=person.display_name,
                roles=tuple(person.roles or ()) if PublishableField.ROLES in shown else (),
                affiliations=tuple(person.affiliations or ())
                if PublishableField.AFFILIATIONS in shown
                else (),
                country=profile.country if PublishableField.COUNTRY in shown else "",
                events=tuple(events),
                sources=tuple(sorted(person_sources.values(), key=lambda s: s.id)),
                status=case.status,
                since=case.assessment.status.since,
                status_words=case.words,
                updated=max(s for s in stamps if s is not None),
            )
        )
    return out


def _contract(rows: Iterable[Any]) -> list[model.Event]:
    from habeas.web.store.queries import contract_event

    return [contract_event(r) for r in rows]


def public_persons(*, today: dt.date | None = None) -> list[PublicPerson]:
    """Every published person's projection, by name.

    The list, statistics and prisoner-list pages each need all of it: it is made
    once per commit (generation.per_commit), not once per page.
    """
    from habeas.web.store.generation import per_commit

    day = today or dt.date.today()
    made = per_commit(
        "public persons", day, lambda: tuple(project(public_persons_queryset(), today=day))
    )
    return list(made)


def public_person(person_id: int, *, today: dt.date | None = None) -> PublicPerson | None:
    """One published person's projection; None when not published (or merged away)."""
    found = project(public_persons_queryset().filter(pk=person_id), today=today)
    return found[0] if found else None


def as_record(p: PublicPerson) -> Record:
    """A projection as the export package's plain record."""
    return Record(
        id=str(p.id),
        person=model.Person(name=p.name, roles=p.roles, events=tuple(e.event for e in p.events)),
        country=p.country,
        affiliations=p.affiliations,
        status=p.status.value,
        sources=tuple(
            Source(str(s.id), s.title, s.published, s.publisher, s.urls) for s in p.sources
        ),
        event_sources=tuple(tuple(str(i) for i in e.source_ids) for e in p.events),
    )


def internal_records(*, today: dt.date | None = None) -> list[Record]:
    """Everything a viewer may see, for non-public exports: every person not merged away,
    all roles, affiliations and country, their confirmed events and every linked report.
    The encrypted confidential fields are never exported, not even here."""
    today = today or dt.date.today()
    persons = (
        Person.objects.filter(merged_into__isnull=True)
        .select_related("profile")
        .defer(*_UNREAD)
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.filter(status=EventStatus.CONFIRMED).prefetch_related(
                    Prefetch(
                        "evidence__report", queryset=Report.objects.prefetch_related("sources")
                    )
                ),
            )
        )
        .order_by("display_name", "id")
    )
    out = []
    for person in persons:
        profile = getattr(person, "profile", None)
        case = case_status(person.events.all(), today=today)
        sources: dict[int, Source] = {}
        event_sources = []
        for row in case.events:
            ids = []
            for ev in row.evidence.all():
                r = ev.report
                urls = tuple(dict.fromkeys(s.final_url or s.url for s in r.sources.all() if s.url))
                sources.setdefault(r.pk, Source(str(r.pk), r.title, r.published, r.publisher, urls))
                if str(r.pk) not in ids:
                    ids.append(str(r.pk))
            event_sources.append(tuple(ids))
        out.append(
            Record(
                id=str(person.pk),
                person=model.Person(
                    name=person.display_name,
                    roles=tuple(person.roles or ()),
                    events=tuple(_contract(case.events)),
                ),
                country=profile.country if profile is not None else "",
                affiliations=tuple(person.affiliations or ()),
                status=case.status.value,
                sources=tuple(sources[k] for k in sorted(sources)),
                event_sources=tuple(event_sources),
            )
        )
    return out


def public_records(*, today: dt.date | None = None) -> list[Record]:
    return [as_record(p) for p in public_persons(today=today)]
