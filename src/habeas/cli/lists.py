"""`habeas lists`: political-prisoner lists, their criteria and decisions per person.

    habeas lists create political-prisoners "Political prisoners" --template pace-1900 --public
    habeas lists decide political-prisoners 12 added --criteria a,e --why "jailed for reporting"
    habeas lists show political-prisoners

A person's standing is their latest decision (added, removed or released);
every decision is kept, with the criteria met, the reasoning and the date.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "lists",
        help="political-prisoner lists: create one, decide per person, show members",
        description="Named lists with criteria (PACE 1900 (2012) built in) and decisions.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="a new list")
    create.add_argument("slug", metavar="SLUG")
    create.add_argument("name", metavar="NAME")
    create.add_argument("--template", default="pace-1900", help="criteria template (pace-1900)")
    create.add_argument("--public", action="store_true", help="show it on the public site")
    create.set_defaults(func=run, action="create")
    decide = actions.add_parser("decide", help="add, remove or mark released a person")
    decide.add_argument("slug", metavar="SLUG")
    decide.add_argument("person_id", type=int, metavar="PERSON")
    decide.add_argument("kind", choices=("added", "removed", "released"))
    decide.add_argument("--criteria", default="", help="comma-separated keys of criteria met")
    decide.add_argument("--why", required=True, help="the reasoning (never public)")
    decide.add_argument("--on", type=dt.date.fromisoformat, help="the decision's date")
    decide.set_defaults(func=run, action="decide")
    show = actions.add_parser("show", help="members and the history of a list")
    show.add_argument("slug", metavar="SLUG")
    show.set_defaults(func=run, action="show")


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.errors import InputError
    from habeas.web.public import prisoner_lists as pl
    from habeas.web.store.models import Person, PrisonerList

    if args.action == "create":
        made = pl.create_list(args.slug, args.name, template=args.template, public=args.public)
        print(f"list {made.slug}: {len(made.criteria)} criteria")
        return 0
    plist = PrisonerList.objects.filter(slug=args.slug).first()
    if plist is None:
        raise InputError(f"there is no list {args.slug!r}")
    if args.action == "decide":
        person = Person.objects.filter(pk=args.person_id).first()
        if person is None:
            raise InputError(f"there is no person #{args.person_id}")
        met = [c.strip() for c in args.criteria.split(",") if c.strip()]
        pl.decide(
            plist, person, args.kind, criteria_met=met, reasoning=args.why, decided_on=args.on
        )
        print(f"{person.display_name}: {args.kind} on {plist.slug}")
        return 0
    current = pl.members(plist)
    print(f"{plist.name}: {len(current)} members")
    for d in plist.decisions.select_related("person").order_by("decided_on", "id"):
        keys = ",".join(d.criteria_met) or "-"
        who = f"#{d.person_id} {d.person.display_name}"
        print(f"{d.decided_on}\t{d.kind}\t{who}\t{keys}\t{d.reasoning}")
    return 0
