"""Reading a spreadsheet (CSV or XLSX) of people and detentions into the table's rows.

Plain Python: the web app's importer (habeas.web.public.importing) writes what
these functions read. Row numbers are the spreadsheet's own (the header is row 1).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from habeas import model
from habeas.errors import ContractError, InputError
from habeas.export.table import COLUMNS, PENALTY_UNITS, split


@dataclass(frozen=True, slots=True)
class Row:
    """One readable row: the person's columns and the event it carries (None: no event)."""

    number: int
    name: str
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    country: str
    event: model.Event | None


@dataclass(frozen=True, slots=True)
class Problem:
    number: int
    message: str


def _key(header: str) -> str:
    return "_".join(header.strip().lower().split())


def read_cells(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a .csv or .xlsx file as (row number, {header: text})."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path} is not a file")
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise InputError(f"{path.name}: only .csv and .xlsx spreadsheets can be imported")


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text; save the CSV as UTF-8") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        raise InputError(f"{path.name} is empty")
    return [
        (i, {h: (row[j] if j < len(row) else "") for j, h in enumerate(header)})
        for i, row in enumerate(reader, start=2)
        if any(cell.strip() for cell in row)
    ]


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a broken file
        raise InputError(f"{path.name} cannot be read as XLSX ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            raise InputError(f"{path.name} is empty")
        names = ["" if h is None else str(h) for h in header]
        out = []
        for i, values in enumerate(rows, start=2):
            cells = {n: _text(v) for n, v in zip(names, values, strict=False)}
            if any(c.strip() for c in cells.values()):
                out.append((i, cells))
        return out
    finally:
        book.close()


def _text(value: Any) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def mapping_for(headers: list[str], given: Mapping[str, str]) -> dict[str, str]:
    """{spreadsheet header: our column}: the given mapping, else headers named like ours."""
    ours = set(COLUMNS)
    out: dict[str, str] = {}
    for header, column in given.items():
        if column not in ours:
            raise InputError(f"{column!r} is not a column; use one of: {', '.join(COLUMNS)}")
        if header not in headers:
            raise InputError(f"the spreadsheet has no column {header!r}")
        out[header] = column
    for header in headers:
        if header not in out and _key(header) in ours and _key(header) not in out.values():
            out[header] = _key(header)
    if "name" not in out.values():
        raise InputError("no column is mapped to 'name' (use --map 'YOUR HEADER=name')")
    return out


def _float(cells: Mapping[str, str], key: str) -> float | None:
    text = cells.get(key, "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ContractError(f"{key} {text!r} is not a number") from None


def _charges(text: str) -> tuple[model.Charge, ...]:
    text = text.strip()
    if not text:
        return ()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            raise ContractError("charges look like JSON but cannot be read") from None
        if not isinstance(items, list):
            raise ContractError("charges must be a list")
        return tuple(model.charge_from_json(c) for c in items)
    return tuple(model.Charge(article=a) for a in split(text))


def _event(cells: Mapping[str, str]) -> model.Event | None:
    kind = cells.get("event_type", "").strip()
    if not kind:
        if any(cells.get(k, "").strip() for k in ("date", "place", "authority", "penalty_kind")):
            raise ContractError("event columns are filled but event_type is empty")
        return None
    penalty = None
    if cells.get("penalty_kind", "").strip():
        penalty = model.penalty_from_json(
            {"kind": cells["penalty_kind"].strip()}
            | {u: v for u in PENALTY_UNITS if (v := _float(cells, f"penalty_{u}")) is not None}
            | ({"currency": c} if (c := cells.get("penalty_currency", "").strip()) else {})
        )
    date = cells.get("date", "").strip()
    outcome = cells.get("outcome", "").strip()
    return model.Event(
        type=_enum(model.EventType, kind, "event type"),
        date=model.PartialDate.parse(date) if date else None,
        place=cells.get("place", "").strip() or None,
        authority=cells.get("authority", "").strip() or None,
        duration_hours=_float(cells, "duration_hours"),
        penalty=penalty,
        charges=_charges(cells.get("charges", "")),
        outcome=_enum(model.AppealOutcome, outcome, "appeal outcome") if outcome else None,
        detail=cells.get("detail", "").strip() or None,
    )


E = TypeVar("E", bound=StrEnum)


def _enum(cls: type[E], value: str, what: str) -> E:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise ContractError(f"{what} {value!r} is not one of: {allowed}") from None


def parse(
    cells_by_row: list[tuple[int, dict[str, str]]], mapping: Mapping[str, str]
) -> tuple[list[Row], list[Problem]]:
    """The readable rows and, for the others, their row numbers and why."""
    rows: list[Row] = []
    problems: list[Problem] = []
    for number, raw in cells_by_row:
        cells = {column: raw.get(header, "") for header, column in mapping.items()}
        name = " ".join(cells.get("name", "").split())
        if not name:
            problems.append(Problem(number, "the name is empty"))
            continue
        country = cells.get("country", "").strip().upper()
        if country and not (len(country) == 2 and country.isalpha()):
            problems.append(Problem(number, f"country {country!r} is not a two-letter code"))
            continue
        try:
            event = _event(cells)
        except ContractError as exc:
            problems.append(Problem(number, str(exc)))
            continue
        rows.append(
            Row(
                number,
                name,
                split(cells.get("roles", "")),
                split(cells.get("affiliations", "")),
                country,
                event,
            )
        )
    return rows, problems
