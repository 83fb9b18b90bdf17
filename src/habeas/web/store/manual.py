"""Facts entered or corrected by hand: persons, events, charges, evidence, moves and splits.

Every function here is one transaction: the change, its Version (who and why)
and the audit entry are written together or not at all. Hand-entered facts
are attributed to their author and confirmed at once, because only editors
and admins may write and both may confirm; a viewer gets PermissionDenied.
After a change of a person's confirmed facts, their status and alerts are
brought up to date in the same transaction (`_facts_changed`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from habeas import model
from habeas.errors import InputError
from habeas.web.accounts.roles import Role, can
from habeas.web.store.models import Event, EventStatus, Evidence, NameForm, Person, Report
from habeas.web.store.queries import event_fields
from habeas.web.store.versions import edit_event, record

# The fields a span of evidence can support; "" is the event as a whole.
EVIDENCE_FIELDS = (
    "",
    "type",
    "date",
    "place",
    "authority",
    "penalty",
    "charges",
    "duration",
    "outcome",
    "detail",
)


def _facts_changed(person_ids: Iterable[int]) -> None:
    """Bring the stored status and alerts of these persons in line with their facts."""
    from habeas.web.store.status import facts_changed

    facts_changed(person_ids)


def _may_write(user: Any) -> None:
    if not can(user, Role.EDITOR):
        raise PermissionDenied("entering facts by hand needs the editor role")


def add_person(
    name: str,
    *,
    roles: Sequence[str] = (),
    user: Any,
    why: str,
    report: Any = None,
) -> Any:
    """A new person known as `name` (mentioned in `report`, if given), with `roles`."""
    from habeas.web.store.services import script_of

    _may_write(user)
    name = " ".join(name.split())
    if not name:
        raise InputError("a person needs a name")
    cleaned = [r.strip() for r in roles if r.strip()]
    with transaction.atomic():
        person = Person.objects.create(display_name=name, roles=list(dict.fromkeys(cleaned)))
        NameForm.objects.create(person=person, name=name, script=script_of(name), report=report)
        record(person, user=user, why=why or "entered by hand")
        # Indexed by its blocking keys, so search and the identity check find it.
        from habeas.web.store.merges import index_person

        index_person(person)
    return person


def add_event(
    person: Any,
    facts: model.Event,
    *,
    user: Any,
    why: str,
    spans: Sequence[tuple[Any, str, str]] = (),
) -> Any:
    """A confirmed event of `person` by `user`; `spans` are (report, quote, field) evidence."""
    _may_write(user)
    if person.merged_into_id is not None:
        raise InputError(f"{person.display_name} was merged into another file; add it there")
    with transaction.atomic():
        row = Event(
            person=person,
            status=EventStatus.CONFIRMED,
            made_by_user=user,
            **event_fields(facts),
        )
        row.full_clean()
        row.save()
        for report, quote, field in spans:
            _evidence(row, report, quote, field=field, user=user)
        record(row, user=user, why=why or "entered by hand")
        _facts_changed([person.pk])
    return row


def correct_event(
    event: Any,
    facts: model.Event,
    *,
    user: Any,
    why: str,
    confirm: bool = False,
    person: Any = None,
) -> Any:
    """Every contract field of `event` set to `facts`, and given to `person` if another.

    Confirmed too when `confirm`. The move and the correction are one change.
    """
    _may_write(user)
    changes = event_fields(facts)
    if confirm:
        changes["status"] = str(EventStatus.CONFIRMED)
    with transaction.atomic():
        if person is not None and person.pk != event.person_id:
            move_event(event, person, user=user, why=why)
        before = event.person_id
        edit_event(event, changes, user=user, why=why)
        _facts_changed([before, event.person_id])
    return event


def decide(event: Any, status: EventStatus, *, user: Any, why: str) -> Any:
    """Confirm or reject a suggestion (or send it back), with the person's status refreshed."""
    _may_write(user)
    with transaction.atomic():
        edit_event(event, {"status": EventStatus(status).value}, user=user, why=why)
        _facts_changed([event.person_id])
    return event


def add_charge(event: Any, charge: model.Charge, *, user: Any, why: str) -> Any:
    """`charge` added to the event's charges (once: the same charge twice is kept once)."""
    _may_write(user)
    if not (charge.label or charge.article):
        raise InputError("a charge needs a label or an article")
    stored = model.charge_to_json(charge)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        charges = list(locked.charges or [])
        if stored not in charges:
            charges.append(stored)
        edit_event(locked, {"charges": charges}, user=user, why=why or "charge added by hand")
        _facts_changed([locked.person_id])
    event.refresh_from_db()
    return event


