"""Importing a spreadsheet of people and detentions into the case store.

A person is matched by their exact display name (not merged away), else made;
an event is added only when the person has no stored event with the same
values, so importing the same file twice changes nothing. Imported events are
confirmed (a person keeping the spreadsheet already checked them) and made by
the importing user; nothing imported is published. A dry run computes the same
plan and writes nothing. Source URLs are not imported (a report needs its text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from habeas import model
from habeas.export.spreadsheet import Problem, Row, mapping_for, parse, read_cells
from habeas.web.store.models import Event, EventStatus, NameForm, Person
from habeas.web.store.queries import event_fields


@dataclass
class ImportPlan:
    rows: int = 0
    new_persons: list[str] = field(default_factory=list)
    new_events: list[tuple[str, str]] = field(default_factory=list)  # (person, event in words)
    unchanged_rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.new_persons) + len(self.new_events)


def _event_key(e: model.Event) -> tuple[Any, ...]:
    return (
        e.type.value,
        str(e.date) if e.date else "",
        e.place or "",
        e.authority or "",
        e.duration_hours,
        model.penalty_to_json(e.penalty) if e.penalty else None,
        [model.charge_to_json(c) for c in e.charges],
        e.outcome.value if e.outcome else "",
        e.detail or "",
    )


def _stored_key(row: Any) -> tuple[Any, ...]:
    return (
        row.type,
        row.date_text,
        row.place,
        row.authority,
        row.duration_hours,
        row.penalty or None,
        list(row.charges or []),
        row.outcome,
        row.detail,
    )


def _words(e: model.Event) -> str:
    return " ".join(x for x in (e.type.value, str(e.date) if e.date else "", e.place or "") if x)


def import_file(
    path: Path, *, mapping: dict[str, str] | None = None, user: Any = None, dry_run: bool = False
) -> ImportPlan:
    """Import (or, with dry_run, only plan) a CSV or XLSX file; InputError when unreadable.

    `user` is a stored user (the web app) or None (the command line)."""
    cells = read_cells(path)
    headers = list(cells[0][1]) if cells else []
    rows, problems = parse(
        cells, mapping_for(headers, mapping or {}) if cells else {"name": "name"}
    )
    plan = ImportPlan(rows=len(cells), problems=problems)
    with transaction.atomic():
        _apply(rows, plan, user=user, engine=f"import:{path.name}")
        if not dry_run:
            from habeas.web.audit.chain import record as audit
            from habeas.web.audit.models import AuditAction

            audit(
                user or "cli",
                AuditAction.EDIT,
                f"import:{path.name}",
                {
                    "rows": plan.rows,
                    "new_persons": len(plan.new_persons),
                    "new_events": len(plan.new_events),
                    "problems": len(plan.problems),
                },
            )
        if dry_run:
            transaction.set_rollback(True)
    return plan


def _apply(rows: list[Row], plan: ImportPlan, *, user: Any, engine: str) -> None:
    from habeas.web.store.resolution import resolve_person
    from habeas.web.store.services import script_of
    from habeas.web.store.versions import record

    made: list[int] = []
    for row in rows:
        person = (
            Person.objects.filter(display_name=row.name, merged_into__isnull=True)
            .order_by("id")
            .first()
        )
        changed = False
        if person is None:
            person = Person.objects.create(
                display_name=row.name, roles=list(row.roles), affiliations=list(row.affiliations)
            )
            NameForm.objects.create(person=person, name=row.name, script=script_of(row.name))
            record(person, user=user, engine=engine, why=f"imported from row {row.number}")
            plan.new_persons.append(row.name)
            made.append(person.pk)
            changed = True
        if row.country:
            from habeas.web.public.publishing import profile_of

            profile = profile_of(person, confidential=False)
            if profile.country != row.country:
                profile.country = row.country
                profile.save(update_fields=["country"])
        if row.event is not None:
            key = _event_key(row.event)
            if not any(_stored_key(e) == key for e in person.events.all()):
                _add_event(person, row.event, user=user, engine=engine, number=row.number)
                plan.new_events.append((row.name, _words(row.event)))
                changed = True
        if not changed:
            plan.unchanged_rows += 1
    for pk in made:
        resolve_person(pk)


def _add_event(person: Any, e: model.Event, *, user: Any, engine: str, number: int) -> None:
    from habeas.web.store.versions import record

    row = Event.objects.create(
        person=person,
        **event_fields(e),
        status=EventStatus.CONFIRMED,
        made_by_engine=engine,
        made_by_user=user if getattr(user, "pk", None) else None,
    )
    record(
        row,
        user=user if getattr(user, "pk", None) else None,
        engine=engine,
        why=f"imported from row {number}",
    )
