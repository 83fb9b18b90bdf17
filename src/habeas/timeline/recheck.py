"""When to look at a person again: the first day the timeline may answer differently.

`assess` depends on the day only through a few thresholds: an event counts
from the first day its date can mean, a term ends, a release becomes
overdue, a pretrial term nears its end, contact has been lost for more than
a day. Any day past `today` on which one of these can flip is a candidate;
the earliest is when a stored status must be recomputed. Extra candidates
only cost an unneeded look, so the set is generous on purpose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from habeas.model import Event
from habeas.timeline.alerts import PRETRIAL_WARNING_DAYS, Alert, AlertKind
from habeas.timeline.assessment import Assessment
from habeas.timeline.episodes import BasisKind
from habeas.timeline.ordering import latest_day


def _around(day: dt.date, *offsets: int) -> set[dt.date]:
    found = set()
    for n in offsets:
        try:
            found.add(day + dt.timedelta(days=n))
        except OverflowError:
            continue  # past the calendar's end: nothing changes there
    return found


# An alert's message counts days ("due on 9 April (3 days ago)"): it is refreshed
# daily in its first week and while a pretrial term runs out, weekly after that,
# so a store full of long-overdue releases is not recomputed whole every day. The
# weekly refresh falls on the alert's own weekday (whole weeks after its date), not
# a week after the last look: alerts' dates are spread over the week, so the
# refreshes are too, even when every status was computed on one day (a migration,
# a restore) and would otherwise all come due on the same later day.
_DAILY_FOR_DAYS = 7
_LATER_EVERY = 7


def _count_refresh(alert: Alert, today: dt.date) -> int:
    if alert.kind is AlertKind.PRETRIAL_ENDING or alert.date is None:
        return 1
    age = (today - alert.date.earliest()).days
    if age < _DAILY_FOR_DAYS:
        return 1
    return _LATER_EVERY - age % _LATER_EVERY


def next_change(events: Sequence[Event], assessment: Assessment) -> dt.date | None:
    """The first day after `assessment.today` on which `assess(events, ...)` may differ.

    None when nothing can change with time alone. Status and which alerts
    hold never change before that day; an open alert's message, which counts
    days, is refreshed daily in the alert's first week, then on each whole week
    after the alert's date.
    """
    today = assessment.today
    days: set[dt.date] = set()
    for event in events:
        if event.date is None:
            continue
        first, last = event.date.earliest(), latest_day(event.date)
        days |= _around(first, 0, 1, 2) | _around(last, 1, 2)
    for episode in assessment.episodes[-1:]:
        if episode.expected_release is not None:
            due = episode.expected_release
            days |= _around(due, 0, 1)
        basis = episode.basis
        if basis is not None and basis.ends is not None:
            days |= _around(basis.ends, 0, 1)
            if basis.kind is BasisKind.PRETRIAL_DETENTION:
                days |= _around(basis.ends, -PRETRIAL_WARNING_DAYS)
    for alert in assessment.alerts:
        days |= _around(today, _count_refresh(alert, today))
    try:
        return min(d for d in days if d > today)
    except ValueError:
        return None
