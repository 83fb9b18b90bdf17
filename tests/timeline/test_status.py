"""Status and expected release, one rule per test, for fictional people."""

import datetime as dt

from habeas.model import AppealOutcome, Event, EventType, PartialDate, Penalty, PenaltyKind
from habeas.timeline.assessment import assess
from habeas.timeline.status import CustodyStatus, Status

from .factory import (
    ADMIN,
    PRISON,
    appeal,
    day,
    detained,
    disappeared,
    ev,
    ill_treated,
    pretrial,
    released,
    sentenced,
)

TODAY = day("2025-06-01")


def _status(events: list[Event], today: dt.date = TODAY) -> Status:
    return assess(events, today=today).status


def test_no_custody_event_means_unknown() -> None:
    status = _status([ev(EventType.PROTEST, "2025-03-01")])
    assert status.status is CustodyStatus.UNKNOWN
    assert status.since is None and status.expected_release is None


def test_detained_since_the_first_detention_of_the_episode() -> None:
    status = _status([detained("2025-03-01"), ev(EventType.CHARGE, "2025-03-03")])
    assert status.status is CustodyStatus.DETAINED
    assert status.since == PartialDate(2025, 3, 1)


def test_released_since_the_release() -> None:
    status = _status([detained("2025-03-01"), released("2025-03-02")])
    assert status.status is CustodyStatus.RELEASED
    assert status.since == PartialDate(2025, 3, 2)


def test_a_second_detention_after_release_opens_a_new_episode() -> None:
    result = assess(
        [detained("2025-03-08"), released("2025-03-08"), detained("2025-03-10")], today=TODAY
    )
    assert len(result.episodes) == 2
    assert result.status.status is CustodyStatus.DETAINED
    assert result.status.since == PartialDate(2025, 3, 10)


def test_disappearance_without_later_news_is_missing() -> None:
    status = _status([detained("2025-03-10"), disappeared("2025-03-11")])
    assert status.status is CustodyStatus.MISSING
    assert status.since == PartialDate(2025, 3, 11)


def test_a_court_order_after_a_disappearance_shows_where_the_person_is() -> None:
    status = _status([disappeared("2025-03-10"), pretrial("2025-03-12", months=4)])
    assert status.status is CustodyStatus.DETAINED
    assert status.since == PartialDate(2025, 3, 10)


def test_administrative_detention_counts_from_the_detention_not_the_hearing() -> None:
    status = _status([detained("2025-03-10"), sentenced(ADMIN, "2025-03-11", days=30)])
    assert status.expected_release == day("2025-04-09")


def test_undated_sentence_counts_from_the_dated_detention() -> None:
    status = _status([detained("2025-03-10"), sentenced(ADMIN, days=15)])
    assert status.expected_release == day("2025-03-25")


def test_month_only_detention_counts_from_the_last_day_of_that_month() -> None:
    status = _status([detained("2025-03"), sentenced(ADMIN, days=10)])
    assert status.expected_release == day("2025-04-10")


def test_prison_term_credits_pretrial_time_from_the_first_detention() -> None:
    events = [
        detained("2024-01-15"),
        pretrial("2024-01-17", months=3),
        sentenced(PRISON, "2024-09-01", years=8.5),
    ]
    assert _status(events).expected_release == day("2032-07-15")


def test_pretrial_after_an_administrative_arrest_counts_from_its_own_order() -> None:
    events = [
        detained("2025-03-01"),
        sentenced(ADMIN, "2025-03-02", days=30),
        pretrial("2025-03-29", months=4),
    ]
    assert _status(events).expected_release == day("2025-07-29")


def test_extensions_add_to_the_pretrial_term() -> None:
    events = [
        detained("2025-01-10"),
        pretrial("2025-01-11", months=2),
        pretrial("2025-03-05", months=3),
    ]
    assert _status(events).expected_release == day("2025-06-10")


def test_the_same_pretrial_order_reported_twice_is_not_an_extension() -> None:
    events = [detained("2025-01-10"), pretrial("2025-01-11", months=2)]
    assert _status([*events, pretrial("2025-01-11", months=2)]).expected_release == day(
        "2025-03-10"
    )


