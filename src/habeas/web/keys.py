"""Key rotation: re-encrypt every encrypted value in the database with the newest data key."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from habeas.crypto import field_cipher
from habeas.web.encrypted import encrypted_columns


@dataclass(frozen=True, slots=True)
class Rotation:
    columns: int
    values: int


def rotate_keys() -> Rotation:
    """Re-encrypt every EncryptedTextField value under the newest key, all in one transaction.

    Either every value is rotated or (on any error, e.g. a value no key opens)
    none is, so old keys can be removed only after a rotation that succeeded.
    """
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    cipher = field_cipher()
    columns = encrypted_columns()
    quote = connection.ops.quote_name
    rotated = 0
    with transaction.atomic():
        for model, field in columns:
            table, column, pk = (
                quote(model._meta.db_table),
                quote(field.column),
                quote(model._meta.pk.column),
            )
            # Raw SQL: the field itself would decrypt on read and encrypt again on write.
            # The names are the models' own (quoted), never user input.
            select = f"SELECT {pk}, {column} FROM {table} WHERE {column} IS NOT NULL"  # nosec B608
            update = f"UPDATE {table} SET {column} = %s WHERE {pk} = %s"  # nosec B608
            with connection.cursor() as cursor:
                cursor.execute(select)
                rows = cursor.fetchall()
                updates = [(cipher.rotate(value), key) for key, value in rows]
                cursor.executemany(update, updates)
            rotated += len(updates)
        record(
            None,
            AuditAction.KEY_ROTATION,
            "encryption keys",
            {"columns": len(columns), "values": rotated},
        )
    return Rotation(len(columns), rotated)
