"""One person's events from many sentences, with what was said twice merged.

Reports repeat themselves ("was sentenced to 30 days" … "had been sentenced to
30 days by the Binagadi District Court"); a fact told twice is one event that
keeps the fuller fields and the first evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from habeas.model import Charge, Event, EventType, Penalty

_PENALISED = (EventType.SENTENCE, EventType.PRETRIAL_DETENTION)


def _compatible_dates(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date == b.date


def _compatible_penalties(a: Penalty | None, b: Penalty | None) -> bool:
    if a is None or b is None or a == b:
        return True
    # "remanded in custody" (a kind without a term) and "arrested for 3 months"
    # can be one decision told twice
    return a.kind == b.kind and (_bare(a) or _bare(b))


def _bare(p: Penalty) -> bool:
    return p == Penalty(kind=p.kind)


def _prefix_dates(a: Event, b: Event) -> bool:
    """ "2022-11" and "2022-11-11" agree: one is the other told less exactly."""
    x, y = str(a.date), str(b.date)
    return _compatible_dates(a, b) or x.startswith(y) or y.startswith(x)


def _same(a: Event, b: Event, *, one_ill_treatment: bool = False) -> bool:
    if one_ill_treatment and a.type is b.type is EventType.ILL_TREATMENT:
        # Ill-treatment in one spell of custody is one event however many forms it
        # took ("döyülüb", "no call allowed"), where the gold counts it so.
        return _prefix_dates(a, b)
    if a.type is not b.type or not _compatible_dates(a, b):
        return False
    if a.type is EventType.ILL_TREATMENT:
        return a.detail == b.detail
    if a.type in (EventType.SENTENCE, EventType.PRETRIAL_DETENTION):
        if not _compatible_penalties(a.penalty, b.penalty):
            return False
        # Two undated decisions with different courts are two decisions.
        return a.authority is None or b.authority is None or a.authority == b.authority
    if a.type is EventType.APPEAL:
        return a.outcome is None or b.outcome is None or a.outcome == b.outcome
    if a.type is EventType.CHARGE and a.charges and b.charges:
        # "charged with A" … "also charged with B": two chargings, not one told twice
        return any(_agree(x, y) for x in a.charges for y in b.charges)
    return True


_WORD = re.compile(r"\w{4,}")


def _stems(label: str | None) -> set[str]:
    """A label's longer words cut to five letters, so that "disobeying" and
    "disobey", «хулиганство» and «хулиганства» agree."""
    return {w[:5] for w in _WORD.findall((label or "").casefold())}


def _agree(x: Charge, y: Charge) -> bool:
    """Whether two charges can be one offence told twice."""
    if x.article and y.article:
        return x.article == y.article
    sx, sy = _stems(x.label), _stems(y.label)
    # an article told without its offence's name may be any offence
    return not sx or not sy or bool(sx & sy)


def _covered(c: Charge, by: Charge) -> bool:
    """A bare label that an article's label already says ("disobeying the police"
    beside "Article 535 (disobeying the lawful demands of the police)")."""
    if c.article or not by.article:
        return False
    words = _stems(c.label)
    return bool(words) and words <= _stems(by.label)


def _combine(a: Event, b: Event) -> Event:
    charges = list(a.charges)
    for c in b.charges:
        if not any(
            (c.article and c.article == x.article)
            or (not c.article and c.label == x.label)
            or _covered(c, x)
            for x in charges
        ):
            charges = [x for x in charges if not _covered(x, c)]
            charges.append(c)
    return replace(
        a,
        date=a.date or b.date,
        place=a.place or b.place,
        authority=a.authority or b.authority,
        duration_hours=a.duration_hours if a.duration_hours is not None else b.duration_hours,
        penalty=b.penalty if a.penalty is None or (b.penalty and _bare(a.penalty)) else a.penalty,
        charges=tuple(charges),
        outcome=a.outcome or b.outcome,
        detail=a.detail or b.detail,
        evidence=a.evidence or b.evidence,
    )


def merge_events(
    events: list[Event],
    *,
    soft: list[bool] | None = None,
    one_ill_treatment: bool = False,
    new_terms: list[bool] | None = None,
    again: list[bool] | None = None,
) -> list[Event]:
    """Events in first-told order, with repeated tellings of one fact merged.

    A `soft` date (one taken from the scene around the event, not told with it)
    does not keep two tellings apart, and gives way to a date told with the event.
    With `one_ill_treatment` (a lexicon's choice), a person's ill-treatments of
    agreeing dates are one event, with the most exact of their dates.
    A `new_terms` event (the term an appeal reduced a sentence to) is one with
    another only when both tell the same term: a sentence told without its term
    after the reduction ("jailed in February") is the first verdict, not the new one.
    An `again` event ("detained again") is another episode: one with an event told
    before only when both tell the same day.
    """
    flags = soft or [False] * len(events)
    reduced = new_terms or [False] * len(events)
    repeats = again or [False] * len(events)
    merged: list[Event] = []
    merged_soft: list[bool] = []
    merged_new: list[bool] = []
    for event, is_soft, is_new, is_again in zip(events, flags, reduced, repeats, strict=True):
        probe = replace(event, date=None) if is_soft else event
        order = list(enumerate(merged))
        if event.penalty is None and event.type in _PENALISED:
            # A decision told again without its term ("convicted him on charges of
            # X" after two terms were told) is the one told last.
            order.reverse()
        for i, kept in order:
            if kept.type is not event.type:
                continue  # never the same (see _same), and a probe is a costly copy
            if (merged_new[i] or is_new) and (kept.penalty is None or event.penalty is None):
                continue
            if is_again and (is_soft or merged_soft[i] or event.date is None or kept.date is None):
                continue
            kept_probe = replace(kept, date=None) if merged_soft[i] else kept
            if _same(kept_probe, probe, one_ill_treatment=one_ill_treatment):
                if (
                    one_ill_treatment
                    and event.date is not None
                    and (kept.date is None or len(str(event.date)) > len(str(kept.date)))
                ):
                    kept = replace(kept, date=event.date)  # the most exact date
                if merged_soft[i] and not is_soft:
                    merged[i] = _combine(replace(kept, date=event.date), event)
                    merged_soft[i] = False
                else:
                    merged[i] = _combine(kept, event)
                merged_new[i] = merged_new[i] and is_new
                break
        else:
            merged.append(event)
            merged_soft.append(is_soft)
            merged_new.append(is_new)
    return merged
