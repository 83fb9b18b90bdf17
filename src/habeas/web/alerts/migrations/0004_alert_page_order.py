"""The alerts page reads open alerts newest first, a page at a time: an index in that order."""

from django.db import migrations, models


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("alerts", "0003_drop_person_watch")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(fields=["state", "-date_text", "-id"], name="alert_state_date"),
        ),
    ]
