"""An event in words, as the review queue's cards and the person page's rows show it.

The templates put each event's fields into words through an include, a dozen
conditions and a filter per field; on a page of a hundred events that was
most of the page's CPU. The same words are made here once per event, by the
rules those templates had, and the templates only place them.
"""

from __future__ import annotations

from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.text import Truncator

from habeas.web.review.templatetags.casefile import charges, day, penalty, words


def made_by(event: Any, decided_by: str | None) -> str:
    """Who made the event and who decided it: "suggested by rules.v1, confirmed by bob",
    "entered by alice", "rejected by bob"; "" when nothing is known."""
    status = str(event.status)
    if event.made_by_engine:
        if status != "suggested" and decided_by:
            return f"suggested by {event.made_by_engine}, {status} by {decided_by}"
        return f"suggested by {event.made_by_engine}"
    # Read only here, as the template did: a suggestion's user is never loaded.
    if event.made_by_user:
        return f"entered by {event.made_by_user.get_username()}"
    return f"{status} by {decided_by}" if decided_by else ""


def facts(event: Any) -> list[tuple[str, str]]:
    """The event's fields as (label, words), the date always, the others when they are set."""
    shown = [("Date", day(event.date_text))]
    if event.place:
        shown.append(("Place", event.place))
    if event.authority:
        shown.append(("Authority", event.authority))
    if event.penalty:
        shown.append(("Penalty", penalty(event.penalty)))
    if event.charges:
        shown.append(("Charges", charges(event.charges)))
    if event.duration_hours:
        shown.append(("Duration", f"{floatformat(event.duration_hours, '-1')} h"))
    if event.outcome:
        shown.append(("Outcome", str(event.outcome)))
    if event.detail:
        shown.append(("Detail", event.detail))
    return shown


def quote(text: str, length: int) -> str:
    """A quote cut to `length` characters with an ellipsis, as `truncatechars` cuts it."""
    return str(Truncator(text).chars(length))


def type_words(event: Any) -> str:
    """The event's type in words ("ill_treatment" is "ill treatment")."""
    return words(event.type)


def timeline_words(event: Any) -> str:
    """What follows the type on the timeline: ": <penalty>" and ", <authority or place>"."""
    text = f": {penalty(event.penalty)}" if event.penalty else ""
    where = event.authority or event.place
    return f"{text}, {where}" if where else text
