"""The audit key, and signed checkpoints of the chain's head kept outside the database.

The key (HABEAS_AUDIT_KEY, else the instance's `audit.key` beside the data
keys) keys every entry's HMAC and signs each checkpoint. Someone who can write
the database but not read the key cannot forge an entry or rewrite the chain.

A checkpoint is `{"seq", "entry_hash", "mac"}`: the position and HMAC of the
last committed entry, signed. It is rewritten after every commit that adds
entries (HABEAS_AUDIT_CHECKPOINT, default HABEAS_HOME/audit-checkpoint.json)
and put into each backup, so cutting entries off the end, or emptying the log,
leaves the chain short of a checkpoint that cannot be forged either.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from habeas.errors import HabeasError
from habeas.files import write_atomically
from habeas.web.instance_keys import AUDIT_KEY_FILE

FORMAT = "habeas-audit-checkpoint/1"


class AuditKeyError(HabeasError):
    """The audit key is missing or unreadable."""


def audit_key() -> bytes:
    """The key of the chain's HMACs: HABEAS_AUDIT_KEY, else the instance's audit.key file."""
    from django.conf import settings

    inline = os.environ.get("HABEAS_AUDIT_KEY", "").strip()
    if inline:
        return inline.encode("utf-8")
    path = Path(settings.HABEAS_KEYS_DIR) / AUDIT_KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        raise AuditKeyError(
            f"the audit key {path} cannot be read: restore it from where the keys are kept, "
            "or set HABEAS_AUDIT_KEY"
        ) from None
    if not text:
        raise AuditKeyError(f"the audit key file {path} is empty")
    return text.encode("ascii")


def mac(key: bytes, text: str) -> str:
    """HMAC-SHA256 of `text` under `key`, in hex."""
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    seq: int
    entry_hash: str

    def _signed_text(self) -> str:
        return f"{FORMAT}|{self.seq}|{self.entry_hash}"

    def sealed(self, key: bytes) -> dict[str, Any]:
        """The checkpoint as JSON-ready data with its signature."""
        return {
            "format": FORMAT,
            "seq": self.seq,
            "entry_hash": self.entry_hash,
            "mac": mac(key, self._signed_text()),
        }

    @classmethod
    def opened(cls, data: Any, key: bytes) -> Checkpoint:
        """The checkpoint in `data`; CheckpointInvalid when malformed or wrongly signed."""
        try:
            point = cls(int(data["seq"]), str(data["entry_hash"]))
            signature = str(data["mac"])
            ok = data.get("format") == FORMAT
        except (KeyError, TypeError, ValueError, AttributeError):
            raise CheckpointInvalid("the audit checkpoint is malformed") from None
        if not ok or not hmac.compare_digest(signature, mac(key, point._signed_text())):
            raise CheckpointInvalid("the audit checkpoint's signature does not match the audit key")
        return point


class CheckpointInvalid(HabeasError):
    """A checkpoint that is malformed or not signed with this instance's audit key."""


def checkpoint_path() -> Path:
    from django.conf import settings

    return Path(settings.HABEAS_AUDIT_CHECKPOINT)


def read_checkpoint(path: Path | None = None) -> Checkpoint | None:
    """The instance's checkpoint; None when there is no file; CheckpointInvalid when forged."""
    path = path or checkpoint_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CheckpointInvalid(f"the audit checkpoint {path} cannot be read ({exc})") from None
    try:
        data = json.loads(raw)
    except ValueError:
        raise CheckpointInvalid(f"the audit checkpoint {path} is not JSON") from None
    return Checkpoint.opened(data, audit_key())


def write_checkpoint(point: Checkpoint, *, force: bool = False) -> None:
    """Write `point` atomically, unless the file already holds a later one (or `force`).

    A lock file keeps two processes committing at once from writing an older
    head over a newer one.
    """
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = audit_key()
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force:
            try:
                current = read_checkpoint(path)
            except CheckpointInvalid:
                current = None  # a damaged file is replaced; verify reports the chain itself
            if current is not None and current.seq >= point.seq:
                return
        write_atomically(path, json.dumps(point.sealed(key)))
