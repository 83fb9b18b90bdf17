"""The named migrations describe the models exactly."""

from __future__ import annotations

import io


def test_no_model_change_is_missing_a_migration() -> None:
    from django.core.management import call_command

    out = io.StringIO()
    # --check exits with status 1 when a migration would be written.
    call_command("makemigrations", "store", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
