"""HABEAS_DATABASE_URL: SQLite files and PostgreSQL servers, and one sentence for anything else."""

from __future__ import annotations

import pytest

from habeas.config import DatabaseKind, parse_database_url
from habeas.errors import InputError
from habeas.web.databases import django_database


def test_a_postgresql_url_is_taken_apart() -> None:
    db = parse_database_url("postgresql://ana%40ngo:p%2Fss@db.internal:6543/habeas?sslmode=require")

    assert (db.kind, db.name, db.user, db.password, db.host, db.port) == (
        DatabaseKind.POSTGRESQL,
        "habeas",
        "ana@ngo",
        "p/ss",
        "db.internal",
        6543,
    )
    assert "p/ss" not in repr(db)
    settings = django_database("postgres://u:p@localhost/habeas?sslmode=require")
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["HOST"], settings["PORT"], settings["OPTIONS"]) == (
        "localhost",
        "",
        {"sslmode": "require"},
    )


def test_a_sqlite_url_keeps_its_file_and_its_wal_settings() -> None:
    settings = django_database("sqlite:////srv/habeas/habeas.sqlite3")

    assert settings["NAME"] == "/srv/habeas/habeas.sqlite3"
    assert "journal_mode=WAL" in settings["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:secret@h/db", "must start with sqlite:/// or postgresql://, not 'h/db'"),
        ("postgresql://u:secret@h:port/db", "the port in the database URL postgresql://h/db is"),
        ("postgresql://u:secret@h:5432/", "must name a host and a database"),
    ],
)
def test_a_bad_url_is_one_sentence_without_the_password(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_database_url(url)
    assert "secret" not in str(caught.value)
