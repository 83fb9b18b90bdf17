"""Keep each name form prepared for comparison (`NameForm.prepared`).

Identity resolution compares an arriving name with up to 50 candidates'
names; a process that has not prepared those names yet (every `habeas
ingest` run) spent about a third of that comparison preparing them. The
forms stored before are prepared here, with the identity code of the day;
forms prepared by other code are ignored when read (their stamp differs).
"""

from typing import Any

from django.db import migrations, models

from habeas.identity.forms import encode_prepared, prepare_name


def fill(apps: Any, schema_editor: Any) -> None:
    form_model = apps.get_model("store", "NameForm")
    rows = []
    for form in form_model.objects.only("pk", "name").iterator(chunk_size=5000):
        if form.name.strip():
            form.prepared = encode_prepared(prepare_name(form.name))
            rows.append(form)
    form_model.objects.bulk_update(rows, ["prepared"], batch_size=2000)


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("store", "0010_alert_counts_status_notes")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.AddField(
            model_name="nameform",
            name="prepared",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
