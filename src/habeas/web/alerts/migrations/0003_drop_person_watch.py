"""PersonWatch gave way to the store's PersonStatus (its look_again_on day)."""

from django.db import migrations


class Migration(migrations.Migration):  # type: ignore[misc]
    dependencies = [("alerts", "0002_encrypt_support_notes")]  # noqa: RUF012

    operations = [migrations.DeleteModel(name="PersonWatch")]  # noqa: RUF012
