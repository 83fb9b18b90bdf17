"""The plain-Python alert rules: refusals of support, stable keys."""

from __future__ import annotations

import datetime as dt

import pytest

from habeas.model import PartialDate
from habeas.timeline.alerts import Alert, AlertKind
from habeas.web.alerts.rules import (
    SupportItem,
    SupportKind,
    SupportStatus,
    check_status,
    from_support,
    from_timeline,
)

K, S = SupportKind, SupportStatus
DAY = dt.date(2025, 3, 11)


def test_refused_medication_and_lawyer_raise_alerts_refused_parcels_do_not() -> None:
    items = [
        SupportItem(1, K.MEDICATION, S.REFUSED, DAY, True),
        SupportItem(2, K.LAWYER, S.REFUSED, None, False),
        SupportItem(3, K.PARCEL, S.REFUSED, DAY, False),
    ]
    found = from_support(items)
    assert [(a.key, a.kind.value, a.confidential) for a in found] == [
        ("support:1", "medication_refused", True),
        ("support:2", "lawyer_refused", False),
    ]
    assert found[0].message == "Medication for the detained person was refused on 2025-03-11."
    assert found[1].date is None


def test_a_later_delivery_answers_a_refusal_an_earlier_one_does_not() -> None:
    before = SupportItem(1, K.MEDICATION, S.DELIVERED, DAY, True)
    refusal = SupportItem(2, K.MEDICATION, S.REFUSED, DAY, True)
    after = SupportItem(3, K.MEDICATION, S.DELIVERED, DAY, True)
    assert len(from_support([before, refusal])) == 1
    assert from_support([before, refusal, after]) == []


def test_timeline_alert_keys_are_stable_across_days() -> None:
    due = PartialDate.parse("2025-04-09")
    a = from_timeline([Alert(AlertKind.RELEASE_OVERDUE, due, "1 day ago")])
    b = from_timeline([Alert(AlertKind.RELEASE_OVERDUE, due, "5 days ago")])
    c = from_timeline([Alert(AlertKind.INCOMMUNICADO, None, "...")])
    assert a[0].key == b[0].key == "release_overdue:2025-04-09"
    assert c[0].key == "incommunicado:undated"


def test_statuses_must_fit_the_kind() -> None:
    check_status(K.HEARING, S.POSTPONED)
    with pytest.raises(ValueError, match="a hearing action can be scheduled, held, postponed"):
        check_status(K.HEARING, S.REFUSED)
