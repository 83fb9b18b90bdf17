"""Tampering with the audit log as someone who can write the database (but not read the keys).

Each test does what an attacker with the database would do, fixing up the
head row so that the chain looks whole, and `habeas audit verify` must still
say it is broken: entries cut off the end, every entry deleted, and the chain
rewritten without some entries.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from habeas.cli.main import main

PASSPHRASE = "a passphrase for the tampering tests"


def _sql(statement: str, *params: Any) -> list[Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return list(cursor.fetchall()) if cursor.description else []


def _log(n: int = 6) -> None:
    """n entries: logins, failed logins and an edit, as the app writes them."""
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    actions = [AuditAction.LOGIN, AuditAction.LOGIN_FAILED, AuditAction.EDIT]
    for i in range(n):
        record("user:alice", actions[i % 3], f"thing:{i}", {"i": i})


def _verify(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _set_head(seq: int) -> None:
    from habeas.web.audit.chain import GENESIS

    rows = _sql("SELECT entry_hash FROM audit_auditentry WHERE seq = %s", seq)
    _sql(
        "UPDATE audit_audithead SET seq = %s, entry_hash = %s", seq, rows[0][0] if rows else GENESIS
    )


def test_entries_cut_off_the_end_are_found(capsys: pytest.CaptureFixture[str]) -> None:
    _log(6)
    assert _verify(capsys)[0] == 0
    _sql("DELETE FROM audit_auditentry WHERE seq > 4")
    _set_head(4)  # the head row now agrees with the shortened chain

    code, said = _verify(capsys)
    assert code == 1
    assert "entries #5 to #6 are missing (the checkpoint reaches #6)" in said


def test_deleting_every_entry_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    _log(3)
    _sql("DELETE FROM audit_auditentry")
    _sql("DELETE FROM audit_audithead")

    code, said = _verify(capsys)
    assert code == 1
    assert "entries #1 to #3 are missing" in said


def _rewrite_without(action: str, *, key: bytes | None) -> None:
    """Rebuild the chain without `action`'s entries, hashing as the attacker can, and fix the head.

    key=None: plain SHA-256 (the chain's former, unkeyed scheme); else an HMAC under a guessed key.
    """
    import hmac

    from django.utils.dateparse import parse_datetime

    from habeas.web.audit.chain import GENESIS, canonical_json

    rows = _sql(
        "SELECT id, created_at, actor, action, target, details FROM audit_auditentry "
        "WHERE action <> %s ORDER BY seq",
        action,
    )
    _sql("DELETE FROM audit_auditentry WHERE action = %s", action)
    _sql("UPDATE audit_auditentry SET seq = seq + 1000")
    prev = GENESIS
    for seq, (pk, created_at, actor, act, target, details) in enumerate(rows, start=1):
        moment = created_at if not isinstance(created_at, str) else parse_datetime(created_at)
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        body = canonical_json(
            {
                "seq": seq,
                "created_at": stamp,
                "actor": actor,
                "action": act,
                "target": target,
                "details": details,
            }
        ).encode()
        data = prev.encode() + body
        new = (
            hashlib.sha256(data).hexdigest()
            if key is None
            else hmac.new(key, data, hashlib.sha256).hexdigest()
        )
        _sql(
            "UPDATE audit_auditentry SET seq = %s, prev_hash = %s, entry_hash = %s WHERE id = %s",
            seq,
            prev,
            new,
            pk,
        )
        prev = new
    _set_head(len(rows))


@pytest.mark.parametrize("key", [None, b"a guessed key"], ids=["sha256", "guessed-hmac-key"])
def test_a_chain_rewritten_without_failed_logins_is_found(
    key: bytes | None, capsys: pytest.CaptureFixture[str]
) -> None:
    _log(9)
    _rewrite_without("login_failed", key=key)

    code, said = _verify(capsys)
    assert code == 1
    assert "entry #1 was altered" in said


def test_a_rewritten_checkpoint_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from habeas.web.audit.checkpoint import checkpoint_path

    _log(6)
    _sql("DELETE FROM audit_auditentry WHERE seq > 4")
    _set_head(4)
    entry4 = _sql("SELECT entry_hash FROM audit_auditentry WHERE seq = 4")[0][0]
    # The attacker rewrites the file to end at #4, but cannot sign it.
    data = json.loads(checkpoint_path().read_text())
    data.update(seq=4, entry_hash=entry4)
    checkpoint_path().write_text(json.dumps(data))

    code, said = _verify(capsys)
    assert code == 1
    assert "signature does not match the audit key" in said


def test_a_deleted_checkpoint_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    from habeas.web.audit.checkpoint import checkpoint_path

    _log(2)
    checkpoint_path().unlink()

    code, said = _verify(capsys)
    assert code == 1
    assert "audit-checkpoint.json is missing" in said


def test_the_checkpoint_in_a_backup_catches_a_cut_that_the_instance_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.audit.chain import record
    from habeas.web.audit.checkpoint import checkpoint_path, read_checkpoint, write_checkpoint

    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    _log(5)
    backup = tmp_path / "audit.backup"
    assert main(["backup", str(backup)]) == 0  # the backup's checkpoint: #5; the log: #6 (backup)
    old = read_checkpoint()
    assert old is not None and old.seq == 6
    # Entries #4 to #6 go, and the attacker brings back an old, genuinely signed checkpoint (#3).
    checkpoint_path().unlink()
    _sql("DELETE FROM audit_auditentry WHERE seq > 3")
    _set_head(3)
    from habeas.web.audit.checkpoint import Checkpoint

    entry3 = _sql("SELECT entry_hash FROM audit_auditentry WHERE seq = 3")[0][0]
    write_checkpoint(Checkpoint(3, entry3), force=True)
    assert _verify(capsys)[0] == 0  # the instance alone cannot tell

    code, said = _verify(capsys, "--backup", str(backup))
    assert code == 1
    assert "entries #4 to #5 are missing (the backup's checkpoint reaches #5)" in said
    record(None, "edit", "x")  # the app keeps working on the shortened chain


def test_backups_and_restores_are_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.audit.models import AuditEntry

    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    _log(2)
    backup = tmp_path / "a.backup"
    assert main(["backup", str(backup)]) == 0
    last = AuditEntry.objects.order_by("-seq").first()
    assert (last.action, last.target) == ("backup", str(backup))
    assert json.loads(last.details)["up_to"] == 2
    assert _verify(capsys)[0] == 0


def test_the_upgrade_rechains_an_unkeyed_log(capsys: pytest.CaptureFixture[str]) -> None:
    """Migration 0002_keyed_chain: a log hashed with plain SHA-256 is re-chained under the key."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from habeas.web.audit.chain import rechain

    _log(4)
    _rewrite_without("nothing", key=None)  # the chain as the former version wrote it
    assert _verify(capsys)[0] == 1

    state = MigrationLoader(connection).project_state(("audit", "0001_audit_log"))
    entries, head = (
        state.apps.get_model("audit", "AuditEntry"),
        state.apps.get_model("audit", "AuditHead"),
    )
    assert rechain(entries, head) == 4

    code, said = _verify(capsys)
    assert (code, said.strip()) == (0, "audit log intact: 4 entries")


def test_a_backup_of_a_broken_log_is_kept_but_its_maker_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HABEAS_BACKUP_PASSPHRASE", PASSPHRASE)
    _log(4)
    assert main(["backup", str(tmp_path / "good.backup"), "--quiet"]) == 0
    assert "warning" not in capsys.readouterr().err
    _sql("UPDATE audit_auditentry SET actor = 'user:mallory' WHERE seq = 2")

    code = main(["backup", str(tmp_path / "bad.backup"), "--quiet"])
    said = capsys.readouterr().err
    assert code == 1
    assert "entry #2 was altered" in said and "habeas restore" in said
    assert (tmp_path / "bad.backup").stat().st_size > 0  # the data is still saved
