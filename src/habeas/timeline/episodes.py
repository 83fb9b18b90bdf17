"""Detention episodes: from a first detention to a release, with the term that holds the person.

An episode opens with the first event that puts a person in custody (a
detention, a disappearance, a pretrial order or a custodial sentence) and
closes with a release, a non-custodial sentence or a move to house arrest.
Within it the "basis" is what currently holds the person (administrative
detention, pretrial detention, a prison term, or an overturned conviction
awaiting release) and when it ends.

Counting rules (docs/status.md explains them for readers):
- administrative detention counts from the first detention of the episode;
- pretrial detention and prison count from the first detention too, unless an
  administrative term held the person first, in which case they count from
  the first criminal order (time under an administrative arrest is a separate
  case and is not credited);
- an extension of pretrial detention adds its length to the current end;
- a sentence after an appeal with outcome `reduced` replaces the term; two
  sentences of the same kind with different lengths and no appeal between
  them are a conflict, and the longer term is kept so that no
  "release overdue" alarm fires before the latest possible day;
- an `overturned` appeal means release is expected on the day of the ruling.
Day counts use the last day a partial date can mean, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from habeas.model import AppealOutcome, Event, EventType, PartialDate, Penalty, PenaltyKind
from habeas.timeline.ordering import PlacedEvent, latest_day, place_events
from habeas.timeline.terms import (
    CUSTODIAL_KINDS,
    NON_CUSTODIAL_KINDS,
    has_length,
    same_length,
    term_end,
)


class EndReason(StrEnum):
    """Why a person stopped being held in custody."""

    RELEASED = "released"
    NON_CUSTODIAL_SENTENCE = "non_custodial_sentence"
    HOUSE_ARREST = "house_arrest"


class BasisKind(StrEnum):
    """What legally holds a person at a given point of an episode."""

    ADMINISTRATIVE_DETENTION = "administrative_detention"
    PRETRIAL_DETENTION = "pretrial_detention"
    PRISON = "prison"
    OVERTURNED = "overturned"


class ConflictKind(StrEnum):
    SENTENCE_LENGTHS = "sentence_lengths"
    SAME_DAY_RELEASE_DETENTION = "same_day_release_detention"


@dataclass(frozen=True, slots=True)
class CustodyBasis:
    """The order or ruling that holds the person, the day its term counts from and ends."""

    kind: BasisKind
    event_index: int
    counts_from: dt.date | None
    ends: dt.date | None


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event by its position in the input, with its evidence range when it has one."""

    index: int
    evidence: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two events that cannot both be right as reported; left for a person to resolve."""

    kind: ConflictKind
    first: EventRef
    second: EventRef
    message: str


@dataclass(frozen=True, slots=True)
class Episode:
    """One stretch of custody. `end_reason` is None while the person is still held."""

    start: PartialDate | None
    end: PartialDate | None
    end_reason: EndReason | None
    basis: CustodyBasis | None
    missing_since: PartialDate | None
    missing: bool
    restriction: PenaltyKind | None
    events: tuple[int, ...]

    @property
    def is_open(self) -> bool:
        return self.end_reason is None

    @property
    def expected_release(self) -> dt.date | None:
        return self.basis.ends if self.basis is not None else None


@dataclass(frozen=True, slots=True)
class History:
    """A person's events in order, cut into episodes, with the conflicts found on the way."""

    events: tuple[PlacedEvent, ...]
    episodes: tuple[Episode, ...]
    conflicts: tuple[Conflict, ...]


@dataclass(slots=True)
class _Draft:
    start: PartialDate | None
    count_start: dt.date | None = None
    criminal_start: dt.date | None = None
    had_administrative: bool = False
    basis: CustodyBasis | None = None
    last_sentence: PlacedEvent | None = None
    reduced_pending: bool = False
    pretrial_orders: list[PlacedEvent] = field(default_factory=list)
    missing: bool = False
    missing_since: PartialDate | None = None
    end: PartialDate | None = None
    end_event: PlacedEvent | None = None
    end_reason: EndReason | None = None
    restriction: PenaltyKind | None = None
    events: list[int] = field(default_factory=list)

    def freeze(self) -> Episode:
        return Episode(
            start=self.start,
            end=self.end,
            end_reason=self.end_reason,
            basis=self.basis,
            missing_since=self.missing_since if self.missing else None,
            missing=self.missing,
            restriction=self.restriction,
            events=tuple(self.events),
        )


def _ref(placed: PlacedEvent) -> EventRef:
    return EventRef(index=placed.index, evidence=placed.event.evidence)


def _day(placed: PlacedEvent) -> dt.date | None:
    return latest_day(placed.event.date) if placed.event.date is not None else None


