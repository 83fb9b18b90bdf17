"""`habeas status`: custody status, expected release and alerts for persons in the contract's form.

Reads one person (a JSON object, possibly spread over several lines), JSON
Lines of persons, or extraction results (objects with a "persons" list), and
prints one JSON line per person. A person that cannot be read is reported on
stderr with its file and line; the others are still processed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any

from habeas.cli.jsonin import ErrorLines, loads
from habeas.errors import InputError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status",
        help="custody status, expected release and alerts for persons",
        description=(
            "Print, for each person in FILE, one JSON line with the custody status, the day "
            "it began, the expected release and the alerts that hold on --today."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="persons as JSON or JSON Lines; - for stdin")
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the day to assess the persons on (default: the current date)",
    )
    parser.set_defaults(func=run)


def _read(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{'standard input' if path == '-' else path} is not UTF-8 text") from None


def _today(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()  # the only place the clock is read
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--today {text!r} is not a date of the form YYYY-MM-DD") from None


def _documents(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, JSON text) for each document: the whole text, or each line."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        return
    if len(lines) > 1:
        try:
            loads(lines[0][1])
        except json.JSONDecodeError:
            # The first line is not JSON on its own: one object spread over lines.
            yield lines[0][0], text
            return
        yield from lines
        return
    yield lines[0]


def _persons(obj: Any) -> list[Any]:
    if isinstance(obj, dict) and "name" not in obj and isinstance(obj.get("persons"), list):
        return list(obj["persons"])
    return [obj]


def run(args: argparse.Namespace) -> int:
    from habeas.model import person_from_json
    from habeas.timeline.assessment import assess, assessment_to_json

    today = _today(args.today)
    name = "<stdin>" if args.file == "-" else args.file
    errors = ErrorLines(name)
    documents = list(_documents(_read(args.file)))
    if not documents:
        raise InputError(f"{name} is empty: no persons to assess")
    for first_line, document in documents:
        try:
            obj = loads(document)
        except json.JSONDecodeError as exc:
            line = first_line + exc.lineno - 1
            errors.add(f"{name}:{line}: not valid JSON ({exc.msg})")
            continue
        for person_obj in _persons(obj):
            try:
                person = person_from_json(person_obj)
            except InputError as exc:
                errors.add(f"{name}:{first_line}: {exc}")
                continue
            result = assessment_to_json(person.name, assess(person.events, today=today))
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    errors.close()
    return 2 if errors.count else 0
