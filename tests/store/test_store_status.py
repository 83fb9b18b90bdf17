"""Stored statuses stay equal to a recomputation from scratch through every kind of change."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def editor() -> Any:
    from django.contrib.auth.models import User

    return User.objects.create_user("alice")


def _person(name: str, *events: tuple[str, str, dict[str, Any] | None]) -> Any:
    from habeas.web.store.models import Event, Person

    person = Person.objects.create(display_name=name)
    for kind, date, penalty in events:
        Event.objects.create(
            person=person,
            type=kind,
            date_text=date,
            date_precision={10: "day", 7: "month", 4: "year"}[len(date)],
            penalty=penalty,
        )
    return person


def _consistent() -> list[tuple[int, str]]:
    from django.utils import timezone

    from habeas.web.store.status import mismatches

    return mismatches(today=timezone.localdate())


def _state(person: Any) -> str:
    from habeas.web.store.models import PersonStatus

    row = PersonStatus.objects.filter(pk=person.pk).first()
    return "none" if row is None else str(row.state)


def test_every_service_keeps_the_stored_status_in_step(editor: Any) -> None:
    from habeas.web.store import services
    from habeas.web.store.models import Event, EventStatus, Version

    term = {"kind": "prison", "years": 40}
    tamar = _person(
        "Tamar Velkova", ("detention", "2025-03-10", None), ("sentence", "2025-05-01", term)
    )
    oren = _person(
        "Oren Laskaris", ("detention", "2025-01-05", None), ("release", "2025-01-09", None)
    )
    assert _state(tamar) == "none"  # suggestions change nothing

    for event in Event.objects.order_by("id"):
        services.set_event_status(event, EventStatus.CONFIRMED, user=editor, why="seen")
        assert _consistent() == []
    assert (_state(tamar), _state(oren)) == ("detained", "released")

    release = Event.objects.get(person=oren, type="release")
    services.set_event_status(release, EventStatus.REJECTED, user=editor, why="a rumour")
    assert _state(oren) == "detained"
    services.edit_event(
        release, {"status": "confirmed", "date_text": "2025-01-08"}, user=editor, why="y"
    )
    assert _state(oren) == "released"
    assert _consistent() == []

    merge = services.merge_persons(tamar.pk, oren.pk, why="same passport")
    assert _state(oren) == "none"  # merged away: on no list
    assert _consistent() == []
    services.undo_merge(merge.version_id, why="different people", user=editor)
    assert (_state(tamar), _state(oren)) == ("detained", "released")
    assert _consistent() == []

    versions = Version.objects.filter(object_type="event", object_id=release.pk).order_by("id")
    rejected = next(v for v in versions if v.snapshot["status"] == "rejected")
    services.restore(rejected, user=editor, why="it was a rumour after all")
    assert _state(oren) == "detained"
    assert _consistent() == []


def test_a_write_outside_the_services_is_picked_up_by_the_next_read() -> None:
    from django.utils import timezone

    from habeas.web.store.models import Event
    from habeas.web.store.status import ensure_current

    person = _person("Tamar Velkova", ("detention", "2025-03-10", None))
    Event.objects.filter(person=person).update(status="confirmed")  # no signal: a raw update
    Event.objects.get(person=person).save()  # a save marks the person stale
    assert _consistent() != []
    ensure_current(today=timezone.localdate())
    assert _state(person) == "detained"
    assert _consistent() == []


def test_a_failed_change_leaves_the_status_as_it_was(editor: Any) -> None:
    from django.db import transaction

    from habeas.web.store import services
    from habeas.web.store.models import Event, EventStatus

    person = _person("Tamar Velkova", ("detention", "2025-03-10", None))
    event = Event.objects.get(person=person)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.set_event_status(event, EventStatus.CONFIRMED, user=editor, why="seen")
        raise RuntimeError("the request failed after the change")
    assert _state(person) == "none"
