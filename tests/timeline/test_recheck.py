"""The day to look again: until then, assessing any later day gives the same answer."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from habeas.model import Event, PenaltyKind
from habeas.timeline.assessment import Assessment, assess
from habeas.timeline.recheck import next_change

from .factory import day, detained, disappeared, ill_treated, pretrial, released, sentenced

HISTORIES = {
    "administrative term": [
        detained("2025-03-10"),
        sentenced(PenaltyKind.ADMINISTRATIVE_DETENTION, "2025-03-11", days=30),
    ],
    "pretrial extended": [
        detained("2025-01-10"),
        ill_treated("her lawyer was not allowed to see her"),
        pretrial("2025-01-12", months=2),
        pretrial("2025-03-05", months=3),
    ],
    "released in a month": [detained("2025-02"), released("2025-03")],
    "disappeared": [disappeared("2025-03-20"), detained("2025-04-02")],
    "a year only": [detained("2024"), released("2025-06-30")],
}


def _same(a: Assessment, b: Assessment) -> bool:
    # Alert messages count days and are refreshed on their own rhythm (next test).
    def plain(x: Assessment) -> Assessment:
        alerts = tuple(dataclasses.replace(al, message="") for al in x.alerts)
        return dataclasses.replace(x, today=a.today, alerts=alerts)

    return plain(a) == plain(b)


@pytest.mark.parametrize("name", sorted(HISTORIES))
def test_nothing_changes_before_the_day_to_look_again(name: str) -> None:
    events: list[Event] = HISTORIES[name]
    today, last = day("2023-12-01"), day("2026-01-31")
    looks = 0
    while today <= last:
        first = assess(events, today=today)
        again = next_change(events, first)
        end = min(again or last, last)
        probe = today + dt.timedelta(days=1)
        while probe < end:
            assert _same(first, assess(events, today=probe)), (name, today, probe)
            probe += dt.timedelta(days=1)
        looks += 1
        today = end if end > today else today + dt.timedelta(days=1)
    # The point of it: a look on a few days only, not every day.
    assert looks < 150


def test_an_alert_message_is_refreshed_daily_in_its_first_week_then_weekly() -> None:
    events = HISTORIES["administrative term"]  # release due on 9 April 2025
    for today, again in (("2025-04-10", "2025-04-11"), ("2025-04-30", "2025-05-07")):
        first = assess(events, today=day(today))
        assert first.alerts
        assert next_change(events, first) == day(again)


def test_the_weekly_refresh_falls_on_whole_weeks_after_the_alert_whatever_the_last_look() -> None:
    # Statuses all computed on one day (a migration) must not all come due on one later
    # day: the refresh is anchored on the alert's date (9 April), not on the look.
    events = HISTORIES["administrative term"]
    for today in ("2025-05-01", "2025-05-03", "2025-05-06"):
        assert next_change(events, assess(events, today=day(today))) == day("2025-05-07")


def test_a_closed_case_without_alerts_is_never_looked_at_again() -> None:
    events = [detained("2025-02-01"), released("2025-02-03")]
    assert next_change(events, assess(events, today=day("2025-06-01"))) is None
