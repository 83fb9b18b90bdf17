"""Rebuild every person's blocking keys with the names.v2 matcher's keys.

names.v2 (identity/) reads more spellings as one (Belarusian, Kazakh, German
and Polish transliterations, given-name equivalents), and its keys differ
from names.v1's: a store indexed with the old keys would miss candidates and
name-search hits until each person is indexed again. Merged-away persons keep
no keys, as merges.index_person leaves them.
"""

from typing import Any

from django.db import migrations

from habeas.identity.blocking import blocking_keys


def rebuild(apps: Any, schema_editor: Any) -> None:
    person_model = apps.get_model("store", "Person")
    form_model = apps.get_model("store", "NameForm")
    key_model = apps.get_model("store", "BlockingKey")
    key_model.objects.all().delete()
    names: dict[int, set[str]] = {}
    current = person_model.objects.filter(merged_into__isnull=True).values_list("pk", flat=True)
    wanted = set(current)
    for person_id, name in form_model.objects.values_list("person_id", "name"):
        if person_id in wanted and name.strip():
            names.setdefault(person_id, set()).update(blocking_keys(name).stored)
    rows = [key_model(person_id=pk, key=k) for pk, keys in names.items() for k in sorted(keys)]
    key_model.objects.bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0005_publication")]  # noqa: RUF012

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]  # noqa: RUF012