def attach_evidence(
    event: Any, report: Any, quote: str, *, field: str = "", user: Any, why: str
) -> Any:
    """A quoted span of `report` recorded as support of `field` of `event`."""
    _may_write(user)
    with transaction.atomic():
        evidence = _evidence(event, report, quote, field=field, user=user)
        record(event, user=user, why=why or f"source attached: report #{report.pk}")
    return evidence


def _evidence(event: Any, report: Any, quote: str, *, field: str, user: Any) -> Any:
    if field not in EVIDENCE_FIELDS:
        raise InputError(f"{field!r} is not a field of an event")
    quote = quote.strip()
    if not quote:
        raise InputError("quote the words of the report that support the fact")
    start = report.text.find(quote)
    if start < 0:
        # Spacing often differs between a copy and the stored text: match it loosely.
        start, quote = _loose_find(report.text, quote)
    if start < 0:
        raise InputError(f"the quote is not in report #{report.pk}; copy it from the report")
    return Evidence.objects.create(
        event=event,
        report=report,
        start=start,
        end=start + len(quote),
        quote=quote,
        field=field,
        added_by=user,
    )


def _loose_find(text: str, quote: str) -> tuple[int, str]:
    import re

    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, text)
    return (found.start(), found.group(0)) if found else (-1, quote)


def persons_of_reports(report_ids: Iterable[int]) -> list[Any]:
    """The current persons mentioned in these reports (by a name form or an event's evidence)."""
    ids = set(report_ids)
    by_name = NameForm.objects.filter(report_id__in=ids).values_list("person_id", flat=True)
    by_event = Evidence.objects.filter(report_id__in=ids).values_list("event__person_id", flat=True)
    persons = Person.objects.filter(pk__in=set(by_name) | set(by_event))
    current = {p if p.merged_into_id is None else _current(p) for p in persons}
    return sorted(current, key=lambda p: (p.display_name, p.pk))


def _current(person: Any) -> Any:
    seen = set()
    while person.merged_into_id is not None and person.pk not in seen:
        seen.add(person.pk)
        person = Person.objects.get(pk=person.merged_into_id)
    return person


def move_targets(event: Any) -> list[Any]:
    """Who `event` may move to: the other persons of the reports its evidence is in."""
    report_ids = set(event.evidence.values_list("report_id", flat=True))
    return [p for p in persons_of_reports(report_ids) if p.pk != event.person_id]


def move_event(event: Any, person: Any, *, user: Any, why: str) -> Any:
    """`event`, with its evidence, given to `person`, another person of the same report."""
    _may_write(user)
    if not why.strip():
        raise InputError("say why the event moves")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        has_sources = locked.evidence.exists()
        if has_sources and person.pk not in {p.pk for p in move_targets(locked)}:
            raise InputError(
                f"{person.display_name} is not mentioned in the report this event comes from"
            )
        if person.merged_into_id is not None:
            raise InputError(f"{person.display_name} was merged into another file")
        before = locked.person_id
        locked.person = person
        locked.save(update_fields=["person"])
        record(locked, user=user, why=why)
        _facts_changed([before, person.pk])
    event.refresh_from_db()
    return event


def split_event(
    event: Any, facts: model.Event, *, user: Any, why: str, confirm: bool = False
) -> Any:
    """A second event cut from `event` with `facts` and the same evidence; the new event.

    For a suggestion that holds two facts (a detention and the sentence that
    followed): the original stays as it is, to be corrected on its own.
    """
    _may_write(user)
    with transaction.atomic():
        status = EventStatus.CONFIRMED if confirm else EventStatus(event.status)
        row = Event(
            person_id=event.person_id,
            status=status,
            made_by_engine=event.made_by_engine,
            made_by_user=user,
            **event_fields(facts),
        )
        row.full_clean()
        row.save()
        for ev in event.evidence.all():
            Evidence.objects.create(
                event=row,
                report_id=ev.report_id,
                start=ev.start,
                end=ev.end,
                quote=ev.quote,
                field=ev.field,
                added_by=ev.added_by,
            )
        record(row, user=user, why=why or f"split from event #{event.pk}")
        if status == EventStatus.CONFIRMED:
            _facts_changed([event.person_id])
    return row


def report_choices(*, limit: int = 200) -> list[Any]:
    """Recent reports to pick a source from, newest first."""
    return list(Report.objects.order_by("-id").only("id", "title", "published")[:limit])
