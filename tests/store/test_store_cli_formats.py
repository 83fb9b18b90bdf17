"""`--format json`: each command that prints results prints JSON Lines a script can read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.cli.main import main

PLAIN = "Ruslan Ostapchuk was detained at a picket on Sunday and released the same evening.\n"


def _json_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_people_search_alerts_check_and_backup_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "note.txt").write_text(PLAIN, encoding="utf-8")
    assert main(["ingest", "--lang", "en", "--format", "json", str(tmp_path / "note.txt")]) == 0
    [stored] = _json_lines(capsys)
    assert stored["outcome"] == "stored" and stored["persons"] == 1

    assert main(["people", "search", "Ostapchuk", "--format", "json"]) == 0
    [hit] = _json_lines(capsys)
    assert hit["name"] == "Ruslan Ostapchuk" and isinstance(hit["person_id"], int)

    assert main(["alerts", "check", "--today", "2025-06-01", "--format", "json"]) == 0
    [checked] = _json_lines(capsys)
    # Only persons whose stored status is due are looked at; a suggestion makes none due.
    assert checked == {
        "checked": 0,
        "new_alerts": 0,
        "notifications_sent": 0,
        "notifications_failed": 0,
    }

    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", "a passphrase for the format test")
    assert main(["backup", str(tmp_path / "b.habeas"), "--format", "json"]) == 0
    [wrote] = _json_lines(capsys)
    assert wrote["file"] == str(tmp_path / "b.habeas") and int(str(wrote["rows"])) > 0


def test_an_empty_feed_list_as_json_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["feeds", "list", "--format", "json"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["feeds", "list"]) == 0
    assert capsys.readouterr().out.startswith("no feeds yet")
