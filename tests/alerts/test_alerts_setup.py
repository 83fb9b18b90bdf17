"""The alerts app's migrations match its models, and its settings are documented."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from habeas import config

REPO = Path(__file__).resolve().parents[2]


def test_no_model_change_is_missing_a_migration() -> None:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("makemigrations", "alerts", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_notification_setting_is_documented() -> None:
    guide = (REPO / "docs" / "alerts.md").read_text(encoding="utf-8")
    assert config.__doc__ is not None
    names = [f"HABEAS_{f.name.upper()}" for f in dataclasses.fields(config.Notifications)]
    missing = [n for n in names if n not in config.__doc__ or f"`{n}`" not in guide]
    assert missing == []


def test_notification_defaults_turn_the_channels_off() -> None:
    settings = config.load_notifications({})
    assert (settings.smtp_host, settings.webhook_url, settings.smtp_port) == ("", "", 25)
