"""EncryptedTextField: a text column stored encrypted with habeas.crypto's data keys.

The database only ever holds `fernet:…` tokens; the keys live in the
environment or a key file. Because every encryption is randomised, such a
column cannot be searched, ordered or compared in SQL: only `isnull` works.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import FieldError
from django.db import models

from habeas.crypto import FieldCipher, field_cipher
from habeas.web.instance_keys import DATA_KEYS_FILE


def data_cipher() -> FieldCipher:
    """The cipher of this instance: HABEAS_ENCRYPTION_KEYS / HABEAS_KEY_FILE, else its key file."""
    from django.conf import settings

    return field_cipher(default_file=Path(settings.HABEAS_KEYS_DIR) / DATA_KEYS_FILE)


class EncryptedTextField(models.TextField):  # type: ignore[misc]
    """A TextField whose values are encrypted at rest (see habeas.crypto for the keys).

    Use it like a TextField (`note = EncryptedTextField(blank=True, default="")`);
    a column of this type is found by `encrypted_columns()`, so `habeas keys
    rotate`, the backup's key check and the at-rest tests cover it with no
    further code. To turn an existing plaintext column into one, alter the field
    and add `encrypt_column_operation(app, model, field)` to the migration.
    """

    description = "Text encrypted at rest"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return data_cipher().encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return data_cipher().decrypt(value)

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise FieldError(
                f"{self.name} is encrypted and cannot be searched with {lookup_name!r}"
            )
        return super().get_lookup(lookup_name)


def encrypted_columns() -> list[tuple[Any, Any]]:
    """Every (model, field) pair of the installed apps that is an EncryptedTextField."""
    from django.apps import apps

    return [
        (model, f)
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
        for f in model._meta.concrete_fields
        if isinstance(f, EncryptedTextField)
    ]


def encrypt_column_operation(app_label: str, model_name: str, field_name: str) -> Any:
    """A migration operation that encrypts the values of a column kept in the clear until now.

    Runs raw SQL (the historical model would decrypt on read); values already
    encrypted are left as they are, so running it twice changes nothing.
    Reversing it writes the plaintext back.
    """
    from django.db import migrations

    from habeas.crypto import TOKEN_PREFIX

    def convert(apps: Any, schema_editor: Any, *, encrypt: bool) -> None:
        model = apps.get_model(app_label, model_name)
        connection = schema_editor.connection
        quote = connection.ops.quote_name
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        column = quote(model._meta.get_field(field_name).column)
        cipher = data_cipher()
        # The names are the model's own (quoted), never input.
        select = f"SELECT {pk}, {column} FROM {table} WHERE {column} IS NOT NULL"  # nosec B608
        update = f"UPDATE {table} SET {column} = %s WHERE {pk} = %s"  # nosec B608
        with connection.cursor() as cursor:
            cursor.execute(select)
            rows = cursor.fetchall()
            if encrypt:
                new = [(cipher.encrypt(v), k) for k, v in rows if not v.startswith(TOKEN_PREFIX)]
            else:
                new = [(cipher.decrypt(v), k) for k, v in rows if v.startswith(TOKEN_PREFIX)]
            cursor.executemany(update, new)

    return migrations.RunPython(
        lambda apps, editor: convert(apps, editor, encrypt=True),
        lambda apps, editor: convert(apps, editor, encrypt=False),
    )
