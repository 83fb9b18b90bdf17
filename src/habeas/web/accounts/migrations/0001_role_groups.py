"""The three role groups (admin, editor, viewer) exist from the start."""

from __future__ import annotations

from typing import Any

from django.db import migrations

ROLES = ("admin", "editor", "viewer")


def create_groups(apps: Any, schema_editor: Any) -> None:
    group = apps.get_model("auth", "Group")
    for name in ROLES:
        group.objects.get_or_create(name=name)


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]  # noqa: RUF012
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]  # noqa: RUF012
