"""A person's custody status as the events tell it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from habeas.model import PartialDate, PenaltyKind
from habeas.timeline.episodes import History


class CustodyStatus(StrEnum):
    """Where a person is, as far as the reports say."""

    MISSING = "missing"  # taken and not seen since: whereabouts unknown
    DETAINED = "detained"  # held, whereabouts known
    RELEASED = "released"  # out of custody (possibly under house arrest)
    UNKNOWN = "unknown"  # the events say nothing about custody


@dataclass(frozen=True, slots=True)
class Status:
    """The status, the day it began (None when undated), and the day release is due."""

    status: CustodyStatus
    since: PartialDate | None
    expected_release: dt.date | None
    restriction: PenaltyKind | None = None


def status_of(history: History) -> Status:
    """The status after the last episode; UNKNOWN when no event concerns custody."""
    if not history.episodes:
        return Status(CustodyStatus.UNKNOWN, since=None, expected_release=None)
    last = history.episodes[-1]
    if not last.is_open:
        return Status(
            CustodyStatus.RELEASED,
            since=last.end,
            expected_release=None,
            restriction=last.restriction,
        )
    if last.missing:
        return Status(
            CustodyStatus.MISSING, since=last.missing_since, expected_release=last.expected_release
        )
    return Status(CustodyStatus.DETAINED, since=last.start, expected_release=last.expected_release)
