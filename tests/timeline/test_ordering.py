from habeas.model import Event, EventType, PartialDate
from habeas.timeline.ordering import latest_day, place_events

from .factory import ADMIN, day, detained, ill_treated, released, sentenced


def _types_and_indices(events: list[Event]) -> list[tuple[EventType, int]]:
    return [(p.event.type, p.index) for p in place_events(events)]


def test_dated_events_sort_by_date_whatever_the_input_order() -> None:
    order = _types_and_indices([released("2025-03-12"), detained("2025-03-02")])
    assert order == [(EventType.DETENTION, 1), (EventType.RELEASE, 0)]


def test_an_undated_event_stays_right_after_the_event_before_it_in_the_input() -> None:
    events = [
        released("2025-03-20"),
        detained("2025-03-02"),
        sentenced(ADMIN, days=10),  # undated: said right after the detention
    ]
    assert _types_and_indices(events) == [
        (EventType.DETENTION, 1),
        (EventType.SENTENCE, 2),
        (EventType.RELEASE, 0),
    ]


def test_undated_first_event_sorts_before_everything() -> None:
    placed = place_events([ill_treated("beaten"), detained("2025-03-02")])
    assert [p.index for p in placed] == [0, 1]


def test_month_only_date_keeps_input_place_when_its_month_allows_it() -> None:
    # "detained on 10 March … released in March": the release is after the 10th.
    placed = place_events([detained("2025-03-10"), released("2025-03")])
    assert [p.event.type for p in placed] == [EventType.DETENTION, EventType.RELEASE]
    assert placed[1].sort_day == day("2025-03-10")


def test_partial_date_outside_the_previous_day_sorts_by_its_own_range() -> None:
    placed = place_events([detained("2025-03-10"), released("2024")])
    assert [p.event.type for p in placed] == [EventType.RELEASE, EventType.DETENTION]


def test_events_after_the_until_day_are_left_out_with_input_indices_kept() -> None:
    placed = place_events(
        [detained("2025-03-10"), released("2025-04"), ill_treated("beaten")],
        until=day("2025-03-31"),
    )
    assert [p.index for p in placed] == [0, 2]


def test_latest_day_of_partial_dates() -> None:
    assert latest_day(PartialDate(2024, 2)) == day("2024-02-29")
    assert latest_day(PartialDate(2025)) == day("2025-12-31")
    assert latest_day(PartialDate(2025, 3, 8)) == day("2025-03-08")
