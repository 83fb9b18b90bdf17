"""Appending to the audit log and checking its hash chain.

An entry is written in the caller's transaction: an edit that is rolled back
leaves no audit entry, and an edit that is committed always has one. Appenders
take a lock on the single head row, so two processes never claim the same
position in the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from habeas.web.audit.models import AuditAction, AuditEntry, AuditHead

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
) -> str:
    """The SHA-256 (hex) an entry with these values must carry."""
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
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


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
    `target` a stored object or a text; `details` JSON-serialisable values.
    """
    details_text = canonical_json(dict(details or {}))
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=_HEAD_ID, defaults={"seq": 0, "entry_hash": GENESIS}
        )
        entry = AuditEntry(
            seq=head.seq + 1,
            created_at=timezone.now(),
            actor=actor_label(actor)[:255],
            action=AuditAction(action).value,
            target=target_label(target)[:255],
            details=details_text,
            prev_hash=head.entry_hash,
        )
        entry.entry_hash = _hash_of(entry, prev_hash=head.entry_hash)
        entry.save()
        head.seq, head.entry_hash = entry.seq, entry.entry_hash
        head.save(update_fields=["seq", "entry_hash"])
    return entry


def _hash_of(entry: AuditEntry, *, prev_hash: str) -> str:
    return entry_hash(
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


def verify() -> ChainCheck:
    """Walk the audit log from the first entry and report the first broken or missing entry."""
    prev, expected, checked = GENESIS, 1, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected:
            return ChainCheck(checked, f"entry #{expected} is missing", expected)
        if entry.prev_hash != prev:
            return ChainCheck(
                checked, f"entry #{entry.seq} does not follow entry #{expected - 1}", entry.seq
            )
        if _hash_of(entry, prev_hash=prev) != entry.entry_hash:
            return ChainCheck(checked, f"entry #{entry.seq} was altered", entry.seq)
        prev, expected, checked = entry.entry_hash, expected + 1, checked + 1
    head = AuditHead.objects.filter(pk=_HEAD_ID).first()
    head_seq, head_hash = (head.seq, head.entry_hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != prev:
        if head_seq > checked:
            return ChainCheck(checked, f"entry #{expected} is missing", expected)
        return ChainCheck(checked, "the chain's head does not match its last entry", checked)
    return ChainCheck(checked)
