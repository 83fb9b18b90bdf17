"""The iCalendar feed: secret URL, no login, valid RFC 5545, the expected entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from alerts_support import person_with

D = dt.date.fromisoformat


def _get(path: str) -> Any:
    from django.test import Client

    return Client(HTTP_HOST="localhost").get(path)


def _future_case(alice: Any) -> Any:
    from habeas.web.alerts.rules import SupportKind, SupportStatus
    from habeas.web.alerts.services import record_support

    today = dt.datetime.now(dt.UTC).date()
    # Held since yesterday for 30 days; an appeal ruling in 3 days, a hearing in a week
    # (confidential), a letter in two weeks.
    person = person_with(
        "Tamar Velkova",
        [
            {"type": "detention", "date": (today - dt.timedelta(days=1)).isoformat()},
            {
                "type": "sentence",
                "date": today.isoformat(),
                "penalty": {"kind": "administrative_detention", "days": 30},
            },
            {"type": "appeal", "date": (today + dt.timedelta(days=3)).isoformat()},
        ],
    )
    record_support(
        person,
        kind=SupportKind.HEARING,
        status=SupportStatus.SCHEDULED,
        user=alice,
        date=today + dt.timedelta(days=7),
        note="room 4, planted-secret-5521",
    )
    record_support(
        person,
        kind=SupportKind.LETTER,
        status=SupportStatus.SENT,
        user=alice,
        date=today + dt.timedelta(days=14),
        confidential=False,
    )
    return today


def _events(text: str) -> list[tuple[str, dt.date]]:
    import icalendar

    cal = icalendar.Calendar.from_ical(text)
    return [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in cal.walk("VEVENT")]


def test_the_feed_lists_the_expected_release_and_coming_dates(alice: Any) -> None:
    from habeas.web.alerts.services import subscription_of

    today = _future_case(alice)
    sub = subscription_of(alice)
    sub.calendar_confidential = True  # opted in: confidential support is in this feed
    sub.save()
    response = _get(f"/alerts/calendar/{sub.calendar_token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert all(line.endswith("\r") for line in text.split("\n")[:-1])
    assert _events(text) == [
        ("Tamar Velkova: appeal", today + dt.timedelta(days=3)),
        ("Hearing (scheduled): Tamar Velkova", today + dt.timedelta(days=7)),
        ("Letter (sent): Tamar Velkova", today + dt.timedelta(days=14)),
        ("Expected release: Tamar Velkova", today + dt.timedelta(days=29)),
    ]
    assert "planted-secret-5521" not in text  # notes stay out of calendars


def test_a_viewer_feed_leaves_out_confidential_support(alice: Any, bob: Any) -> None:
    from habeas.web.alerts.services import subscription_of

    _future_case(alice)
    text = _get(f"/alerts/calendar/{subscription_of(bob).calendar_token}.ics").content.decode()
    assert [s for s, _ in _events(text)] == [
        "Tamar Velkova: appeal",
        "Letter (sent): Tamar Velkova",
        "Expected release: Tamar Velkova",
    ]


def test_the_feed_reads_its_users_groups_once(alice: Any, bob: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from habeas.web.alerts.services import subscription_of

    _future_case(alice)
    path = f"/alerts/calendar/{subscription_of(bob).calendar_token}.ics"
    with CaptureQueriesContext(connection) as seen:
        assert _get(path).status_code == 200
    assert sum("auth_group" in q["sql"] for q in seen.captured_queries) == 1


@pytest.mark.parametrize("token", ["", "x", "not-a-real-token-at-all-0000000000000000000"])
def test_no_feed_without_the_token(alice: Any, token: str) -> None:
    _future_case(alice)
    response = _get(f"/alerts/calendar/{token}.ics")
    assert response.status_code == 404
    assert b"Tamar" not in response.content


def test_regenerating_the_token_cuts_off_the_old_url(alice: Any) -> None:
    from django.test import Client

    from habeas.web.alerts.services import subscription_of

    old = subscription_of(alice).calendar_token
    client = Client(HTTP_HOST="localhost")
    client.force_login(alice)
    assert old in client.get("/alerts/calendar/").content.decode()
    assert client.post("/alerts/calendar/").status_code == 302
    new = subscription_of(alice).calendar_token
    assert new != old and len(new) >= 40
    assert _get(f"/alerts/calendar/{old}.ics").status_code == 404
    assert _get(f"/alerts/calendar/{new}.ics").status_code == 200


def test_a_user_without_a_role_has_no_feed(charlie: Any) -> None:
    from habeas.web.alerts.services import subscription_of

    assert (
        _get(f"/alerts/calendar/{subscription_of(charlie).calendar_token}.ics").status_code == 404
    )


def test_the_feed_is_a_window_of_coming_dates_and_recently_overdue_releases(alice: Any) -> None:
    from habeas.web.alerts.calendar_feed import AHEAD_DAYS, OVERDUE_DAYS
    from habeas.web.alerts.services import subscription_of

    today = dt.datetime.now(dt.UTC).date()

    def held_until(name: str, release: dt.date) -> None:
        # A 10-day administrative detention that ends on `release`.
        start = release - dt.timedelta(days=10)
        person_with(
            name,
            [
                {"type": "detention", "date": start.isoformat()},
                {
                    "type": "sentence",
                    "date": start.isoformat(),
                    "penalty": {"kind": "administrative_detention", "days": 10},
                },
            ],
        )

    held_until("Ivo Overdue Recent", today - dt.timedelta(days=OVERDUE_DAYS - 5))
    held_until("Ivo Overdue Long", today - dt.timedelta(days=OVERDUE_DAYS + 40))
    held_until("Ivo Soon", today + dt.timedelta(days=AHEAD_DAYS - 5))
    held_until("Ivo Far", today + dt.timedelta(days=AHEAD_DAYS + 40))
    person_with(
        "Ivo Hearing Far",
        [{"type": "appeal", "date": (today + dt.timedelta(days=AHEAD_DAYS + 9)).isoformat()}],
    )

    text = _get(f"/alerts/calendar/{subscription_of(alice).calendar_token}.ics").content.decode()
    summaries = [s for s, _ in _events(text)]
    assert any("Ivo Overdue Recent" in s for s in summaries)
    assert any("Ivo Soon" in s for s in summaries)
    assert not any("Long" in s or "Far" in s for s in summaries)
