"""Writers of Record values: one function per format, each writing text to a stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from habeas import model
from habeas.errors import InputError
from habeas.export import acled, ftm
from habeas.export.records import Record
from habeas.export.table import COLUMNS, rows


def write_csv(records: Iterable[Record], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows(records):
        writer.writerow(row)
        n += 1
    return n


def record_to_json(r: Record) -> dict[str, Any]:
    """The contract's person form (name, roles, events) with the case file's additions."""
    out = {"id": r.id, **model.person_to_json(r.person)}
    for i, event in enumerate(out["events"]):
        event["sources"] = [s.id for s in r.sources_of(i)]
    out["country"] = r.country
    out["affiliations"] = list(r.affiliations)
    out["status"] = r.status
    out["sources"] = [
        {
            "id": s.id,
            "title": s.title,
            "published": s.published.isoformat() if s.published else None,
            "publisher": s.publisher,
            "urls": list(s.urls),
        }
        for s in r.sources
    ]
    return out


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(record_to_json(r), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_ftm(records: Iterable[Record], out: IO[str]) -> int:
    n = 0
    for entity in ftm.entities(records):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_acled(records: Iterable[Record], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(acled.COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in acled.rows(records):
        writer.writerow(row)
        n += 1
    return n


FORMATS: dict[str, tuple[Callable[[Iterable[Record], IO[str]], int], str, str]] = {
    # name: (writer, media type, file extension)
    "csv": (write_csv, "text/csv", "csv"),
    "jsonl": (write_jsonl, "application/jsonl", "jsonl"),
    "ftm": (write_ftm, "application/json", "ftm.json"),
    "acled": (write_acled, "text/csv", "acled.csv"),
}


def write(fmt: str, records: Iterable[Record], out: IO[str]) -> int:
    """Write `records` in format `fmt`; the number of lines (rows or entities) written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return FORMATS[fmt][0](records, out)
