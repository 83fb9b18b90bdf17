"""Contradictions are reported with both events, not silently resolved."""

from habeas.model import AppealOutcome
from habeas.timeline.assessment import assess
from habeas.timeline.episodes import ConflictKind
from habeas.timeline.status import CustodyStatus

from .factory import ADMIN, PRISON, appeal, day, detained, released, sentenced

TODAY = day("2025-12-01")


def test_two_sentence_lengths_for_one_detention_are_a_conflict() -> None:
    events = [
        detained("2025-03-10", evidence=(0, 40)),
        sentenced(ADMIN, "2025-03-11", days=15),
        sentenced(ADMIN, "2025-03-11", days=30),
    ]
    result = assess(events, today=day("2025-03-12"))
    (conflict,) = result.conflicts
    assert conflict.kind is ConflictKind.SENTENCE_LENGTHS
    assert (conflict.first.index, conflict.second.index) == (1, 2)
    assert "15 days" in conflict.message and "30 days" in conflict.message
    # The longer term is kept so no overdue alarm fires before the latest possible day.
    assert result.status.expected_release == day("2025-04-09")


def test_conflict_carries_the_evidence_ranges() -> None:
    events = [
        detained("2025-01-10"),
        sentenced(PRISON, "2025-06-01", years=6, evidence=(120, 180)),
        sentenced(PRISON, "2025-06-01", years=4, evidence=(300, 350)),
    ]
    (conflict,) = assess(events, today=TODAY).conflicts
    assert conflict.first.evidence == (120, 180)
    assert conflict.second.evidence == (300, 350)
    assert assess(events, today=TODAY).status.expected_release == day("2031-01-10")


def test_the_same_sentence_reported_twice_is_no_conflict() -> None:
    events = [
        detained("2025-01-10"),
        sentenced(PRISON, "2025-06-01", years=1),
        sentenced(PRISON, "2025-06-01", months=12),
    ]
    assert assess(events, today=TODAY).conflicts == ()


def test_a_new_sentence_after_a_reduced_appeal_is_no_conflict() -> None:
    events = [
        detained("2025-01-10"),
        sentenced(PRISON, "2025-06-01", years=6),
        appeal(AppealOutcome.REDUCED, "2025-09-01"),
        sentenced(PRISON, "2025-09-01", years=4),
    ]
    assert assess(events, today=TODAY).conflicts == ()


def test_sentences_in_different_episodes_are_no_conflict() -> None:
    events = [
        detained("2025-03-01"),
        sentenced(ADMIN, "2025-03-01", days=10),
        released("2025-03-11"),
        detained("2025-04-01"),
        sentenced(ADMIN, "2025-04-01", days=30),
    ]
    assert assess(events, today=TODAY).conflicts == ()


def test_release_then_detention_on_the_same_day_is_a_conflict() -> None:
    events = [
        detained("2025-03-01"),
        released("2025-03-11", evidence=(10, 30)),
        detained("2025-03-11", evidence=(31, 60)),
    ]
    result = assess(events, today=TODAY)
    (conflict,) = result.conflicts
    assert conflict.kind is ConflictKind.SAME_DAY_RELEASE_DETENTION
    assert (conflict.first.index, conflict.second.index) == (1, 2)
    assert conflict.first.evidence == (10, 30) and conflict.second.evidence == (31, 60)
    # Reported, and the evidence order is still followed for the status.
    assert result.status.status is CustodyStatus.DETAINED


def test_detention_then_release_on_the_same_day_is_ordinary() -> None:
    events = [detained("2025-03-08"), released("2025-03-08")]
    assert assess(events, today=TODAY).conflicts == ()


def test_release_and_detention_in_the_same_month_only_is_no_conflict() -> None:
    events = [detained("2025-03-01"), released("2025-03"), detained("2025-03")]
    assert assess(events, today=TODAY).conflicts == ()
