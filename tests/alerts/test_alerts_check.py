"""Computing alerts from confirmed events and support, and claiming due persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alerts_support import HELD_30_DAYS, person_with

D = dt.date.fromisoformat


def _alerts(person: Any) -> list[tuple[str, str, str]]:
    from habeas.web.alerts.models import Alert

    return [
        (a.kind, a.date_text, a.state)
        for a in Alert.objects.filter(person=person).order_by("kind", "id")
    ]


def test_release_due_tomorrow_raises_nothing_and_overdue_raises_one_alert() -> None:
    from habeas.web.alerts.services import check_due

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    check_due(today=D("2025-04-09"))
    assert _alerts(person) == []
    result = check_due(today=D("2025-04-10"))
    assert (result.checked, result.opened) == (1, 1)
    assert _alerts(person) == [("release_overdue", "2025-04-09", "open")]


def test_recomputing_does_not_duplicate_and_refreshes_the_message() -> None:
    from habeas.web.alerts.models import Alert
    from habeas.web.alerts.services import refresh_person

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    assert len(refresh_person(person, today=D("2025-04-10"))) == 1
    assert refresh_person(person, today=D("2025-04-12")) == []
    alert = Alert.objects.get(person=person)
    assert "(3 days ago)" in alert.message


def test_a_reported_release_resolves_the_alert() -> None:
    from habeas.web.alerts.services import refresh_person
    from habeas.web.store.models import Event

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    refresh_person(person, today=D("2025-04-10"))
    Event.objects.create(
        person=person,
        type="release",
        date_text="2025-04-10",
        date_precision="day",
        status="confirmed",
    )
    refresh_person(person, today=D("2025-04-11"))
    assert _alerts(person) == [("release_overdue", "2025-04-09", "resolved")]


def test_suggested_events_raise_no_alert() -> None:
    from habeas.web.alerts.services import refresh_person

    person = person_with("Oren Laskaris", HELD_30_DAYS, status="suggested")
    assert refresh_person(person, today=D("2025-05-01")) == []


def test_a_refused_lawyer_raises_an_alert_until_access_is_granted(alice: Any) -> None:
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support, refresh_person

    person = person_with("Oren Laskaris", [{"type": "detention", "date": "2025-03-10"}])
    record_support(
        person,
        kind=SupportKind.LAWYER,
        status=SupportStatus.REFUSED,
        date=D("2025-03-11"),
        user=alice,
    )
    refresh_person(person, today=D("2025-03-11"))
    assert _alerts(person) == [("lawyer_refused", "2025-03-11", "open")]
    record_support(
        person,
        kind=SupportKind.LAWYER,
        status=SupportStatus.GRANTED,
        date=D("2025-03-13"),
        user=alice,
    )
    refresh_person(person, today=D("2025-03-13"))
    assert _alerts(person) == [("lawyer_refused", "2025-03-11", "resolved")]


def test_a_status_that_does_not_fit_the_kind_is_an_input_error(alice: Any) -> None:
    import pytest

    from habeas.errors import InputError
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support

    person = person_with("Oren Laskaris", [])
    with pytest.raises(
        InputError, match="a medication action can be requested, delivered, refused"
    ):
        record_support(person, kind=SupportKind.MEDICATION, status=SupportStatus.HELD, user=alice)


def test_a_checked_person_is_not_claimed_again_the_same_day() -> None:
    from habeas.web.alerts.services import check_due

    person_with("Tamar Velkova", HELD_30_DAYS)
    assert check_due(today=D("2025-04-10")).checked == 1
    assert check_due(today=D("2025-04-10")).checked == 0
    assert check_due(today=D("2025-04-11")).checked == 1


def test_a_new_support_action_makes_the_person_due_again_the_same_day(alice: Any) -> None:
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import check_due, record_support

    person = person_with("Oren Laskaris", [{"type": "detention", "date": "2025-03-10"}])
    check_due(today=D("2025-03-12"))
    record_support(
        person,
        kind=SupportKind.MEDICATION,
        status=SupportStatus.REFUSED,
        user=alice,
        date=D("2025-03-12"),
    )
    result = check_due(today=D("2025-03-12"))
    assert (result.checked, result.opened) == (1, 1)
    assert _alerts(person) == [("medication_refused", "2025-03-12", "open")]


def test_a_claimed_row_is_skipped_by_a_second_worker() -> None:
    from habeas.web.alerts.services import check_due
    from habeas.web.store.models import PersonStatus

    person = person_with("Tamar Velkova", HELD_30_DAYS)
    check_due(today=D("2025-04-09"))
    stale = PersonStatus.objects.get(person=person)
    assert stale.look_again_on == D("2025-04-10")  # the day the release becomes overdue
    # Another worker claims the row first: it moves look_again_on on.
    PersonStatus.objects.filter(pk=stale.pk).update(look_again_on=D("2025-04-11"))
    assert check_due(today=D("2025-04-10")).checked == 0


def test_only_persons_whose_answer_can_change_are_looked_at_again() -> None:
    from habeas.web.alerts.services import check_due

    person_with("Tamar Velkova", HELD_30_DAYS)  # due out on 9 April 2025
    person_with("Oren Laskaris", [{"type": "release", "date": "2025-01-05"}])
    assert check_due(today=D("2025-03-20")).checked == 2  # both new
    # Nothing changes for either until the release day comes near.
    assert check_due(today=D("2025-04-08")).checked == 0
    assert check_due(today=D("2025-04-09")).checked == 1
    assert check_due(today=D("2025-04-10")).checked == 1  # now overdue: an alert opens
    assert _alerts_of("Tamar Velkova") == [("release_overdue", "2025-04-09", "open")]


def _alerts_of(name: str) -> list[tuple[str, str, str]]:
    from habeas.web.store.models import Person

    return _alerts(Person.objects.get(display_name=name))
