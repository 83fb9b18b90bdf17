"""`habeas migrate-db` copies a SQLite instance into a real PostgreSQL server, exactly."""

from __future__ import annotations

import os
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_support import EXTRACTOR, HERE

from habeas.cli.main import main

STORIES = {
    "one.txt": "Police detained Nadira Velikhanli at a picket. Nadira Velikhanli was released.",
    "two.txt": "Ruslan Ostapchuk was arrested at dawn, his family said.",
    "three.txt": "Лейла Тарханова задержана у здания суда.",
}


@pytest.fixture
def server_url() -> str:
    url = os.environ.get("HABEAS_TEST_DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip(
            "HABEAS_TEST_DATABASE_URL names no PostgreSQL server (.ci/postgres.sh starts one)"
        )
    return url


@pytest.fixture
def empty_postgres(server_url: str) -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"habeas_migrate_{secrets.token_hex(4)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        _drop_database(server_url, name)


def _drop_database(server_url: str, name: str) -> None:
    # FORCE ends our own leftover sessions, but a non-superuser may not end an autovacuum
    # worker that the copied rows woke up; a plain DROP cancels such a worker itself.
    import time

    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        for attempt in range(40):
            try:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                return
            except psycopg.errors.InsufficientPrivilege:
                try:
                    conn.execute(f'DROP DATABASE "{name}"')
                    return
                except psycopg.errors.ObjectInUse:
                    if attempt == 39:
                        raise
                    time.sleep(0.25)


@pytest.fixture
def sqlite_instance(tmp_path: Path) -> Path:
    """A SQLite instance filled by `habeas ingest` in its own process, with an edit on record."""
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if k != "HABEAS_DATABASE_URL"},
        "HABEAS_HOME": str(tmp_path / "home"),
        "HABEAS_EXTRACTOR": EXTRACTOR,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "habeas.cli.main", "ingest", *STORIES]
    subprocess.run(command, env=env, cwd=tmp_path, check=True, capture_output=True)
    # A confidential note, written through the app so it is encrypted with this instance's key.
    subprocess.run(
        [sys.executable, "-c", _WRITE_NOTE], env=env, cwd=tmp_path, check=True, capture_output=True
    )
    return tmp_path / "home" / "habeas.sqlite3"


NOTE = "Medication: insulin, twice a day (fictional)"
_WRITE_NOTE = f"""
from habeas.web.bootstrap import setup
setup()
from habeas.web.store.models import Person, PersonProfile
PersonProfile.objects.create(person=Person.objects.order_by("id").first(), private_notes={NOTE!r})
"""


def _sqlite_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_migrate_db_copies_every_row_and_moves_the_sequences(
    sqlite_instance: Path, empty_postgres: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    code = main(["migrate-db", "--from", f"sqlite:///{sqlite_instance}", "--to", empty_postgres])

    assert code == 0, capsys.readouterr().err
    assert "every table's count and hash match" in capsys.readouterr().out
    tables = [
        t
        for (t,) in _sqlite_rows(
            sqlite_instance, "SELECT name FROM sqlite_master WHERE type='table'"
        )
        if not t.startswith(("sqlite_", "django_migrations"))
    ]
    with psycopg.connect(empty_postgres) as pg:
        in_pg = {t for (t,) in pg.execute("SELECT tablename FROM pg_tables").fetchall()}
        # SQLite-only tables (an FTS5 search index) have no PostgreSQL counterpart.
        tables = [t for t in tables if t in in_pg]
        assert {"store_report", "store_event", "store_evidence", "audit_auditentry"} <= set(tables)
        for table in tables:
            want = _sqlite_rows(sqlite_instance, f'SELECT count(*) FROM "{table}"')[0][0]
            got = pg.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            assert got is not None and got[0] == want, table
        texts = pg.execute("SELECT id, text FROM store_report ORDER BY id").fetchall()
        assert texts == _sqlite_rows(
            sqlite_instance, "SELECT id, text FROM store_report ORDER BY id"
        )
        chain = pg.execute("SELECT seq, entry_hash FROM audit_auditentry ORDER BY seq").fetchall()
        assert len(chain) == 3 + 4  # a person and an event per name, and one more event
        # A new report gets the next id, not one already taken.
        new_id = pg.execute(
            "INSERT INTO store_report (text, text_sha256, title, lang, publisher, created_at) "
            "VALUES ('x', 'y', '', '', '', now()) RETURNING id"
        ).fetchone()
        assert new_id is not None and new_id[0] == max(i for i, _ in texts) + 1


def test_migrate_db_keeps_confidential_fields_encrypted(
    sqlite_instance: Path, empty_postgres: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    from habeas.crypto import field_cipher
    from habeas.web.instance_keys import DATA_KEYS_FILE

    assert (
        main(["migrate-db", "--from", f"sqlite:///{sqlite_instance}", "--to", empty_postgres]) == 0
    )
    capsys.readouterr()
    stored = _sqlite_rows(sqlite_instance, "SELECT private_notes FROM store_personprofile")
    with psycopg.connect(empty_postgres) as pg:
        copied = pg.execute("SELECT private_notes FROM store_personprofile").fetchall()
        everything = pg.execute(
            "SELECT string_agg(t::text, ' ') FROM store_personprofile t"
        ).fetchone()
    # The very token is copied: the copy neither decrypts nor re-encrypts, and holds no plaintext.
    assert copied == stored and len(copied) == 1
    token = copied[0][0]
    assert isinstance(token, str) and token.startswith("fernet:")
    assert everything is not None and "insulin" not in everything[0]
    # ... and the instance's own key still opens it.
    keys = sqlite_instance.parent / "keys" / DATA_KEYS_FILE
    assert field_cipher({}, default_file=keys).decrypt(token) == NOTE


def test_migrate_db_refuses_a_target_that_holds_data(
    sqlite_instance: Path, empty_postgres: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = f"sqlite:///{sqlite_instance}"
    assert main(["migrate-db", "--from", source, "--to", empty_postgres]) == 0
    capsys.readouterr()

    assert main(["migrate-db", "--from", source, "--to", empty_postgres]) == 2
    assert capsys.readouterr().err == (
        "habeas: the target database already holds data; "
        "restore and migrate only into an empty one\n"
    )


def test_migrate_db_wants_sqlite_in_and_postgresql_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-db", "--from", "postgresql://h/db", "--to", "postgresql://h/db"]) == 2
    assert capsys.readouterr().err == "habeas: --from must be a sqlite:///path URL\n"
