"""Encrypted, verifiable backups of the database and the snapshot directory, and restores.

A backup file is ``HABEAS-BACKUP-1\\n`` + a 16-byte salt + a Fernet token. The
token's key is derived from a passphrase with scrypt (n=2**15, r=8, p=1), so
the file opens where only the passphrase is known; Fernet's HMAC makes any
change to the file fail to open. Inside is a tar archive:

    manifest.json          format, time, each table's row count and SHA-256,
                           the SHA-256 of every other member, and the signed
                           checkpoint of the audit chain's head at that moment
    tables/<table>.jsonl   one canonical JSON row a line, primary-key order
    snapshots/<path>       the snapshot files, by their path under the directory

The database is read consistently while the app runs: SQLite through its
online backup API (a copy of the file taken in one step), PostgreSQL inside a
REPEATABLE READ transaction. Encrypted columns are kept as their tokens, so
restoring them needs the same data keys as before, and the audit chain the
same audit key: a restore refuses, with one sentence, a backup whose values or
checkpoint this instance's keys cannot open (copy the old instance's keys
directory first). Backups and restores are written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.fernet import InvalidToken
from django.db import connections, transaction

from habeas import __version__
from habeas.crypto import SALT_BYTES, passphrase_fernet
from habeas.errors import InputError
from habeas.files import write_atomically
from habeas.web.audit.chain import record, verify
from habeas.web.audit.checkpoint import Checkpoint, CheckpointInvalid, audit_key, write_checkpoint
from habeas.web.audit.models import AuditAction, AuditHead
from habeas.web.transfer import (
    OnProgress,
    canonical_row,
    close_database,
    data_models,
    load_tables,
    no_progress,
    open_database,
    refuse_unless_empty,
    table_rows,
)

MAGIC = b"HABEAS-BACKUP-1\n"
FORMAT = "habeas-backup/1"
_MANIFEST = "manifest.json"
# Source rows keep the absolute path of their snapshot; a restore points them at the new directory.
_PATH_COLUMN = ("store_source", "snapshot_path")


@dataclass(frozen=True, slots=True)
class BackupSummary:
    tables: int
    rows: int
    snapshots: int
    bytes: int


def snapshot_dir() -> Path:
    """This instance's snapshot directory (HABEAS_HOME/snapshots)."""
    from django.conf import settings

    return Path(settings.HABEAS_SNAPSHOT_DIR)


def write_backup(
    target: Path, *, passphrase: str, snapshot_dir: Path, on_progress: OnProgress = None
) -> BackupSummary:
    """Write an encrypted backup of the default database and `snapshot_dir` to `target`.

    `on_progress(done, total)` is called after each table and snapshot file.
    """
    members: dict[str, bytes] = {}
    tables: dict[str, dict[str, Any]] = {}
    tick = on_progress or no_progress
    with _consistent_view() as using:
        checkpoint = _head_checkpoint(using)
        models = data_models(using)
        for done, model in enumerate(models, start=1):
            lines = [canonical_row(row) for row in table_rows(model, using=using)]
            body = "".join(line + "\n" for line in lines).encode("utf-8")
            name = model._meta.db_table
            members[f"tables/{name}.jsonl"] = body
            tables[name] = {"rows": len(lines), "sha256": hashlib.sha256(body).hexdigest()}
            tick(done, len(models))
    snapshots = 0
    if snapshot_dir.is_dir():
        # a capture still being written (.tmp-) has no committed row either
        files = sorted(
            p for p in snapshot_dir.rglob("*") if p.is_file() and not p.name.startswith(".tmp-")
        )
        for path in files:
            members[f"snapshots/{path.relative_to(snapshot_dir).as_posix()}"] = path.read_bytes()
            snapshots += 1
            tick(len(models) + snapshots, len(models) + len(files))
    manifest = {
        "format": FORMAT,
        "habeas": __version__,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "snapshot_dir": str(snapshot_dir),
        "tables": tables,
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
        "audit_checkpoint": checkpoint,
    }
    archive = _tar({_MANIFEST: json.dumps(manifest, indent=1).encode("utf-8"), **members})
    salt = os.urandom(SALT_BYTES)
    sealed = MAGIC + salt + passphrase_fernet(passphrase, salt).encrypt(archive)
    write_atomically(target, sealed)
    rows = sum(t["rows"] for t in tables.values())
    record(
        None,
        AuditAction.BACKUP,
        str(target.expanduser().absolute()),
        {"rows": rows, "tables": len(tables), "snapshots": snapshots, "up_to": checkpoint["seq"]},
    )
    return BackupSummary(len(tables), rows, snapshots, len(sealed))


def _head_checkpoint(using: str) -> dict[str, Any]:
    """The signed checkpoint of the audit chain's head as the backup sees it."""
    from habeas.web.audit.chain import GENESIS

    head = AuditHead.objects.using(using).first()
    point = Checkpoint(head.seq, head.entry_hash) if head else Checkpoint(0, GENESIS)
    return point.sealed(audit_key())


def backup_checkpoint(manifest: dict[str, Any]) -> Checkpoint:
    """The audit checkpoint in a backup's manifest; InputError when this key cannot open it."""
    try:
        return Checkpoint.opened(manifest.get("audit_checkpoint"), audit_key())
    except CheckpointInvalid:
        raise InputError(
            "the backup's audit checkpoint does not match this instance's audit key: "
            "copy the keys directory of the instance the backup came from"
        ) from None


@contextmanager
def _consistent_view() -> Iterator[str]:
    connection = connections["default"]
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory(prefix="habeas-backup-") as tmp:
            copy = Path(tmp) / "copy.sqlite3"
            connection.ensure_connection()
            destination = sqlite3.connect(copy)
            try:
                connection.connection.backup(destination)
            finally:
                destination.close()
            open_database("backup_copy", f"sqlite:///{copy}", migrate=False)
            try:
                yield "backup_copy"
            finally:
                close_database("backup_copy")
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield "default"


