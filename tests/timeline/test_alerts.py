"""Each alert with its boundary days, for fictional people."""

import datetime as dt

from habeas.model import Event, PartialDate
from habeas.timeline.alerts import Alert, AlertKind
from habeas.timeline.assessment import assess

from .factory import (
    ADMIN,
    day,
    detained,
    disappeared,
    ill_treated,
    pretrial,
    released,
    sentenced,
)


def _kinds(events: list[Event], today: str) -> list[AlertKind]:
    return [a.kind for a in assess(events, today=day(today)).alerts]


def _alert(events: list[Event], today: str, kind: AlertKind) -> Alert:
    found = [a for a in assess(events, today=day(today)).alerts if a.kind is kind]
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------- release_overdue

TEN_DAYS = [detained("2025-03-10"), sentenced(ADMIN, "2025-03-11", days=10)]  # due 2025-03-20


def test_release_due_today_is_not_overdue() -> None:
    assert AlertKind.RELEASE_OVERDUE not in _kinds(TEN_DAYS, "2025-03-20")


def test_release_due_yesterday_is_overdue() -> None:
    alert = _alert(TEN_DAYS, "2025-03-21", AlertKind.RELEASE_OVERDUE)
    assert alert.date == PartialDate(2025, 3, 20)
    assert "2025-03-20" in alert.message and "1 day ago" in alert.message


def test_reported_release_silences_the_overdue_alert() -> None:
    assert _kinds([*TEN_DAYS, released("2025-03-20")], "2025-04-01") == []


def test_overdue_pretrial_term_without_extension_is_overdue() -> None:
    events = [detained("2025-01-10"), pretrial("2025-01-11", months=2)]
    assert AlertKind.RELEASE_OVERDUE in _kinds(events, "2025-03-11")


# ----------------------------------------------------------- pretrial_ending

PRETRIAL = [detained("2025-01-10"), pretrial("2025-01-11", months=2)]  # ends 2025-03-10


def test_pretrial_ending_in_exactly_14_days_alerts() -> None:
    alert = _alert(PRETRIAL, "2025-02-24", AlertKind.PRETRIAL_ENDING)
    assert alert.date == PartialDate(2025, 3, 10)
    assert "in 14 days" in alert.message


def test_pretrial_ending_in_15_days_does_not_alert_yet() -> None:
    assert _kinds(PRETRIAL, "2025-02-23") == []


def test_pretrial_ending_today_alerts_and_is_not_overdue() -> None:
    assert _kinds(PRETRIAL, "2025-03-10") == [AlertKind.PRETRIAL_ENDING]


def test_an_extension_moves_the_pretrial_warning() -> None:
    extended = [*PRETRIAL, pretrial("2025-03-05", months=3)]
    assert _kinds(extended, "2025-03-06") == []


def test_a_sentence_replaces_the_pretrial_term_and_its_warning() -> None:
    events = [*PRETRIAL, sentenced(ADMIN, "2025-03-01", days=30)]
    assert AlertKind.PRETRIAL_ENDING not in _kinds(events, "2025-03-02")


# ----------------------------------------------------------- missing


def test_missing_without_later_news() -> None:
    alert = _alert(
        [detained("2025-03-10"), disappeared("2025-03-10")], "2025-03-13", AlertKind.MISSING
    )
    assert alert.date == PartialDate(2025, 3, 10)
    assert "3 days" in alert.message


def test_a_later_detention_ends_missing() -> None:
    events = [disappeared("2025-03-10"), detained("2025-03-12")]
    assert AlertKind.MISSING not in _kinds(events, "2025-03-20")


def test_a_later_release_ends_missing() -> None:
    events = [disappeared("2025-03-10"), released("2025-03-12")]
    assert _kinds(events, "2025-03-20") == []


# ----------------------------------------------------------- incommunicado


def test_disappearance_exactly_24_hours_ago_is_not_yet_incommunicado() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10")]
    assert AlertKind.INCOMMUNICADO not in _kinds(events, "2025-03-11")


def test_disappearance_more_than_24_hours_ago_is_incommunicado() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10")]
    alert = _alert(events, "2025-03-12", AlertKind.INCOMMUNICADO)
    assert alert.date == PartialDate(2025, 3, 10)


def test_reported_duration_of_exactly_24_hours_is_not_more_than_24() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10", hours=24)]
    assert AlertKind.INCOMMUNICADO not in _kinds(events, "2025-03-10")


def test_reported_duration_over_24_hours_alerts_the_same_day() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10", hours=30)]
    assert AlertKind.INCOMMUNICADO in _kinds(events, "2025-03-10")


def test_lawyer_denied_for_more_than_a_day_is_incommunicado() -> None:
    events = [detained("2025-03-10"), ill_treated("denied access to a lawyer", "2025-03-10")]
    assert _kinds(events, "2025-03-11") == []
    assert _kinds(events, "2025-03-12") == [AlertKind.INCOMMUNICADO]


def test_undated_denial_counts_from_the_dated_event_before_it() -> None:
    events = [detained("2025-03-10"), ill_treated("his family was not allowed to see him")]
    alert = _alert(events, "2025-03-15", AlertKind.INCOMMUNICADO)
    assert alert.date is None
    assert "on or after 2025-03-10" in alert.message


def test_a_threat_to_the_family_is_not_a_denial_of_contact() -> None:
    events = [detained("2025-03-10"), ill_treated("threatened his family", "2025-03-10")]
    assert _kinds(events, "2025-03-20") == []


def test_a_court_hearing_after_the_denial_ends_incommunicado() -> None:
    events = [
        detained("2025-03-10"),
        ill_treated("no access to a lawyer", "2025-03-10"),
        sentenced(ADMIN, "2025-03-12", days=30),
    ]
    assert AlertKind.INCOMMUNICADO not in _kinds(events, "2025-03-14")


def test_no_alerts_about_contact_once_released() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10"), released("2025-03-15")]
    assert _kinds(events, "2025-03-20") == []


# ----------------------------------------------------------- medication_denied


def test_medication_denial_alerts_with_its_date() -> None:
    events = [detained("2025-03-10"), ill_treated("insulin was withheld", "2025-03-12")]
    alert = _alert(events, "2025-03-12", AlertKind.MEDICATION_DENIED)
    assert alert.date == PartialDate(2025, 3, 12)


def test_medication_denial_in_russian_and_azerbaijani() -> None:
    for detail in ("ему не передают лекарства", "ona dərman verilmir"):
        events = [detained("2025-03-10"), ill_treated(detail)]
        assert AlertKind.MEDICATION_DENIED in _kinds(events, "2025-03-11"), detail


def test_beating_alone_is_not_medication_denied() -> None:
    events = [detained("2025-03-10"), ill_treated("beaten with batons", "2025-03-10")]
    assert _kinds(events, "2025-03-11") == []


def test_alerts_are_pure_in_today() -> None:
    events = [detained("2025-03-10"), disappeared("2025-03-10")]
    first = assess(events, today=dt.date(2025, 3, 20))
    assert assess(events, today=dt.date(2025, 3, 20)) == first
