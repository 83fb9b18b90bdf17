"""Adding a custodial term to the day it counts from.

Terms are counted on the calendar: months and years end on the same day of
the month (clamped to the month's last day), days add days, and hours round up
to the next whole day because the hour of detention is rarely known and the
latest possible end avoids a premature "release overdue" alarm. Fractional
years and months are common ("8.5 years"): whole months go on the calendar and
the remaining fraction of a month counts as days of a 30-day month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from habeas.model import Penalty, PenaltyKind

# Penalties that keep a person in a cell until the term ends.
CUSTODIAL_KINDS = frozenset(
    {PenaltyKind.ADMINISTRATIVE_DETENTION, PenaltyKind.PRETRIAL_DETENTION, PenaltyKind.PRISON}
)

# Penalties served at liberty: nothing to be released from.
NON_CUSTODIAL_KINDS = frozenset(
    {
        PenaltyKind.FINE,
        PenaltyKind.COMMUNITY_SERVICE,
        PenaltyKind.RESTRICTED_FREEDOM,
        PenaltyKind.SUSPENDED_SENTENCE,
    }
)

_DAYS_PER_MONTH = 30


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or that month's last day if it is shorter."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_fractional_months(day: dt.date, months: float) -> dt.date:
    whole = math.floor(months)
    rest_days = math.ceil(round((months - whole) * _DAYS_PER_MONTH, 6))
    return add_months(day, whole) + dt.timedelta(days=rest_days)


def has_length(penalty: Penalty) -> bool:
    """Whether the penalty states how long it lasts."""
    return any(v is not None for v in (penalty.years, penalty.months, penalty.days, penalty.hours))


def term_end(start: dt.date, penalty: Penalty) -> dt.date | None:
    """The day a term of `penalty`'s length counted from `start` ends; None when no length is given.

    Uses the largest unit the penalty states (years, then months, days, hours),
    as the contract's `length_days` does.
    """
    if penalty.years is not None:
        return _add_fractional_months(start, penalty.years * 12)
    if penalty.months is not None:
        return _add_fractional_months(start, penalty.months)
    if penalty.days is not None:
        return start + dt.timedelta(days=math.ceil(penalty.days))
    if penalty.hours is not None:
        return start + dt.timedelta(days=math.ceil(penalty.hours / 24))
    return None


def _calendar_months(penalty: Penalty) -> float | None:
    if penalty.years is not None:
        return penalty.years * 12
    return penalty.months


def same_length(a: Penalty, b: Penalty) -> bool:
    """Whether two penalties state the same term (1 year = 12 months = 365 days)."""
    months_a, months_b = _calendar_months(a), _calendar_months(b)
    if months_a is not None and months_b is not None:
        return months_a == months_b
    return a.length_days() == b.length_days()
