"""`habeas backup` and `habeas restore`: an encrypted copy that comes back whole, and only once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fictional_extractor import FixedNameExtractor
from store_support import article

from habeas.cli.main import main

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def filled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports from text and HTML (with snapshots), an editor, and a confirmed event."""
    from django.contrib.auth.models import User

    from habeas.web.store.models import Event, EventStatus
    from habeas.web.store.services import ingest_bytes, ingest_text, set_event_status

    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    extractor = FixedNameExtractor()
    ingest_text("Ruslan Ostapchuk was detained at dawn.", name="a.txt", extractor=extractor)
    page = article("Held", "Police detained Nadira Velikhanli near the court on Monday.")
    ingest_bytes(page, filename="held.html", extractor=extractor)
    editor = User.objects.create_user("alice", password="a long enough secret")
    event = Event.objects.order_by("id").first()
    set_event_status(event, EventStatus.CONFIRMED, user=editor, why="two sources agree")


def _restore_elsewhere(
    backup: Path, home: Path, *, passphrase: str = PASSPHRASE, keys_dir: Path | None = None
) -> Any:
    from django.conf import settings

    # The new instance is given the old one's keys, as the restore instructions say.
    env = {
        **{k: v for k, v in os.environ.items() if k != "HABEAS_DATABASE_URL"},
        "HABEAS_HOME": str(home),
        "HABEAS_BACKUP_PASSPHRASE": passphrase,
        "HABEAS_KEYS_DIR": str(keys_dir or settings.HABEAS_KEYS_DIR),
    }
    command = [sys.executable, "-m", "habeas.cli.main", "restore", str(backup)]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_backup_restores_into_an_empty_instance_exactly(
    filled: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.conf import settings

    from habeas.web.transfer import close_database, data_models, open_database, table_rows

    backup = tmp_path / "habeas.backup"
    assert main(["backup", str(backup)]) == 0
    assert "snapshots" in capsys.readouterr().out
    assert b"Ostapchuk" not in backup.read_bytes()

    home = tmp_path / "restored"
    done = _restore_elsewhere(backup, home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("restored ")

    old_snapshots, new_snapshots = Path(settings.HABEAS_SNAPSHOT_DIR), home / "snapshots"
    assert _files(new_snapshots) == _files(old_snapshots) != {}
    open_database("restored", f"sqlite:///{home / 'habeas.sqlite3'}", migrate=False)
    try:
        compared = 0
        for model in data_models("default"):
            want = list(table_rows(model, using="default"))
            got = list(table_rows(model, using="restored"))
            if model._meta.db_table == "audit_auditentry":
                # The source logged the backup after taking it; the copy logged its restore.
                assert [r[-1] for r in got[:-1]] == [r[-1] for r in want[:-1]]
                assert (want[-1][4], got[-1][4]) == ("backup", "restore")
                want, got = want[:-1], got[:-1]
            if model._meta.db_table == "audit_audithead":
                assert got[0][1] == want[0][1]  # as many entries: backup here, restore there
                continue
            if model._meta.db_table == "store_source":
                want = [[_moved(v, old_snapshots, new_snapshots) for v in row] for row in want]
            assert got == want, model._meta.db_table
            compared += len(want)
    finally:
        close_database("restored")
    assert compared > 20  # persons, events, evidence, versions, audit entries, the editor…


def _moved(value: Any, old: Path, new: Path) -> Any:
    if isinstance(value, str) and value.startswith(f"{old}/"):
        return f"{new}{value[len(str(old)) :]}"
    return value


def test_restore_refuses_an_instance_that_holds_data(filled: None, tmp_path: Path) -> None:
    backup = tmp_path / "habeas.backup"
    assert main(["backup", str(backup)]) == 0
    home = tmp_path / "restored"
    assert _restore_elsewhere(backup, home).returncode == 0

    again = _restore_elsewhere(backup, home)

    assert again.returncode == 2
    assert again.stderr == (
        "habeas: this instance's database already holds data; "
        "restore and migrate only into an empty one\n"
    )


def test_a_wrong_passphrase_or_a_changed_byte_is_refused(filled: None, tmp_path: Path) -> None:
    backup = tmp_path / "habeas.backup"
    assert main(["backup", str(backup)]) == 0
    wrong = _restore_elsewhere(backup, tmp_path / "a", passphrase="not it")
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 1
    changed = tmp_path / "changed.backup"
    changed.write_bytes(bytes(data))
    damaged = _restore_elsewhere(changed, tmp_path / "b")

    message = "habeas: the backup cannot be opened: wrong passphrase, or the file was changed\n"
    assert (wrong.returncode, wrong.stderr) == (2, message)
    assert (damaged.returncode, damaged.stderr) == (2, message)
