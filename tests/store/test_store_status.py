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


def _varied_store(editor: Any) -> list[Any]:
    """Persons of every shape the batched recompute must get right, with alerts already
    stored from an earlier day (some acknowledged, some about to resolve or reopen)."""
    import datetime as dt

    from habeas.web.alerts.models import Alert, SupportAction
    from habeas.web.store.models import Event, Person
    from habeas.web.store.status import recompute

    admin = {"kind": "administrative_detention", "days": 15}
    prison = {"kind": "prison", "years": 40}
    pretrial = {"kind": "pretrial_detention", "months": 2}
    people = [
        _person(
            "Tamar Velkova", ("detention", "2025-03-10", None), ("sentence", "2025-03-11", admin)
        ),
        _person(
            "Oren Laskaris", ("detention", "2025-01-05", None), ("release", "2025-01-09", None)
        ),
        _person("Ilse Marrow", ("detention", "2025-02-01", None), ("sentence", "2025-04", prison)),
        # A month-only release stored after a dated detention in that month: the
        # status reads date order (release first: held), the alerts stored order.
        _person("Pavo Rentsch", ("detention", "2025-05-10", None), ("release", "2025-05", None)),
        _person(
            "Dara Quill",
            ("detention", "2025-07-01", None),
            ("pretrial_detention", "2025-07-02", pretrial),
        ),
        _person("Nell Ostrander", ("disappearance", "2025", None)),
        Person.objects.create(display_name="Bo Fenwick"),  # no events at all
    ]
    Event.objects.update(status="confirmed")
    SupportAction.objects.create(
        person=people[0],
        kind="lawyer",
        status="refused",
        date=dt.date(2025, 3, 12),
        created_by=editor,
    )
    earlier = dt.date(2025, 3, 30)
    for person in people:
        recompute(person.pk, today=earlier)
    Alert.objects.filter(person=people[0]).update(state="acknowledged", acknowledged_by=editor)
    absorbed = _person("Tamar Velkov", ("detention", "2025-03-10", None))
    Event.objects.filter(person=absorbed).update(status="confirmed")
    recompute(absorbed.pk, today=earlier)
    Person.objects.filter(pk=absorbed.pk).update(merged_into=people[0])
    return [*people, absorbed]


def _snapshot() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from habeas.web.alerts.models import Alert
    from habeas.web.store.models import PersonStatus

    statuses = list(PersonStatus.objects.order_by("pk").values())
    alerts = [
        {k: v for k, v in row.items() if k != "id"}
        for row in Alert.objects.order_by("person_id", "key").values()
    ]
    return statuses, alerts


def test_the_batched_recompute_gives_what_one_by_one_gives(editor: Any) -> None:
    import datetime as dt

    from django.db import transaction

    from habeas.web.store.status import recompute, recompute_many

    people = _varied_store(editor)
    now = dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.UTC)
    for today in (dt.date(2025, 3, 31), dt.date(2025, 8, 20), dt.date(2026, 1, 2)):
        with transaction.atomic():
            opened_one = sum(recompute(p.pk, today=today, now=now) for p in people)
            one_by_one = _snapshot()
            transaction.set_rollback(True)
        with transaction.atomic():
            opened_many = recompute_many([p.pk for p in people], today=today, now=now)
            batched = _snapshot()
            transaction.set_rollback(True)
        assert batched == one_by_one
        assert opened_many == opened_one
    assert one_by_one[1], "the store has alerts to compare"
    assert {s["state"] for s in one_by_one[0]} >= {"detained", "released", "missing", "unknown"}


def test_the_batched_recompute_takes_as_many_queries_for_40_persons_as_for_3() -> None:
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from habeas.web.store.models import Event
    from habeas.web.store.status import recompute_many

    admin = {"kind": "administrative_detention", "days": 15}

    def queries(count: int, today: dt.date) -> int:
        people = [
            _person(
                f"Tamar Velkova {i}",
                ("detention", "2025-03-10", None),
                ("sentence", "2025-03-11", admin),
            )
            for i in range(count)
        ]
        Event.objects.update(status="confirmed")
        ids = [p.pk for p in people]
        recompute_many(ids, today=dt.date(2025, 3, 20))  # statuses and alerts exist
        with CaptureQueriesContext(connection) as seen:
            recompute_many(ids, today=today)
        Event.objects.all().delete()
        return len(seen)

    # A day on which every alert's message changes (so rows are updated), then the
    # day of the release: the statuses change and new alerts open.
    for today in (dt.date(2025, 3, 22), dt.date(2025, 4, 1)):
        assert queries(3, today) == queries(40, today)
