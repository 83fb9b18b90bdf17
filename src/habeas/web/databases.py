"""DATABASES entries from HABEAS_DATABASE_URL: SQLite on a laptop, PostgreSQL in production."""

from __future__ import annotations

from typing import Any

from habeas.config import DatabaseKind, parse_database_url


def django_database(url: str) -> dict[str, Any]:
    """The DATABASES entry for a ``sqlite:///`` or ``postgresql://`` URL (InputError otherwise)."""
    db = parse_database_url(url)
    if db.kind is DatabaseKind.SQLITE:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": db.name,
            "OPTIONS": {
                # The CLI, the worker and the web app write to the same file: WAL lets
                # readers run beside a writer, and IMMEDIATE takes the write lock at the
                # start of a transaction instead of failing when a read turns into a write.
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": db.name,
        "USER": db.user,
        "PASSWORD": db.password,
        "HOST": db.host,
        "PORT": str(db.port or ""),
        "OPTIONS": dict(db.options),
        # Short-lived CLI processes and a small web app: a connection per request is
        # cheap next to the risk of a stale one after a server restart.
        "CONN_HEALTH_CHECKS": True,
    }
