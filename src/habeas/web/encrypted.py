"""EncryptedTextField: a text column stored encrypted with habeas.crypto's data keys.

The database only ever holds `fernet:…` tokens; the keys live in the
environment or a key file. Because every encryption is randomised, such a
column cannot be searched, ordered or compared in SQL: only `isnull` works.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldError
from django.db import models

from habeas.crypto import field_cipher


class EncryptedTextField(models.TextField):  # type: ignore[misc]
    """A TextField whose values are encrypted at rest (see habeas.crypto for the keys)."""

    description = "Text encrypted at rest"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return field_cipher().encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return field_cipher().decrypt(value)

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
