"""A token that changes whenever anything committed to the database changes.

The page cache (habeas.web.page_cache) keeps a rendered page only while the
token it was rendered under is still current, so no write by the web app, the
worker or a CLI process in another process can leave a stale page behind.

- **SQLite:** a one-row counter, `habeas_generation`, that triggers on every
  table raise in the writing transaction itself. A reader sees the counter and
  the data of the same commit, never a new counter with old data. The
  triggers are (re)installed after every `migrate`, so a table that a later
  migration adds gets them too (`install` is idempotent).
- **PostgreSQL:** the transaction snapshot (`pg_current_snapshot()`), which
  differs after any commit: a transaction that was running or not yet started
  when one snapshot was taken has finished by the next. No trigger, and no hot
  row that concurrent writers would queue on. Commits to other databases of
  the same server change it too: that costs a cache miss, never a stale page.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import connection

T = TypeVar("T")

TABLE = "habeas_generation"
_TRIGGER = "habeas_gen_{table}_{op}"
_OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def current() -> str:
    """The token now; read it before the data it is to vouch for."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT n FROM {TABLE} WHERE id = 1")  # nosec B608: a constant
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT pg_current_snapshot()::text")
        else:  # pragma: no cover - the settings allow only these two
            raise RuntimeError(f"no generation token for {connection.vendor}")
        row = cursor.fetchone()
    return "" if row is None else str(row[0])


def per_commit(name: str, day: dt.date, make: Callable[[], T]) -> T:
    """`make()`, made once while the token and the day stay the same; one value per `name`.

    For values many pages derive from the whole store (the public projection,
    its statistics): the token is read before the data, as for the page cache,
    so a value is never older than the last commit it was read after. The
    value is shared between threads: `make` must return something no caller
    changes. Inside a transaction it is always made afresh, since there the
    token need not change with the transaction's own writes (PostgreSQL's
    snapshot does not).
    """
    if connection.in_atomic_block:
        return make()
    token = current()
    with _MEMO_LOCK:
        kept = _MEMO.get(name)
        making = _MAKING.setdefault(name, threading.Lock())
    if kept is not None and kept[:2] == (token, day):
        return kept[2]  # type: ignore[no-any-return]
    # One thread makes it; the readers that came after the same commit wait for its value
    # rather than each making their own (a projection of thousands of people takes seconds).
    with making:
        with _MEMO_LOCK:
            kept = _MEMO.get(name)
        if kept is not None and kept[:2] == (token, day):
            return kept[2]  # type: ignore[no-any-return]
        value = make()
        with _MEMO_LOCK:
            _MEMO[name] = (token, day, value)
    return value


_MEMO: dict[str, tuple[str, dt.date, Any]] = {}
_MAKING: dict[str, threading.Lock] = {}
_MEMO_LOCK = threading.Lock()


def _sqlite_tables(cursor: Any) -> list[str]:
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    rows = [(name, sql or "") for name, sql in cursor.fetchall()]
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    # Full-text tables keep their index in shadow tables (<name>_data, ...), written through
    # the virtual table: neither can carry a trigger, and the rows they index are in a
    # normal table that does.
    return [
        name
        for name, _ in rows
        if name != TABLE
        and not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(f"{v}_") for v in virtual)
    ]


def install(using: str = "default") -> int:
    """Create the SQLite counter and its triggers where missing; the number of triggers made."""
    from django.db import connections

    db = connections[using]
    if db.vendor != "sqlite":
        return 0
    made = 0
    with db.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, n INTEGER)")
        cursor.execute(f"INSERT OR IGNORE INTO {TABLE} (id, n) VALUES (1, 0)")
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        existing = {name for (name,) in cursor.fetchall()}
        for table in _sqlite_tables(cursor):
            for op in _OPERATIONS:
                name = _TRIGGER.format(table=table, op=op.lower())
                if name in existing:
                    continue
                cursor.execute(
                    f'CREATE TRIGGER "{name}" AFTER {op} ON "{table}" '  # nosec B608: no values
                    f"BEGIN UPDATE {TABLE} SET n = n + 1 WHERE id = 1; END"
                )
                made += 1
    return made


def untriggered(using: str = "default") -> list[str]:
    """SQLite tables that lack one of the triggers (empty when every write is counted)."""
    from django.db import connections

    db = connections[using]
    if db.vendor != "sqlite":
        return []
    with db.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        existing = {name for (name,) in cursor.fetchall()}
        names = {
            t: {_TRIGGER.format(table=t, op=op.lower()) for op in _OPERATIONS}
            for t in _sqlite_tables(cursor)
        }
        return [table for table, wanted in names.items() if not wanted <= existing]


def after_migrate(sender: Any, using: str = "default", **_: Any) -> None:
    """post_migrate receiver: every table, including ones a migration just added, is counted."""
    install(using)
