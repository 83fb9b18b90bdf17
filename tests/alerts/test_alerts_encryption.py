"""Finding 1: support notes are encrypted at rest, in the database, its WAL, and a restored copy.

Twelve unique notes are planted; then the bytes of the SQLite file and its -wal
are searched for them (on PostgreSQL: the stored column, read with raw SQL),
a backup is restored into a new instance and that database's bytes are
searched too, and `habeas keys rotate` must cover the column.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from habeas.cli.main import main

PASSPHRASE = "twelve notes and a passphrase"


def _plant(alice: Any, n: int = 12) -> list[str]:
    from habeas.web.alerts.services import record_support
    from habeas.web.store.models import Person

    person = Person.objects.create(display_name="Ilkin Fictional")
    notes = [f"lawyer-phone-{secrets.token_hex(8)}" for _ in range(n)]
    for i, note in enumerate(notes):
        record_support(
            person,
            kind="lawyer",
            status="assigned",
            user=alice,
            date=dt.date(2025, 3, 1 + i),
            note=note,
            confidential=i % 2 == 0,  # every note is encrypted, confidential or not
        )
    return notes


def _stored_notes() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM alerts_supportaction ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def _sqlite_files(db: Path) -> list[Path]:
    return [p for p in (db, Path(f"{db}-wal")) if p.exists()]


def _found(notes: list[str], files: list[Path]) -> list[str]:
    blob = b"".join(p.read_bytes() for p in files)
    return [n for n in notes if n.encode() in blob]


def test_notes_are_never_stored_in_the_clear(alice: Any) -> None:
    from django.db import connection

    from habeas.web.alerts.models import SupportAction

    notes = _plant(alice)

    assert [a.note for a in SupportAction.objects.order_by("id")] == notes
    stored = _stored_notes()
    assert all(s.startswith("fernet:") for s in stored)
    assert not [n for n in notes if any(n in s for s in stored)]
    if connection.vendor == "sqlite":
        files = _sqlite_files(Path(connection.settings_dict["NAME"]))
        assert files  # the database itself, and the WAL while it is open
        assert _found(notes, files) == []
        connection.close()  # a checkpoint moves the WAL into the file
        assert _found(notes, _sqlite_files(Path(connection.settings_dict["NAME"]))) == []


def test_a_restored_copy_holds_no_plaintext_and_reads_back(
    alice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.conf import settings

    from habeas.web.transfer import close_database, open_database

    notes = _plant(alice)
    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    backup = tmp_path / "notes.backup"
    assert main(["backup", str(backup)]) == 0
    assert _found(notes, [backup]) == []

    home = tmp_path / "restored"
    env = {
        **{k: v for k, v in os.environ.items() if k != "HABEAS_DATABASE_URL"},
        "HABEAS_HOME": str(home),
        "HABEAS_KEYS_DIR": str(settings.HABEAS_KEYS_DIR),
    }
    done = subprocess.run(
        [sys.executable, "-m", "habeas.cli.main", "restore", str(backup)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    db = home / "habeas.sqlite3"
    assert _found(notes, _sqlite_files(db) + list(home.rglob("*.sqlite3*"))) == []
    open_database("restored", f"sqlite:///{db}", migrate=False)
    try:
        from habeas.web.alerts.models import SupportAction

        restored = SupportAction.objects.using("restored").order_by("id")
        assert [a.note for a in restored] == notes
    finally:
        close_database("restored")


def test_a_restore_without_the_keys_is_refused(
    alice: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plant(alice, 1)
    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    backup = tmp_path / "notes.backup"
    assert main(["backup", str(backup)]) == 0

    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HABEAS_DATABASE_URL",)},
        "HABEAS_HOME": str(tmp_path / "new"),  # a new instance with keys of its own
    }
    env.pop("HABEAS_KEYS_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "habeas.cli.main", "restore", str(backup)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("habeas: the backup's audit checkpoint does not match")
    assert done.stderr.count("\n") == 1


def test_key_rotation_covers_the_support_notes(
    alice: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.conf import settings

    from habeas.crypto import generate_key
    from habeas.web.alerts.models import SupportAction

    notes = _plant(alice, 3)
    before = _stored_notes()
    instance_key = (Path(settings.HABEAS_KEYS_DIR) / "data.keys").read_text().split()[-1]
    new = generate_key()
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", f"{new},{instance_key}")

    from habeas.web.encrypted import encrypted_columns

    assert main(["keys", "rotate"]) == 0
    out = capsys.readouterr().out
    # The three notes; the other encrypted columns (person profiles) are empty here.
    columns = encrypted_columns()
    assert (SupportAction, SupportAction._meta.get_field("note")) in columns
    assert f"re-encrypted 3 values in {len(columns)} encrypted columns" in out

    after = _stored_notes()
    assert all(a != b for a, b in zip(after, before, strict=True))
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", new)  # the old key is gone
    assert [a.note for a in SupportAction.objects.order_by("id")] == notes
    SupportAction.objects.all().delete()  # while the new key is still set


def test_the_migration_encrypts_existing_rows(alice: Any) -> None:
    """0002_encrypt_support_notes on a database whose notes were written in the clear."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from habeas.web.alerts.models import SupportAction

    notes = _plant(alice, 2)
    previous = ("alerts", "0002_follow_list_and_alert_scope")
    executor = MigrationExecutor(connection)
    executor.migrate([previous])
    try:
        assert _stored_notes() == notes  # reversed: the clear text, as the old version kept it
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE alerts_supportaction SET note = %s WHERE note = %s",
                ["written by the old version", notes[1]],
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    stored = _stored_notes()
    assert all(s.startswith("fernet:") for s in stored)
    assert [a.note for a in SupportAction.objects.order_by("id")] == [
        notes[0],
        "written by the old version",
    ]
