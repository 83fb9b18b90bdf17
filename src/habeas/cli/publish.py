"""`habeas publish`: turn the public site on or off, publish or withdraw a person.

    habeas publish person 12 --fields roles,country --country AZ --events --reports
    habeas publish person 12 --withdraw --why "the family asked"
    habeas publish site on

A person is published with the fields named (the name always), and with
--events every confirmed event of theirs, with --reports every report that is
evidence for one. Each change is kept with who (here: the command line) and when.
Check what is public first: docs/publishing.md.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "publish",
        help="publish or withdraw a person; turn the public site on or off",
        description="Decide what the public site, public exports and the public API show.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    person = actions.add_parser("person", help="publish (or --withdraw) one person")
    person.add_argument("person_id", type=int, metavar="ID")
    person.add_argument("--fields", default="", help="comma-separated: roles,affiliations,country")
    person.add_argument("--country", default=None, help="two-letter country code to set")
    person.add_argument("--events", action="store_true", help="also publish their confirmed events")
    person.add_argument("--reports", action="store_true", help="also publish their source reports")
    person.add_argument("--withdraw", action="store_true", help="unpublish the person")
    person.add_argument("--why", default="", help="why (kept in the history)")
    person.set_defaults(func=run, action="person")
    site = actions.add_parser("site", help="turn the public site on or off (a stored setting)")
    site.add_argument("state", choices=("on", "off"))
    site.set_defaults(func=run, action="site")


def run(args: argparse.Namespace) -> int:
    from habeas.web.bootstrap import setup

    setup()
    from habeas.web.public import publishing

    if args.action == "site":
        publishing.set_site(args.state == "on", user=None)
        print(f"public site {args.state}" + ("" if args.state == "off" else " (see /public/)"))
        return 0
    return _person(args)


def _person(args: argparse.Namespace) -> int:
    from habeas.errors import InputError
    from habeas.web.public import publishing
    from habeas.web.store.models import Person

    person = Person.objects.filter(pk=args.person_id, merged_into__isnull=True).first()
    if person is None:
        raise InputError(f"there is no person #{args.person_id} (or it was merged into another)")
    fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    public = not args.withdraw
    events, reports = publishing.publish_case_file(
        person,
        public,
        user=None,
        fields=fields,
        country=args.country,
        events=args.events,
        reports=args.reports,
        why=args.why,
    )
    verb = "published" if public else "withdrew"
    print(f"{verb} #{person.pk} {person.display_name}, {events} events, {reports} reports")
    return 0
