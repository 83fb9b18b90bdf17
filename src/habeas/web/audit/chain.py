"""Appending to the audit log and checking its keyed hash chain.

An entry is written in the caller's transaction: an edit that is rolled back
leaves no audit entry, and an edit that is committed always has one. Appenders
take a lock on the single head row, so two processes never claim the same
position in the chain.

Each entry carries HMAC-SHA256(audit key, previous entry's HMAC + its own
canonical JSON); the key is kept outside the database (habeas.web.audit.checkpoint),
so an entry cannot be forged, nor the chain rewritten, by someone who can only
write the database. After each commit that adds entries, a signed checkpoint
of the head is written outside the database; `verify` requires the chain to
reach it, so entries cut off the end (or all of them) are found missing.

Other areas record what they do with `record(actor, action, target, details)`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from habeas.web.audit.checkpoint import (
    Checkpoint,
    CheckpointInvalid,
    audit_key,
    checkpoint_path,
    mac,
    read_checkpoint,
    write_checkpoint,
)
from habeas.web.audit.models import AuditAction, AuditEntry, AuditHead

log = logging.getLogger(__name__)

GENESIS = "0" * 64
_HEAD_ID = 1


def canonical_json(value: Any) -> str:
    """The one JSON text of `value` that is hashed: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    *,
    prev_hash: str,
    seq: int,
    created_at: dt.datetime,
    actor: str,
    action: str,
    target: str,
    details: str,
    key: bytes | None = None,
) -> str:
    """The HMAC-SHA256 (hex) under the audit key that an entry with these values must carry."""
    body = canonical_json(
        {
            "seq": seq,
            "created_at": _timestamp(created_at),
            "actor": actor,
            "action": action,
            "target": target,
            "details": details,
        }
    )
    return mac(audit_key() if key is None else key, prev_hash + body)


def actor_label(actor: Any) -> str:
    """How an actor is written in the log: `user:NAME`, a given text (e.g. an engine), `system`."""
    if actor is None or actor == "":
        return "system"
    if isinstance(actor, str):
        return actor
    username = getattr(actor, "get_username", None)
    if callable(username):
        return f"user:{username()}"
    return str(actor)


def target_label(target: Any) -> str:
    """How a target is written: `app.model:pk` for a stored object, else its text."""
    if target is None:
        return ""
    meta = getattr(target, "_meta", None)
    if meta is not None:
        return f"{meta.label_lower}:{target.pk}"
    return str(target)


def record(
    actor: Any, action: AuditAction | str, target: Any, details: Mapping[str, Any] | None = None
) -> AuditEntry:
    """Append an entry to the audit log (in the caller's transaction, if there is one).

    `actor` is a user, a text such as an engine name, or None for the system;
    `target` a stored object or a text; `details` JSON-serialisable values
    (never a confidential value itself: the log is not encrypted). Once the
    transaction commits, the checkpoint outside the database moves to this entry.
    """
    return record_many([(actor, action, target, details)])[0]


Appended = tuple[Any, AuditAction | str, Any, Mapping[str, Any] | None]


def record_many(items: Sequence[Appended]) -> list[AuditEntry]:
    """Append several entries (actor, action, target, details), as `record` does one.

    One lock of the head, one insert and one checkpoint for all of them: what a
    stored report's person and events cost, instead of three of each.
    """
    if not items:
        return []
    key = audit_key()
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=_HEAD_ID, defaults={"seq": 0, "entry_hash": GENESIS}
        )
        entries = []
        seq, prev = head.seq, head.entry_hash
        for actor, action, target, details in items:
            seq += 1
            entry = AuditEntry(
                seq=seq,
                created_at=timezone.now(),
                actor=actor_label(actor)[:255],
                action=AuditAction(action).value,
                target=target_label(target)[:255],
                details=canonical_json(dict(details or {})),
                prev_hash=prev,
            )
            entry.entry_hash = prev = _hash_of(entry, prev_hash=prev, key=key)
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        head.seq, head.entry_hash = seq, prev
        head.save(update_fields=["seq", "entry_hash"])
        point = Checkpoint(seq, prev)
        transaction.on_commit(lambda: _checkpoint_after_commit(point))
    return entries


