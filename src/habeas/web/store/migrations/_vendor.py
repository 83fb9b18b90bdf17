"""A migration operation for one database vendor (the loader skips modules named with _)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


class VendorRunSQL(migrations.RunSQL):  # type: ignore[misc]
    """RunSQL that applies on one database vendor only."""

    def __init__(self, vendor: str, *args: Any, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, *args)

    def deconstruct(self) -> Any:
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs
