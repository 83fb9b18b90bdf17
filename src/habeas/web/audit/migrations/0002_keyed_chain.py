"""The audit chain keyed with HMAC-SHA256 (the key outside the database), and a backup action.

Entries written before are re-chained under the key once, and the first
signed checkpoint of the head is written outside the database.
"""

from typing import Any

from django.db import migrations, models


def _rechain(apps: Any, schema_editor: Any) -> None:
    from habeas.web.audit.chain import rechain

    rechain(apps.get_model("audit", "AuditEntry"), apps.get_model("audit", "AuditHead"))


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("audit", "0001_audit_log")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("login", "Login"),
                    ("login_failed", "Login Failed"),
                    ("logout", "Logout"),
                    ("export", "Export"),
                    ("permission_change", "Permission Change"),
                    ("edit", "Edit"),
                    ("key_rotation", "Key Rotation"),
                    ("backup", "Backup"),
                    ("restore", "Restore"),
                ],
                max_length=32,
            ),
        ),
        migrations.RunPython(_rechain, migrations.RunPython.noop),
    ]
