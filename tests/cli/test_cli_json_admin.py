"""`--format json` on the admin commands: users list and unlock, audit verify, keys rotate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _habeas(home: Path, *argv: str, key: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    env["HABEAS_HOME"] = str(home)
    if key:
        env["HABEAS_ENCRYPTION_KEYS"] = key
    env["PYTHONPATH"] = str(REPO / "src")
    return subprocess.run(
        [sys.executable, "-m", "habeas.cli.main", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_admin_commands_print_one_json_object_per_result(tmp_path: Path) -> None:
    home = tmp_path / "h"
    assert _habeas(home, "users", "add", "alice", "--role", "editor").returncode == 0

    listed = _habeas(home, "users", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [json.loads(line) for line in listed.stdout.splitlines()] == [
        {"name": "alice", "role": "editor"}
    ]

    unlocked = _habeas(home, "users", "unlock", "alice", "--format", "json")
    assert json.loads(unlocked.stdout) == {"name": "alice", "lockouts_removed": 0}

    verified = _habeas(home, "audit", "verify", "--format", "json")
    assert verified.returncode == 0, verified.stderr
    found = json.loads(verified.stdout)
    assert found["intact"] is True and found["checked"] >= 1 and found["problem"] is None

    key = _habeas(home, "keys", "generate").stdout.strip()
    rotated = _habeas(home, "keys", "rotate", "--format", "json", key=key)
    assert rotated.returncode == 0, rotated.stderr
    assert set(json.loads(rotated.stdout)) == {"values", "columns"}
