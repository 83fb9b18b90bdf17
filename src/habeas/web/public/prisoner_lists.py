"""Political-prisoner lists: named lists, their criteria, a decision per person, the history.

Each decision (added, removed, released) is a new row with the criteria met,
the reasoning, who and when; a person's standing on a list is their latest
decision. The public sees a list only when it is marked public, and on it only
persons the public view shows, with the criteria met and the date: never the
reasoning or who decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from habeas.errors import InputError
from habeas.web.store.models import ListDecision, ListDecisionKind, PrisonerList

# PACE Resolution 1900 (2012), paragraph 3, paraphrased: a person deprived of liberty is
# a political prisoner if any of these holds.
PACE_1900 = (
    {
        "key": "a",
        "text": "the detention violates a fundamental guarantee of the ECHR: freedom of "
        "thought, conscience and religion, of expression and information, or of assembly "
        "and association",
    },
    {
        "key": "b",
        "text": "the detention is imposed for purely political reasons, unconnected to any offence",
    },
    {
        "key": "c",
        "text": "for political motives, the length or conditions of detention are clearly out "
        "of proportion to the offence found or suspected",
    },
    {
        "key": "d",
        "text": "for political motives, the person is detained in a discriminatory manner "
        "compared with other persons",
    },
    {
        "key": "e",
        "text": "the detention results from clearly unfair proceedings, and this appears "
        "connected with political motives of the authorities",
    },
)
TEMPLATES = {"pace-1900": PACE_1900}


def create_list(
    slug: str,
    name: str,
    *,
    template: str | None = None,
    criteria: Sequence[dict[str, str]] = (),
    description: str = "",
    public: bool = False,
) -> Any:
    if template is not None and template not in TEMPLATES:
        raise InputError(f"no criteria template {template!r}; templates: {', '.join(TEMPLATES)}")
    chosen = list(TEMPLATES[template]) if template else list(criteria)
    if not chosen:
        raise InputError("a list needs criteria (or a template such as pace-1900)")
    if PrisonerList.objects.filter(slug=slug).exists():
        raise InputError(f"there is already a list {slug!r}")
    if template == "pace-1900" and not description:
        description = (
            "Criteria of PACE Resolution 1900 (2012) on the definition of political prisoner."
        )
    return PrisonerList.objects.create(
        slug=slug, name=name, criteria=chosen, description=description, public=public
    )


def decide(
    plist: Any,
    person: Any,
    kind: ListDecisionKind | str,
    *,
    criteria_met: Sequence[str] = (),
    reasoning: str,
    user: Any = None,
    decided_on: dt.date | None = None,
) -> Any:
    """Record a decision; InputError when it is incomplete (adding needs a criterion met)."""
    try:
        kind = ListDecisionKind(kind)
    except ValueError:
        raise InputError(f"{kind!r} is not one of: added, removed, released") from None
    keys = {c["key"] for c in plist.criteria}
    unknown = sorted(set(criteria_met) - keys)
    if unknown:
        raise InputError(f"the list {plist.slug!r} has no criteria {', '.join(unknown)}")
    if kind is ListDecisionKind.ADDED and not criteria_met:
        raise InputError("adding a person needs at least one criterion met")
    if not reasoning.strip():
        raise InputError("a decision needs its reasoning")
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    with transaction.atomic():
        decision = ListDecision.objects.create(
            prisoner_list=plist,
            person=person,
            kind=kind,
            criteria_met=sorted(set(criteria_met)),
            reasoning=reasoning.strip(),
            user=user,
            decided_on=decided_on or dt.date.today(),
        )
        audit(user, AuditAction.EDIT, decision, {"list": plist.slug, "kind": kind.value})
    return decision


def members(plist: Any, *, on: dt.date | None = None) -> dict[int, Any]:
    """{person id: their latest decision} for persons whose latest decision (by `on`) is added."""
    rows = plist.decisions.order_by("decided_on", "id")
    if on is not None:
        rows = rows.filter(decided_on__lte=on)
    latest: dict[int, Any] = {}
    for d in rows:
        latest[d.person_id] = d
    return {pid: d for pid, d in latest.items() if d.kind == ListDecisionKind.ADDED}


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str
    members: int


def counts_over_time(
    plist: Any, *, today: dt.date | None = None, public_ids: Any = None
) -> list[MonthCount]:
    """Members at the end of each month from the first decision to this month."""
    today = today or dt.date.today()
    first = plist.decisions.order_by("decided_on").first()
    if first is None:
        return []
    out = []
    year, month = first.decided_on.year, first.decided_on.month
    while (year, month) <= (today.year, today.month):
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        ids = set(members(plist, on=nxt - dt.timedelta(days=1)))
        if public_ids is not None:
            ids &= public_ids
        out.append(MonthCount(f"{year:04d}-{month:02d}", len(ids)))
        year, month = nxt.year, nxt.month
    return out