def _describe(penalty: Penalty) -> str:
    for unit in ("years", "months", "days", "hours"):
        value = getattr(penalty, unit)
        if value is not None:
            unit = unit[:-1] if value == 1 else unit
            return f"{value:g} {unit} of {penalty.kind.value.replace('_', ' ')}"
    return penalty.kind.value.replace("_", " ")


class _Builder:
    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.conflicts: list[Conflict] = []

    @property
    def current(self) -> _Draft | None:
        if self.drafts and self.drafts[-1].end_reason is None:
            return self.drafts[-1]
        return None

    def add(self, placed: PlacedEvent) -> None:
        handlers = {
            EventType.DETENTION: self._detention,
            EventType.RELEASE: self._release,
            EventType.DISAPPEARANCE: self._disappearance,
            EventType.PRETRIAL_DETENTION: self._pretrial,
            EventType.SENTENCE: self._sentence,
            EventType.APPEAL: self._appeal,
        }
        handlers.get(placed.event.type, self._attach)(placed)

    # ---------------------------------------------------------- helpers

    def _attach(self, placed: PlacedEvent) -> None:
        draft = self.current
        if draft is not None:
            draft.events.append(placed.index)

    def _in_custody(self, placed: PlacedEvent) -> _Draft:
        """The open episode (opened by this event if there is none), with the event recorded."""
        draft = self.current
        if draft is None:
            draft = _Draft(start=placed.event.date)
            self.drafts.append(draft)
        draft.events.append(placed.index)
        if draft.count_start is None:
            draft.count_start = _day(placed)
        return draft

    def _close(self, draft: _Draft, placed: PlacedEvent, reason: EndReason) -> None:
        draft.end = placed.event.date
        draft.end_event = placed
        draft.end_reason = reason
        draft.missing = False
        draft.restriction = PenaltyKind.HOUSE_ARREST if reason is EndReason.HOUSE_ARREST else None

    # ---------------------------------------------------------- event types

    def _detention(self, placed: PlacedEvent) -> None:
        if self.current is None and self.drafts:
            self._check_same_day(self.drafts[-1], placed)
        self._in_custody(placed).missing = False

    def _check_same_day(self, previous: _Draft, detention: PlacedEvent) -> None:
        release = previous.end_event
        if (
            previous.end_reason is EndReason.RELEASED
            and release is not None
            and release.event.date is not None
            and release.event.date.as_date() is not None
            and release.event.date == detention.event.date
        ):
            self.conflicts.append(
                Conflict(
                    kind=ConflictKind.SAME_DAY_RELEASE_DETENTION,
                    first=_ref(release),
                    second=_ref(detention),
                    message=(
                        f"A release and a detention are both reported on {release.event.date} "
                        "and only the order of the reports says which came first."
                    ),
                )
            )

    def _release(self, placed: PlacedEvent) -> None:
        draft = self.current
        if draft is not None:
            draft.events.append(placed.index)
            self._close(draft, placed, EndReason.RELEASED)
            return
        last = self.drafts[-1] if self.drafts else None
        if last is not None and last.end_reason is EndReason.RELEASED:
            last.events.append(placed.index)  # the same release reported again
        elif last is not None:
            # Freed from house arrest, or released in court after a non-custodial sentence.
            last.events.append(placed.index)
            self._close(last, placed, EndReason.RELEASED)
        else:
            # A release whose detention was not reported still ends an episode.
            draft = _Draft(start=None, events=[placed.index])
            self.drafts.append(draft)
            self._close(draft, placed, EndReason.RELEASED)

    def _disappearance(self, placed: PlacedEvent) -> None:
        draft = self._in_custody(placed)
        if not draft.missing:
            draft.missing = True
            draft.missing_since = placed.event.date

    def _house_arrest(self, placed: PlacedEvent) -> None:
        draft = self._in_custody(placed)
        self._close(draft, placed, EndReason.HOUSE_ARREST)

    def _pretrial(self, placed: PlacedEvent) -> None:
        penalty = placed.event.penalty
        if penalty is not None and penalty.kind is PenaltyKind.HOUSE_ARREST:
            self._house_arrest(placed)
            return
        draft = self._in_custody(placed)
        draft.missing = False
        if any(_same_order(placed, earlier) for earlier in draft.pretrial_orders):
            return
        draft.pretrial_orders.append(placed)
        basis = draft.basis
        if basis is not None and basis.kind is BasisKind.PRETRIAL_DETENTION:
            ends = None
            if basis.ends is not None and penalty is not None and has_length(penalty):
                ends = term_end(basis.ends, penalty)
            draft.basis = CustodyBasis(
                BasisKind.PRETRIAL_DETENTION, placed.index, basis.counts_from, ends
            )
            return
        counts_from = _day(placed) if draft.had_administrative else draft.count_start
        draft.criminal_start = counts_from
        ends = term_end(counts_from, penalty) if counts_from and penalty else None
        draft.basis = CustodyBasis(BasisKind.PRETRIAL_DETENTION, placed.index, counts_from, ends)

    def _sentence(self, placed: PlacedEvent) -> None:
        penalty = placed.event.penalty
        if penalty is None:
            self._attach(placed)
        elif penalty.kind in NON_CUSTODIAL_KINDS:
            draft = self.current
            if draft is not None:
                draft.events.append(placed.index)
                self._close(draft, placed, EndReason.NON_CUSTODIAL_SENTENCE)
        elif penalty.kind is PenaltyKind.HOUSE_ARREST:
            self._house_arrest(placed)
        elif penalty.kind is PenaltyKind.PRETRIAL_DETENTION:
            self._pretrial(placed)
        else:
            self._custodial_sentence(placed, penalty)

    def _custodial_sentence(self, placed: PlacedEvent, penalty: Penalty) -> None:
        draft = self._in_custody(placed)
        draft.missing = False
        previous = draft.last_sentence
        if previous is not None and not draft.reduced_pending:
            earlier = previous.event.penalty
            assert earlier is not None
            if earlier.kind is penalty.kind:
                if same_length(earlier, penalty) or not has_length(penalty):
                    return
                self.conflicts.append(
                    Conflict(
                        kind=ConflictKind.SENTENCE_LENGTHS,
                        first=_ref(previous),
                        second=_ref(placed),
                        message=(
                            f"Two sentences are reported for the same detention: "
                            f"{_describe(earlier)} and {_describe(penalty)}."
                        ),
                    )
                )
                if (penalty.length_days() or 0) <= (earlier.length_days() or 0):
                    return
        draft.reduced_pending = False
        draft.last_sentence = placed
        self._set_term(draft, placed, penalty)

    def _set_term(self, draft: _Draft, placed: PlacedEvent, penalty: Penalty) -> None:
        if penalty.kind is PenaltyKind.ADMINISTRATIVE_DETENTION:
            kind = BasisKind.ADMINISTRATIVE_DETENTION
            counts_from = draft.count_start
            draft.had_administrative = True
        else:
            kind = BasisKind.PRISON
            if draft.criminal_start is None and draft.had_administrative:
                draft.criminal_start = _day(placed)
            elif draft.criminal_start is None:
                draft.criminal_start = draft.count_start
            counts_from = draft.criminal_start
        ends = term_end(counts_from, penalty) if counts_from is not None else None
        draft.basis = CustodyBasis(kind, placed.index, counts_from, ends)

    def _appeal(self, placed: PlacedEvent) -> None:
        draft = self.current
        if draft is None:
            return
        draft.events.append(placed.index)
        outcome = placed.event.outcome
        if outcome is AppealOutcome.OVERTURNED:
            draft.basis = CustodyBasis(BasisKind.OVERTURNED, placed.index, None, _day(placed))
            draft.last_sentence = None
            draft.reduced_pending = False
        elif outcome is AppealOutcome.REDUCED:
            draft.reduced_pending = True
            penalty = placed.event.penalty
            # Off-contract but seen in practice: the new term stated on the appeal itself.
            if penalty is not None and penalty.kind in CUSTODIAL_KINDS and has_length(penalty):
                draft.events.pop()
                self._sentence(placed)

    def finish(self, events: tuple[PlacedEvent, ...]) -> History:
        return History(
            events=events,
            episodes=tuple(d.freeze() for d in self.drafts),
            conflicts=tuple(self.conflicts),
        )


def _same_order(a: PlacedEvent, b: PlacedEvent) -> bool:
    """Whether two pretrial orders are one order reported twice (same date, same term).

    Undated orders are never taken as repeats: an undated "extended by two
    months" after an undated "two months" is the usual way reports put it.
    """
    return (
        a.event.date is not None
        and a.event.date == b.event.date
        and a.event.penalty == b.event.penalty
    )


def build_history(events: Sequence[Event], *, until: dt.date | None = None) -> History:
    """Cut a person's events into detention episodes, in the order they happened.

    Never fails on well-formed events: undated and partially dated events are
    placed by `place_events`, events that do not fit (an appeal with nothing to
    appeal) are kept in the ordered list but change nothing. With `until`,
    events dated entirely after that day are left out. Event indices are
    positions in `events`.
    """
    placed = place_events(events, until=until)
    builder = _Builder()
    for item in placed:
        builder.add(item)
    return builder.finish(placed)
