"""A synthetic case store of invented people, and synthetic report texts, for scale benchmarks.

Every name is an invented combination (bench/synthetic_people.py); every
history is drawn at random from the shapes real files take: a detention,
charges, pretrial detention with extensions, a sentence (administrative or
prison), sometimes a release or a disappearance. Most events are confirmed,
some are left as suggestions for the review queue. Rows are written with
bulk inserts, then every status is computed as the app would
(habeas.web.store.status.check_due).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import synthetic_names

PLACES = ("Baku", "Ganja", "Sumqayit", "Lankaran", "Shaki", "Quba", "Mingachevir")
COURTS = ("Sabail District Court", "Nasimi District Court", "Khatai District Court")
CHARGES = ("hooliganism", "disobeying the police", "smuggling", "illegal entrepreneurship")
START = dt.date(2019, 1, 1)


def _history(rng: random.Random, events: int) -> list[dict[str, object]]:
    day = START + dt.timedelta(days=rng.randrange(0, 2500))
    out: list[dict[str, object]] = []

    def add(kind: str, when: dt.date, **extra: object) -> None:
        out.append({"type": kind, "date": when.isoformat(), **extra})

    if rng.random() < 0.05:
        add("disappearance", day, place=rng.choice(PLACES))
    add("detention", day, place=rng.choice(PLACES))
    add("charge", day + dt.timedelta(days=1), charges=[{"label": rng.choice(CHARGES)}])
    if rng.random() < 0.4:
        add(
            "sentence",
            day + dt.timedelta(days=2),
            authority=rng.choice(COURTS),
            penalty={"kind": "administrative_detention", "days": rng.choice((10, 15, 30))},
        )
    else:
        when = day + dt.timedelta(days=2)
        for _ in range(max(1, events - 5)):
            add(
                "pretrial_detention",
                when,
                authority=rng.choice(COURTS),
                penalty={"kind": "pretrial_detention", "months": rng.choice((1, 2, 3))},
            )
            when += dt.timedelta(days=rng.randrange(20, 90))
        add(
            "sentence",
            when,
            authority=rng.choice(COURTS),
            penalty={"kind": "prison", "years": rng.choice((1, 3, 5, 8))},
        )
    if rng.random() < 0.3:
        last = dt.date.fromisoformat(str(out[-1]["date"]))
        add("release", last + dt.timedelta(days=rng.randrange(10, 400)))
    return out


def report_text(name: str, rng: random.Random) -> str:
    """A short English report about an invented person, in the shape the rule engine reads."""
    day = START + dt.timedelta(days=rng.randrange(0, 2500))
    place, court = rng.choice(PLACES), rng.choice(COURTS)
    days = rng.choice((10, 15, 30))
    return (
        f"Police detained activist {name} in {place} on {day:%d %B %Y}. "
        f"The next day the {court} sentenced {name} to {days} days of administrative "
        f"detention for {rng.choice(CHARGES)}. Reference {rng.randrange(10**9)}.\n"
    )


def build(*, persons: int, events_per_person: int = 10, seed: int = 11) -> dict[str, int]:
    """Fill the (empty, migrated) store; how many rows of each kind were written."""
    from django.db import transaction
    from django.utils import timezone

    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import (
        BlockingKey,
        Event,
        NameForm,
        Person,
        PersonStatus,
        Report,
    )
    from habeas.web.store.services import script_of

    rng = random.Random(seed)
    names = synthetic_names(persons, seed=seed)
    written = {"persons": 0, "events": 0, "reports": 0}
    batch = 2000
    for start in range(0, persons, batch):
        chunk = names[start : start + batch]
        with transaction.atomic():
            rows = Person.objects.bulk_create(
                [Person(display_name=n, roles=["activist"]) for n in chunk]
            )
            reports = Report.objects.bulk_create(
                [
                    Report(
                        text=report_text(n, rng),
                        text_sha256=f"{start + i:064x}",
                        title=f"Report {start + i}",
                        lang="en",
                    )
                    for i, n in enumerate(chunk)
                ]
            )
            NameForm.objects.bulk_create(
                [
                    NameForm(
                        person=p, name=p.display_name, script=script_of(p.display_name), report=r
                    )
                    for p, r in zip(rows, reports, strict=True)
                ]
            )
            BlockingKey.objects.bulk_create(
                [BlockingKey(person=p, key=k) for p in rows for k in stored_keys(p.display_name)],
                ignore_conflicts=True,
            )
            events = []
            for p in rows:
                for e in _history(rng, events_per_person):
                    events.append(
                        Event(
                            person=p,
                            type=e["type"],
                            date_text=e["date"],
                            date_precision="day",
                            place=e.get("place", ""),
                            authority=e.get("authority", ""),
                            penalty=e.get("penalty"),
                            charges=e.get("charges", []),
                            status="confirmed" if rng.random() < 0.9 else "suggested",
                            made_by_engine="bench.synthetic",
                        )
                    )
            Event.objects.bulk_create(events, batch_size=2000)
            PersonStatus.objects.bulk_create([PersonStatus(person=p) for p in rows])
        written["persons"] += len(rows)
        written["events"] += len(events)
        written["reports"] += len(reports)
    written["today"] = timezone.localdate().toordinal()
    return written
