"""The history of persons and events: every change is kept as a Version row.

Each function here writes the change and its Version in one transaction, so
the history never misses a change and never records one that did not happen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction

from habeas.errors import InputError
from habeas.web.store.models import Event, EventStatus, Person, Version, VersionedType
from habeas.web.store.status import facts_changed

_PERSON_FIELDS = ("display_name", "roles", "affiliations", "confidential", "merged_into_id")
_EVENT_FIELDS = (
    "person_id",
    "type",
    "date_text",
    "date_precision",
    "place",
    "authority",
    "duration_hours",
    "penalty",
    "charges",
    "outcome",
    "detail",
    "status",
    "made_by_engine",
    "made_by_user_id",
)
# What an editor may change by hand; the rest is set once, when the row is made.
_EDITABLE_PERSON = frozenset(_PERSON_FIELDS) - {"merged_into_id"}  # merges.py moves it
_EDITABLE_EVENT = frozenset(_EVENT_FIELDS) - {"person_id", "made_by_engine", "made_by_user_id"}


def _kind_and_fields(obj: Any) -> tuple[str, tuple[str, ...]]:
    if isinstance(obj, Person):
        return VersionedType.PERSON, _PERSON_FIELDS
    if isinstance(obj, Event):
        return VersionedType.EVENT, _EVENT_FIELDS
    raise TypeError(f"only persons and events have a history, not {type(obj).__name__}")


def snapshot_of(obj: Any) -> dict[str, Any]:
    """The JSON form of a person or event as a Version stores it."""
    _, fields = _kind_and_fields(obj)
    return {name: getattr(obj, name) for name in fields}


def record(obj: Any, *, user: Any = None, engine: str = "", why: str = "") -> Any:
    """Write a Version of `obj` as it is now; call it inside the transaction that changed it."""
    return record_many([obj], user=user, engine=engine, why=why)[0]


def record_many(
    objs: Sequence[Any], *, user: Any = None, engine: str = "", why: str = ""
) -> list[Any]:
    """`record` for several persons and events changed together: one insert of their
    Versions, one append of their audit entries."""
    versions = Version.objects.bulk_create(
        [
            Version(
                object_type=_kind_and_fields(obj)[0],
                object_id=obj.pk,
                snapshot=snapshot_of(obj),
                user=user,
                engine=engine,
                why=why,
            )
            for obj in objs
        ]
    )
    # Every change also goes to the hash-chained audit log, in the same transaction.
    from habeas.web.audit.chain import record_many as audit
    from habeas.web.audit.models import AuditAction

    actor = user or engine or None
    audit(
        [
            (actor, AuditAction.EDIT, obj, {"version": version.pk, "why": why})
            for obj, version in zip(objs, versions, strict=True)
        ]
    )
    return list(versions)


def history(obj: Any) -> list[Any]:
    """Every Version of a person or event, oldest first."""
    kind, _ = _kind_and_fields(obj)
    return list(Version.objects.filter(object_type=kind, object_id=obj.pk).order_by("id"))


def _apply(obj: Any, changes: Mapping[str, Any], *, allowed: frozenset[str]) -> None:
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise InputError(f"these fields cannot be changed by hand: {', '.join(unknown)}")
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()


def edit_person(person: Any, changes: Mapping[str, Any], *, user: Any, why: str) -> Any:
    """Change a person's fields and keep the change in its history."""
    with transaction.atomic():
        _apply(person, changes, allowed=_EDITABLE_PERSON)
        record(person, user=user, why=why)
        facts_changed([person.pk])
    return person


def edit_event(event: Any, changes: Mapping[str, Any], *, user: Any, why: str) -> Any:
    """Change an event's fields and keep the change in its history (and the person's status)."""
    with transaction.atomic():
        was_confirmed = Event.objects.filter(pk=event.pk, status=EventStatus.CONFIRMED).exists()
        _apply(event, changes, allowed=_EDITABLE_EVENT)
        record(event, user=user, why=why)
        # A suggestion edited and still a suggestion changes no status.
        if was_confirmed or event.status == EventStatus.CONFIRMED:
            facts_changed([event.person_id])
    return event


def set_event_status(event: Any, status: EventStatus, *, user: Any, why: str) -> Any:
    """Confirm or reject a suggested event (or send it back to suggested), keeping the history."""
    return edit_event(event, {"status": EventStatus(status).value}, user=user, why=why)


def restore(version: Any, *, user: Any, why: str) -> Any:
    """Put a person or event back as `version` shows it; the restore is itself a new version."""
    model = Person if version.object_type == VersionedType.PERSON else Event
    with transaction.atomic():
        obj = model.objects.select_for_update().filter(pk=version.object_id).first()
        if obj is None:
            raise InputError(f"{version.object_type} #{version.object_id} no longer exists")
        before = {obj.pk if model is Person else obj.person_id}
        for name, value in version.snapshot.items():
            setattr(obj, name, value)
        obj.save()
        record(obj, user=user, why=why)
        facts_changed(before | {obj.pk if model is Person else obj.person_id})
    return obj
