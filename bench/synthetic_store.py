"""A synthetic case store of invented people, and synthetic report texts, for scale benchmarks.

Every name is an invented combination (bench/synthetic_people.py); every
history is drawn at random from the shapes real files take: a detention,
charges, pretrial detention with extensions, a sentence (administrative or
prison), sometimes a release or a disappearance. Most events are confirmed,
some are left as suggestions for the review queue. Rows are written with
bulk inserts, then every status is computed as the app would, in chunks
(habeas.web.store.status.recompute_many).

Building 100,000 persons takes minutes, so `from_cache` / `save_to_cache`
keep the built SQLite file under /tmp/scalecache (HABEAS_SCALE_CACHE), keyed
by the parameters and by this generator's source: a benchmark copies it into
its HABEAS_HOME before Django starts and migrates it like any store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_people import synthetic_names

PLACES = ("Baku", "Ganja", "Sumqayit", "Lankaran", "Shaki", "Quba", "Mingachevir")
COURTS = ("Sabail District Court", "Nasimi District Court", "Khatai District Court")
CHARGES = ("hooliganism", "disobeying the police", "smuggling", "illegal entrepreneurship")
START = dt.date(2019, 1, 1)
CACHE = Path(os.environ.get("HABEAS_SCALE_CACHE", "/tmp/scalecache"))
DB_FILE = "habeas.sqlite3"  # the default store file in HABEAS_HOME (habeas.config)


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
    # Earlier short detentions, each ended by a release, until the history has about
    # `events` events on average.
    target = rng.randint(1, max(1, 2 * events - 3))
    earlier: list[dict[str, object]] = []
    while len(out) + len(earlier) < target:
        day -= dt.timedelta(days=rng.randrange(40, 400))
        days = rng.choice((10, 15, 30))
        penalty = {"kind": "administrative_detention", "days": days}
        earlier[:0] = [
            {"type": "detention", "date": day.isoformat(), "place": rng.choice(PLACES)},
            {
                "type": "sentence",
                "date": (day + dt.timedelta(days=1)).isoformat(),
                "authority": rng.choice(COURTS),
                "penalty": penalty,
            },
            {"type": "release", "date": (day + dt.timedelta(days=days)).isoformat()},
        ]
    return earlier + out


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
        Report,
    )
    from habeas.web.store.services import script_of
    from habeas.web.store.status import recompute_many

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
        written["persons"] += len(rows)
        written["events"] += len(events)
        written["reports"] += len(reports)
    today = timezone.localdate()
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    started = time.process_time()
    recompute_many(ids, today=today)
    written["status_cpu_ms"] = round((time.process_time() - started) * 1000)
    written["today"] = today.toordinal()
    return written


def cache_key(*, persons: int, events_per_person: int = 10, seed: int = 11) -> str:
    """The cache entry's name: the parameters, and a digest of the generator's source."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("synthetic_store.py", "synthetic_people.py"):
        digest.update((here / name).read_bytes())
    return f"p{persons}-e{events_per_person}-s{seed}-{digest.hexdigest()[:12]}"


def from_cache(home: Path, **params: int) -> dict[str, int] | None:
    """Copy a cached store into `home` (before Django is set up); its counts, or None."""
    entry = CACHE / cache_key(**params)
    if not (entry / "done.json").exists():
        return None
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(entry / DB_FILE, home / DB_FILE)
    made: dict[str, int] = json.loads((entry / "done.json").read_text())
    return made


def save_to_cache(made: dict[str, int], **params: int) -> Path:
    """Write the current (SQLite) store to the cache: a consistent, compacted copy."""
    from django.db import connection

    entry = CACHE / cache_key(**params)
    entry.mkdir(parents=True, exist_ok=True)
    partial = entry / (DB_FILE + ".partial")
    partial.unlink(missing_ok=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(partial)])
    partial.replace(entry / DB_FILE)
    (entry / "done.json").write_text(json.dumps(made))
    (CACHE / "README").write_text(
        "Synthetic case stores of invented people built by bench/synthetic_store.py\n"
        "(habeas scale benchmarks). Each directory is one set of parameters\n"
        "(p<persons>-e<events per person>-s<seed>-<generator digest>): habeas.sqlite3\n"
        "is a migrated SQLite store with every status computed; done.json has the\n"
        "counts and the day (ordinal) statuses were computed on. Use it by copying\n"
        "habeas.sqlite3 into an empty HABEAS_HOME before the app starts, or call\n"
        "synthetic_store.from_cache(home, persons=..., events_per_person=..., seed=...).\n"
        "Built entries:\n" + "".join(f"  {p.parent}\n" for p in sorted(CACHE.glob("*/done.json")))
    )
    return entry
