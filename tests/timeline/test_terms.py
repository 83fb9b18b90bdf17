from habeas.model import Penalty, PenaltyKind
from habeas.timeline.terms import add_months, same_length, term_end

from .factory import day

PRISON = PenaltyKind.PRISON


def test_months_clamp_to_the_end_of_a_shorter_month() -> None:
    assert add_months(day("2025-01-31"), 1) == day("2025-02-28")
    assert add_months(day("2024-11-30"), 3) == day("2025-02-28")


def test_fractional_years_go_on_the_calendar_as_months() -> None:
    assert term_end(day("2025-03-10"), Penalty(PRISON, years=8.5)) == day("2033-09-10")
    assert term_end(day("2025-03-10"), Penalty(PRISON, years=2)) == day("2027-03-10")


def test_fractional_months_add_the_rest_as_days() -> None:
    start = day("2025-03-10")
    assert term_end(start, Penalty(PenaltyKind.PRETRIAL_DETENTION, months=1.5)) == day("2025-04-25")


def test_hours_round_up_to_the_latest_day_they_can_end() -> None:
    start = day("2025-03-10")
    admin = PenaltyKind.ADMINISTRATIVE_DETENTION
    assert term_end(start, Penalty(admin, hours=48)) == day("2025-03-12")
    assert term_end(start, Penalty(admin, hours=3)) == day("2025-03-11")


def test_days_and_no_length() -> None:
    admin = PenaltyKind.ADMINISTRATIVE_DETENTION
    assert term_end(day("2025-03-10"), Penalty(admin, days=30)) == day("2025-04-09")
    assert term_end(day("2025-03-10"), Penalty(admin)) is None


def test_same_length_compares_across_units() -> None:
    assert same_length(Penalty(PRISON, years=1), Penalty(PRISON, days=365))
    assert not same_length(Penalty(PRISON, years=8), Penalty(PRISON, years=8.5))