def _tar(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def read_backup(source: Path, *, passphrase: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and members of a backup, each member checked against the manifest."""
    try:
        sealed = source.read_bytes()
    except OSError as exc:
        raise InputError(f"the backup {source} cannot be read ({exc.strerror})") from None
    if not sealed.startswith(MAGIC) or len(sealed) <= len(MAGIC) + SALT_BYTES:
        raise InputError(f"{source} is not a habeas backup")
    salt = sealed[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    try:
        archive = passphrase_fernet(passphrase, salt).decrypt(sealed[len(MAGIC) + SALT_BYTES :])
    except InvalidToken:
        raise InputError(
            "the backup cannot be opened: wrong passphrase, or the file was changed"
        ) from None
    members = _untar(archive)
    try:
        manifest = json.loads(members.pop(_MANIFEST))
    except (KeyError, ValueError):
        raise InputError("the backup has no readable manifest") from None
    if manifest.get("format") != FORMAT:
        raise InputError(f"the backup's format {manifest.get('format')!r} is not {FORMAT}")
    listed: dict[str, str] = manifest["members"]
    if set(listed) != set(members):
        raise InputError("the backup's members do not match its manifest")
    for name, data in members.items():
        if hashlib.sha256(data).hexdigest() != listed[name]:
            raise InputError(f"the backup's member {name} does not match its SHA-256")
    return manifest, members


def _untar(archive: bytes) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r") as tar:
            for info in tar:
                name = PurePosixPath(info.name)
                # Read into memory only, never extracted: no path can escape the target.
                if not info.isfile() or name.is_absolute() or ".." in name.parts:
                    raise InputError(f"the backup holds an unexpected member {info.name!r}")
                stream = tar.extractfile(info)
                members[info.name] = stream.read() if stream else b""
    except tarfile.TarError as exc:
        raise InputError(f"the backup's archive is damaged ({exc})") from None
    return members


def restore_backup(
    source: Path, *, passphrase: str, snapshot_dir: Path, on_progress: OnProgress = None
) -> BackupSummary:
    """Restore a backup into the default database and `snapshot_dir`, which must both be empty.

    `on_progress(done, total)` is called after each table and snapshot file.
    """
    manifest, members = read_backup(source, passphrase=passphrase)
    refuse_unless_empty(using="default", what="this instance's database")
    checkpoint = backup_checkpoint(manifest)
    if snapshot_dir.is_dir() and any(p.is_file() for p in snapshot_dir.rglob("*")):
        raise InputError(f"the snapshot directory {snapshot_dir} already holds files")
    old_dir = str(manifest.get("snapshot_dir", ""))
    tables = []
    for name in manifest["tables"]:
        body = members[f"tables/{name}.jsonl"].decode("utf-8")
        table = [json.loads(line) for line in body.splitlines()]
        if name == _PATH_COLUMN[0]:
            table = _moved_paths(name, table, old=old_dir, new=str(snapshot_dir))
        tables.append((name, table))
    _refuse_unopenable_values(tables)
    snapshots = 0
    files = sum(1 for name in members if name.startswith("snapshots/"))
    tick = on_progress or no_progress
    total = len(tables) + files
    # Files are written before the rows commit, so no restored row points to a missing file.
    with transaction.atomic():
        rows = load_tables(tables, using="default", on_progress=lambda n, _: tick(n, total))
        check = verify(against=checkpoint, local=False)
        if not check.ok:
            raise InputError(f"the backup's audit log is broken: {check.problem}")
        for name, data in members.items():
            if name.startswith("snapshots/"):
                path = snapshot_dir / PurePosixPath(name).relative_to("snapshots")
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, data)
                snapshots += 1
                tick(len(tables) + snapshots, total)
        # The backup's head becomes this instance's checkpoint; the entry below then moves it on.
        transaction.on_commit(lambda: write_checkpoint(checkpoint, force=True))
        record(
            None,
            AuditAction.RESTORE,
            str(source.expanduser().absolute()),
            {"rows": rows, "tables": len(tables), "snapshots": snapshots, "up_to": checkpoint.seq},
        )
    return BackupSummary(len(tables), rows, snapshots, len(members))


def _refuse_unopenable_values(tables: list[tuple[str, list[list[Any]]]]) -> None:
    """InputError unless this instance's data keys open every encrypted value in the backup."""
    from habeas.crypto import EncryptionError
    from habeas.web.encrypted import data_cipher, encrypted_columns

    by_table = {t: rows for t, rows in tables}
    for model, field in encrypted_columns():
        rows = by_table.get(model._meta.db_table)
        if not rows:
            continue
        index = [f.column for f in model._meta.concrete_fields].index(field.column)
        try:
            cipher = data_cipher()
            for row in rows:
                if row[index] is not None:
                    cipher.decrypt(row[index])
        except EncryptionError:
            raise InputError(
                f"this instance's data keys cannot open the backup's {model._meta.db_table}."
                f"{field.column} values: copy the keys directory (or HABEAS_ENCRYPTION_KEYS) "
                "of the instance the backup came from"
            ) from None


def _moved_paths(table: str, rows: list[list[Any]], *, old: str, new: str) -> list[list[Any]]:
    model = next(m for m in data_models("default") if m._meta.db_table == table)
    index = [f.column for f in model._meta.concrete_fields].index(_PATH_COLUMN[1])
    for row in rows:
        value = row[index]
        if old and isinstance(value, str) and value.startswith(old.rstrip("/") + "/"):
            row[index] = new.rstrip("/") + value[len(old.rstrip("/")) :]
    return rows
