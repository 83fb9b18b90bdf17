"""Every table's rows in a portable form: read, hash, write, and copy between databases.

Used by `habeas migrate-db` (SQLite → PostgreSQL) and by backup/restore. Rows
are read through each field (so dates, JSON and booleans come out the same on
every backend) except encrypted columns, which are read and written as the
stored tokens: copies never need, and never see, the data keys.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from habeas.errors import InputError
from habeas.web.databases import django_database
from habeas.web.encrypted import EncryptedTextField

#: called as on_progress(done, total) by long copies, for a progress line
OnProgress = Callable[[int, int | None], None] | None


def no_progress(done: int, total: int | None) -> None:
    pass


# Tables `migrate` fills by itself: an instance holding only these is empty.
_SEEDED = frozenset(
    {"contenttypes.contenttype", "auth.permission", "auth.group", "auth.group_permissions"}
)
_BATCH = 500


def open_database(alias: str, url: str, *, migrate: bool = True) -> None:
    """Make the database at `url` usable as connection `alias`, its schema brought up to date."""
    current = dict(connections.settings)
    connections.settings[alias] = connections.configure_settings(
        {**current, alias: django_database(url)}
    )[alias]
    if migrate:
        call_command("migrate", database=alias, verbosity=0, interactive=False)


def close_database(alias: str) -> None:
    """Close and forget a connection opened with `open_database`."""
    connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def data_models(using: str = "default") -> list[Any]:
    """Every model whose table exists in `using`, by label (auto-created link tables included)."""
    existing = set(connections[using].introspection.table_names())
    return sorted(
        (
            m
            for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy and m._meta.db_table in existing
        ),
        key=lambda m: m._meta.label_lower,
    )


def _columns(model: Any) -> list[Any]:
    return list(model._meta.concrete_fields)


def table_rows(model: Any, *, using: str = "default") -> Iterator[list[Any]]:
    """The rows of `model`'s table in primary-key order, one list of JSON-ready values each."""
    fields = _columns(model)
    raw = {f.attname: f"_raw_{f.attname}" for f in fields if isinstance(f, EncryptedTextField)}
    query = model._base_manager.using(using).order_by("pk")
    if raw:
        query = query.annotate(**{alias: Cast(name, TextField()) for name, alias in raw.items()})
    names = [raw.get(f.attname, f.attname) for f in fields]
    for row in query.values_list(*names).iterator(chunk_size=2000):
        yield [_portable(value) for value in row]


def _portable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def canonical_row(row: list[Any]) -> str:
    """The one JSON text of a row, as hashed and as written to a backup."""
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class TableDigest:
    table: str
    rows: int
    sha256: str


def table_digests(*, using: str = "default") -> dict[str, TableDigest]:
    """Row count and SHA-256 of the canonical rows of every table, by table name."""
    digests = {}
    for model in data_models(using):
        h, n = hashlib.sha256(), 0
        for row in table_rows(model, using=using):
            h.update(canonical_row(row).encode("utf-8") + b"\n")
            n += 1
        table = model._meta.db_table
        digests[table] = TableDigest(table, n, h.hexdigest())
    return digests


def is_empty(*, using: str = "default") -> bool:
    """True when no table holds rows except those `migrate` fills by itself."""
    return not any(
        model._base_manager.using(using).exists()
        for model in data_models(using)
        if model._meta.label_lower not in _SEEDED
    )


def refuse_unless_empty(*, using: str, what: str) -> None:
    """InputError naming `what` when the database at `using` already holds data."""
    if not is_empty(using=using):
        raise InputError(f"{what} already holds data; restore and migrate only into an empty one")


def load_tables(
    tables: Iterable[tuple[str, list[list[Any]]]], *, using: str, on_progress: OnProgress = None
) -> int:
    """Replace the contents of the named tables with the given rows, in one transaction.

    Rows are lists in the order of each model's concrete fields, as `table_rows`
    gives them. Primary keys are kept, and sequences are moved past them.
    """
    by_table = {m._meta.db_table: m for m in data_models(using)}
    connection = connections[using]
    quote = connection.ops.quote_name
    loaded = 0
    with transaction.atomic(using=using):
        # Foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED on both backends).
        for table in by_table:
            with connection.cursor() as cursor:
                # bandit B608: a model's own table name, quoted; no user input.
                cursor.execute(f"DELETE FROM {quote(table)}")  # nosec B608
        models = []
        for table, rows in tables:
            model = by_table.get(table)
            if model is None:
                raise InputError(f"the table {table} does not exist in this version of habeas")
            _insert(model, rows, connection=connection)
            models.append(model)
            loaded += len(rows)
            (on_progress or no_progress)(len(models), None)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return loaded


def _insert(model: Any, rows: list[list[Any]], *, connection: Any) -> None:
    fields = _columns(model)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    # bandit B608: the model's own table and column names, quoted; values are parameters.
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # nosec B608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            cursor.executemany(sql, [_db_values(fields, row, connection) for row in batch])


def _db_values(fields: list[Any], row: list[Any], connection: Any) -> list[Any]:
    values = []
    for field, value in zip(fields, row, strict=True):
        if isinstance(field, EncryptedTextField) or value is None:
            values.append(value)  # the stored token, as it was
            continue
        if field.get_internal_type() in ("BinaryField",):
            value = bytes.fromhex(value)
        elif field.get_internal_type() != "JSONField":
            value = field.to_python(value)
        values.append(field.get_db_prep_save(value, connection=connection))
    return values


def copy_database(
    *, source: str, target: str, on_progress: OnProgress = None
) -> dict[str, TableDigest]:
    """Copy every table from connection `source` into the empty `target`; the digests of both match.

    Returns the target's digests after the copy. InputError when the target
    holds data or when, after the copy, any table differs.
    """
    refuse_unless_empty(using=target, what="the target database")
    tables = [(m._meta.db_table, list(table_rows(m, using=source))) for m in data_models(source)]
    tick = on_progress or no_progress
    load_tables(tables, using=target, on_progress=lambda n, _: tick(n, len(tables)))
    before, after = table_digests(using=source), table_digests(using=target)
    differ = sorted(t for t in before if before[t] != after.get(t))
    if differ:
        raise InputError(f"the copy differs from the source in: {', '.join(differ)}")
    return after
