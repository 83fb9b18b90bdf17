"""Support notes encrypted at rest (existing rows too); per-channel consent to confidential support.

The notes are encrypted with the instance's data key (habeas.web.encrypted);
reversing the migration writes them back in the clear.
"""

from django.db import migrations, models

import habeas.web.encrypted


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("alerts", "0002_follow_list_and_alert_scope")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.AlterField(
            model_name="supportaction",
            name="note",
            field=habeas.web.encrypted.EncryptedTextField(blank=True, default=""),
        ),
        habeas.web.encrypted.encrypt_column_operation("alerts", "SupportAction", "note"),
        migrations.AddField(
            model_name="subscription",
            name="calendar_confidential",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="subscription",
            name="email_confidential",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="subscription",
            name="webhook_confidential",
            field=models.BooleanField(default=False),
        ),
    ]
