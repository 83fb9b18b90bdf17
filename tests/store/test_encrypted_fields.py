"""Confidential text is encrypted at rest with keys outside the database, and keys rotate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from habeas.cli.main import main

SECRET = "Lawyer Tamerlan Quliyev visits on Fridays, phone 555-0199"


@pytest.fixture
def note_model() -> Iterator[Any]:
    """A throw-away model with an encrypted column, its table created for this test only."""
    from django.apps import apps
    from django.db import connection, models

    from habeas.web.encrypted import EncryptedTextField

    class SecretNote(models.Model):  # type: ignore[misc]
        body = EncryptedTextField()
        label = models.CharField(max_length=20, default="")

        class Meta:
            app_label = "audit"

    with connection.schema_editor() as editor:
        editor.create_model(SecretNote)
    try:
        yield SecretNote
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(SecretNote)
        del apps.all_models["audit"]["secretnote"]
        apps.get_app_config("audit").models.pop("secretnote", None)
        apps.clear_cache()


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    from habeas.crypto import generate_key

    old, new = generate_key(), generate_key()
    monkeypatch.delenv("HABEAS_KEY_FILE", raising=False)
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", old)
    return old, new


def _stored(model: Any) -> list[str]:
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {table} ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def _database_files() -> list[Path]:
    from django.db import connection

    if connection.vendor != "sqlite":
        return []
    db = Path(connection.settings_dict["NAME"])
    return [p for p in (db, Path(f"{db}-wal")) if p.exists()]


def test_the_database_holds_no_plaintext(note_model: Any, keys: tuple[str, str]) -> None:
    from django.db import connection

    note_model.objects.create(body=SECRET, label="visit")
    connection.close()  # let SQLite write everything out

    assert note_model.objects.get().body == SECRET
    (stored,) = _stored(note_model)
    assert stored.startswith("fernet:") and "Quliyev" not in stored
    for path in _database_files():
        assert b"Quliyev" not in path.read_bytes(), path
        assert b"visit" in path.read_bytes() or path.name.endswith("-wal")


def test_rotation_moves_every_value_to_the_newest_key(
    note_model: Any,
    keys: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from habeas.crypto import EncryptionError

    old, new = keys
    note_model.objects.create(body=SECRET)
    note_model.objects.create(body="")
    before = _stored(note_model)

    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", f"{new},{old}")
    from habeas.web.encrypted import encrypted_columns

    assert main(["keys", "rotate"]) == 0
    # The app's own encrypted columns (support notes, person profiles) are empty here.
    columns = len(encrypted_columns())
    assert f"re-encrypted 2 values in {columns} encrypted columns" in capsys.readouterr().out

    after = _stored(note_model)
    assert all(a != b for a, b in zip(after, before, strict=True))
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", new)
    assert [n.body for n in note_model.objects.order_by("id")] == [SECRET, ""]
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", old)
    with pytest.raises(EncryptionError, match="cannot be decrypted"):
        list(note_model.objects.all())


def test_a_failed_rotation_changes_nothing(
    note_model: Any, keys: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.crypto import generate_key

    old, new = keys
    note_model.objects.create(body=SECRET)
    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", generate_key())
    note_model.objects.create(body="written under a key that is then lost")
    before = _stored(note_model)

    monkeypatch.setenv("HABEAS_ENCRYPTION_KEYS", f"{new},{old}")
    assert main(["keys", "rotate"]) == 2  # the second value opens with no listed key

    assert _stored(note_model) == before


def test_without_a_key_writing_fails_with_one_sentence(
    note_model: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from django.test import override_settings

    from habeas.crypto import EncryptionError

    monkeypatch.delenv("HABEAS_ENCRYPTION_KEYS", raising=False)
    monkeypatch.delenv("HABEAS_KEY_FILE", raising=False)

    # A keys directory whose data key went missing: nothing is written, no new key is made.
    with (
        override_settings(HABEAS_KEYS_DIR=tmp_path),
        pytest.raises(EncryptionError, match="no encryption key is set"),
    ):
        note_model.objects.create(body=SECRET)
    assert list(tmp_path.iterdir()) == []


def test_without_settings_the_instance_key_file_is_used(
    note_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.conf import settings

    monkeypatch.delenv("HABEAS_ENCRYPTION_KEYS", raising=False)
    monkeypatch.delenv("HABEAS_KEY_FILE", raising=False)

    note_model.objects.create(body=SECRET)
    assert note_model.objects.get().body == SECRET
    key_file = Path(settings.HABEAS_KEYS_DIR) / "data.keys"
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert Path(settings.HABEAS_KEYS_DIR).stat().st_mode & 0o077 == 0


def test_keys_can_come_from_a_file(
    note_model: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from habeas.crypto import generate_key

    key_file = tmp_path / "habeas.keys"
    key_file.write_text(f"# newest first\n{generate_key()}\n", encoding="ascii")
    monkeypatch.delenv("HABEAS_ENCRYPTION_KEYS", raising=False)
    monkeypatch.setenv("HABEAS_KEY_FILE", str(key_file))

    note_model.objects.create(body=SECRET)
    assert note_model.objects.get().body == SECRET


def test_encrypted_columns_cannot_be_searched(note_model: Any, keys: tuple[str, str]) -> None:
    from django.core.exceptions import FieldError

    with pytest.raises(FieldError, match="body is encrypted"):
        note_model.objects.filter(body=SECRET).count()
    assert note_model.objects.filter(body__isnull=True).count() == 0
