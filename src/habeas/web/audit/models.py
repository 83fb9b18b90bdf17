"""The audit log's tables: the entries, and the head that says where the chain ends."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models

from habeas.errors import HabeasError


class AuditAction(models.TextChoices):  # type: ignore[misc]
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    EXPORT = "export"
    PERMISSION_CHANGE = "permission_change"
    EDIT = "edit"
    KEY_ROTATION = "key_rotation"
    BACKUP = "backup"
    RESTORE = "restore"


class AppendOnlyError(HabeasError):
    """Something tried to change or delete an audit entry."""


def _refuse(*_: Any, **__: Any) -> NoReturn:
    raise AppendOnlyError("audit entries cannot be changed or deleted")


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[misc]
    # Bulk paths skip Model.save/delete, so they are closed here too.
    update = _refuse
    delete = _refuse
    bulk_update = _refuse


class AuditEntry(models.Model):  # type: ignore[misc]
    """One thing that happened, chained to the entry before it by a keyed hash.

    `entry_hash` = HMAC-SHA256, under the audit key kept outside the database, of
    `prev_hash` followed by the entry's canonical JSON (seq, created_at, actor,
    action, target, details), so altering, deleting or reordering any entry
    breaks every hash after it, and nobody without the key can make new ones.
    """

    seq = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField()
    actor = models.CharField(max_length=255)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    target = models.CharField(max_length=255, blank=True, default="")
    details = models.TextField(default="{}")  # canonical JSON, hashed exactly as stored
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ("seq",)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()

    def __str__(self) -> str:
        return f"#{self.seq} {self.actor} {self.action} {self.target}"


class AuditHead(models.Model):  # type: ignore[misc]
    """The one row naming the last entry: appenders lock it, and a cut-off tail shows."""

    seq = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64)