def _checkpoint_after_commit(point: Checkpoint) -> None:
    try:
        write_checkpoint(point)
    except OSError as exc:
        # The entry is committed; a checkpoint that lags shows as such in `verify`.
        log.warning("the audit checkpoint could not be written: %s", exc)


def _hash_of(entry: AuditEntry, *, prev_hash: str, key: bytes) -> str:
    return entry_hash(
        key=key,
        prev_hash=prev_hash,
        seq=entry.seq,
        created_at=entry.created_at,
        actor=entry.actor,
        action=entry.action,
        target=entry.target,
        details=entry.details,
    )


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """What `verify` found: how many entries hold, and the first problem (None when intact)."""

    checked: int
    problem: str | None = None
    bad_seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(*, against: Checkpoint | None = None, local: bool = True) -> ChainCheck:
    """Walk the audit log from the first entry and report the first broken or missing entry.

    The chain must also reach the instance's checkpoint (unless not `local`)
    and `against` (a checkpoint from a backup), with the same HMAC there.
    """
    key = audit_key()
    prev, expected, checked = GENESIS, 1, 0
    reached: dict[int, str] = {}
    wanted = _wanted_checkpoints(against, local=local)
    if isinstance(wanted, ChainCheck):
        return wanted
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected:
            return ChainCheck(checked, f"entry #{expected} is missing", expected)
        if entry.prev_hash != prev:
            return ChainCheck(
                checked, f"entry #{entry.seq} does not follow entry #{expected - 1}", entry.seq
            )
        if _hash_of(entry, prev_hash=prev, key=key) != entry.entry_hash:
            return ChainCheck(checked, f"entry #{entry.seq} was altered", entry.seq)
        if entry.seq in wanted:
            reached[entry.seq] = entry.entry_hash
        prev, expected, checked = entry.entry_hash, expected + 1, checked + 1
    head = AuditHead.objects.filter(pk=_HEAD_ID).first()
    head_seq, head_hash = (head.seq, head.entry_hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != prev:
        if head_seq > checked:
            return ChainCheck(checked, f"entry #{expected} is missing", expected)
        return ChainCheck(checked, "the chain's head does not match its last entry", checked)
    for seq, (where, entry_hmac) in sorted(wanted.items()):
        if seq not in reached:
            return ChainCheck(
                checked,
                f"entries #{checked + 1} to #{seq} are missing (the {where} reaches #{seq})",
                checked + 1,
            )
        if reached[seq] != entry_hmac:
            return ChainCheck(checked, f"entry #{seq} differs from the {where}", seq)
    if checked and local and not wanted:
        return ChainCheck(checked, f"the checkpoint {checkpoint_path()} is missing", None)
    return ChainCheck(checked)


def _wanted_checkpoints(
    against: Checkpoint | None, *, local: bool
) -> dict[int, tuple[str, str]] | ChainCheck:
    try:
        own = read_checkpoint() if local else None
    except CheckpointInvalid as exc:
        return ChainCheck(0, str(exc))
    wanted: dict[int, tuple[str, str]] = {}
    for where, point in (("checkpoint", own), ("backup's checkpoint", against)):
        if point is not None and point.seq > 0:
            wanted[point.seq] = (where, point.entry_hash)
    return wanted


def rechain(entry_model: Any, head_model: Any) -> int:
    """Recompute every entry's HMAC under the audit key, in order; the number of entries.

    Only for the upgrade from the unkeyed chain (migration 0002_keyed_chain),
    which passes its historical models (their managers allow updates): it
    trusts the entries as they stand, so run `habeas audit verify` before upgrading.
    """
    key = audit_key()
    prev, last, count = GENESIS, 0, 0
    for entry in entry_model.objects.order_by("seq"):
        new = entry_hash(
            key=key,
            prev_hash=prev,
            seq=entry.seq,
            created_at=entry.created_at,
            actor=entry.actor,
            action=entry.action,
            target=entry.target,
            details=entry.details,
        )
        entry_model.objects.filter(pk=entry.pk).update(prev_hash=prev, entry_hash=new)
        prev, last, count = new, entry.seq, count + 1
    if count:
        head_model.objects.update_or_create(pk=_HEAD_ID, defaults={"seq": last, "entry_hash": prev})
        write_checkpoint(Checkpoint(last, prev), force=True)
    return count
