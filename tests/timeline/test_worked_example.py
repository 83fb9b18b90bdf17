"""The worked example in docs/status.md, so the document cannot drift from the engine."""

from habeas.model import Event, PartialDate
from habeas.timeline.alerts import AlertKind
from habeas.timeline.assessment import assess
from habeas.timeline.status import CustodyStatus

from .factory import day, detained, ill_treated, pretrial, released

NADIA = [
    detained("2025-01-10"),
    ill_treated("her lawyer was not allowed to see her"),
    pretrial("2025-01-12", months=2),
    pretrial("2025-03-05", months=3),
]


def _kinds(events: list[Event], today: str) -> list[AlertKind]:
    return [a.kind for a in assess(events, today=day(today)).alerts]


def test_expected_release_adds_the_extension() -> None:
    status = assess(NADIA, today=day("2025-05-27")).status
    assert status.status is CustodyStatus.DETAINED
    assert status.since == PartialDate(2025, 1, 10)
    assert status.expected_release == day("2025-06-10")


def test_incommunicado_days() -> None:
    assert _kinds(NADIA, "2025-01-11") == []
    assert _kinds(NADIA, "2025-01-12") == []
    assert _kinds(NADIA[:2], "2025-01-12") == [AlertKind.INCOMMUNICADO]


def test_deadlines() -> None:
    assert _kinds(NADIA, "2025-05-27") == [AlertKind.PRETRIAL_ENDING]
    assert _kinds(NADIA, "2025-06-11") == [AlertKind.RELEASE_OVERDUE]
    after = assess([*NADIA, released("2025-06-10")], today=day("2025-06-11"))
    assert after.status.status is CustodyStatus.RELEASED and after.alerts == ()