def test_undated_extension_after_undated_order_adds_up() -> None:
    events = [detained("2025-01-10"), pretrial(months=2), pretrial(months=1)]
    assert _status(events).expected_release == day("2025-04-10")


def test_extension_without_a_length_leaves_release_unknown() -> None:
    events = [detained("2025-01-10"), pretrial("2025-01-11", months=2), pretrial("2025-03-01")]
    assert _status(events).expected_release is None


def test_reduced_appeal_followed_by_a_new_sentence_replaces_the_term() -> None:
    events = [
        detained("2024-02-01"),
        sentenced(PRISON, "2024-08-01", years=7),
        appeal(AppealOutcome.REDUCED, "2024-11-01"),
        sentenced(PRISON, "2024-11-01", years=5),
    ]
    result = assess(events, today=TODAY)
    assert result.status.expected_release == day("2029-02-01")
    assert result.conflicts == ()


def test_reduced_appeal_with_no_new_length_keeps_the_old_term_as_a_bound() -> None:
    events = [
        detained("2024-02-01"),
        sentenced(PRISON, "2024-08-01", years=7),
        appeal(AppealOutcome.REDUCED, "2024-11-01"),
    ]
    assert _status(events).expected_release == day("2031-02-01")


def test_upheld_appeal_changes_nothing() -> None:
    events = [detained("2025-03-01"), sentenced(PRISON, "2025-05-01", years=2)]
    upheld = [*events, appeal(AppealOutcome.UPHELD, "2025-05-20")]
    assert _status(upheld).expected_release == _status(events).expected_release


def test_overturned_appeal_means_release_is_expected_that_day() -> None:
    events = [
        detained("2025-01-01"),
        sentenced(PRISON, "2025-03-01", years=3),
        appeal(AppealOutcome.OVERTURNED, "2025-05-20"),
    ]
    status = _status(events)
    assert status.status is CustodyStatus.DETAINED
    assert status.expected_release == day("2025-05-20")


def test_non_custodial_sentences_end_custody_without_an_expected_release() -> None:
    for kind in (
        PenaltyKind.FINE,
        PenaltyKind.COMMUNITY_SERVICE,
        PenaltyKind.RESTRICTED_FREEDOM,
        PenaltyKind.SUSPENDED_SENTENCE,
    ):
        status = _status([detained("2025-03-01"), sentenced(kind, "2025-03-02", years=1)])
        assert status.status is CustodyStatus.RELEASED, kind
        assert status.since == PartialDate(2025, 3, 2)
        assert status.expected_release is None


def test_a_fine_without_any_detention_says_nothing_about_custody() -> None:
    event = ev(EventType.SENTENCE, "2025-03-02", penalty=Penalty(PenaltyKind.FINE, amount=500))
    assert _status([event]).status is CustodyStatus.UNKNOWN


def test_house_arrest_is_release_from_a_cell_with_a_restriction() -> None:
    house = ev(
        EventType.PRETRIAL_DETENTION,
        "2025-03-05",
        penalty=Penalty(PenaltyKind.HOUSE_ARREST, months=2),
    )
    status = _status([detained("2025-03-01"), house])
    assert status.status is CustodyStatus.RELEASED
    assert status.since == PartialDate(2025, 3, 5)
    assert status.restriction is PenaltyKind.HOUSE_ARREST
    assert status.expected_release is None


def test_release_from_house_arrest_lifts_the_restriction() -> None:
    house = sentenced(PenaltyKind.HOUSE_ARREST, "2025-03-05", months=2)
    status = _status([detained("2025-03-01"), house, released("2025-05-05")])
    assert status.restriction is None
    assert status.since == PartialDate(2025, 5, 5)


def test_events_after_today_have_not_happened_yet() -> None:
    events = [detained("2025-03-01"), released("2025-03-20")]
    assert _status(events, today=day("2025-03-19")).status is CustodyStatus.DETAINED
    assert _status(events, today=day("2025-03-20")).status is CustodyStatus.RELEASED


def test_undated_events_do_not_crash_and_follow_evidence_order() -> None:
    events = [detained(), ill_treated("beaten"), sentenced(ADMIN, days=10), released()]
    status = _status(events)
    assert status.status is CustodyStatus.RELEASED
    assert status.since is None
    assert _status(events[:3]).expected_release is None
