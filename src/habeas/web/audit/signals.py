"""Audit entries for logins, permission changes and the alerts app's writes, from signals.

The store writes its own entries (habeas.web.store.versions); support
actions, notification settings and follows are logged here, whichever code
path saves them. Details name what changed, never a note or a token.
"""

from __future__ import annotations

from typing import Any

from habeas.web.audit.models import AuditAction


def _logged_in(sender: Any, request: Any = None, user: Any = None, **_: Any) -> None:
    from habeas.web.audit.chain import record

    record(user, AuditAction.LOGIN, user, _client(request))


def _logged_out(sender: Any, request: Any = None, user: Any = None, **_: Any) -> None:
    from habeas.web.audit.chain import record

    record(user, AuditAction.LOGOUT, user, _client(request))


def _login_failed(sender: Any, credentials: Any = None, request: Any = None, **_: Any) -> None:
    from habeas.web.audit.chain import record

    # Only the name tried: never the password Django passes along.
    username = str((credentials or {}).get("username", ""))
    record(None, AuditAction.LOGIN_FAILED, f"username:{username}", _client(request))


def _client(request: Any) -> dict[str, str]:
    if request is None:
        return {}
    return {"ip": str(request.META.get("REMOTE_ADDR", ""))}


def _permissions_changed(
    sender: Any, instance: Any, action: str, model: Any, pk_set: Any = None, **_: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from habeas.web.audit.chain import record

    record(
        None,
        AuditAction.PERMISSION_CHANGE,
        instance,
        {
            "change": action.removeprefix("post_"),
            "relation": sender._meta.db_table,
            "of": model._meta.label_lower,
            "ids": sorted(pk_set or ()),
        },
    )


def _user_flags_changed(sender: Any, instance: Any, created: bool = False, **_: Any) -> None:
    from habeas.web.audit.chain import record

    flags = {"is_active", "is_staff", "is_superuser"}
    before = getattr(instance, "_audit_flags", None)
    now = {name: bool(getattr(instance, name)) for name in flags}
    if created or (before is not None and before != now):
        record(None, AuditAction.PERMISSION_CHANGE, instance, {"flags": now, "created": created})
    instance._audit_flags = now


def _remember_flags(sender: Any, instance: Any, **_: Any) -> None:
    instance._audit_flags = {
        name: bool(getattr(instance, name)) for name in ("is_active", "is_staff", "is_superuser")
    }


def _support_saved(sender: Any, instance: Any, created: bool = False, **_: Any) -> None:
    from habeas.web.audit.chain import record

    record(
        instance.created_by,
        AuditAction.EDIT,
        instance,
        {
            "change": "support recorded" if created else "support changed",
            "person": instance.person_id,
            "confidential": bool(instance.confidential),
        },
    )


def _subscription_saved(sender: Any, instance: Any, created: bool = False, **kw: Any) -> None:
    from habeas.web.audit.chain import record

    change = "notification settings made" if created else "notification settings changed"
    details: dict[str, Any] = {"change": change}
    if kw.get("update_fields"):
        details["fields"] = sorted(kw["update_fields"])
    record(instance.user, AuditAction.EDIT, instance, details)


def _follow_saved(sender: Any, instance: Any, created: bool = False, **_: Any) -> None:
    from habeas.web.audit.chain import record

    record(
        instance.user,
        AuditAction.EDIT,
        instance,
        {"change": "follow", "person": instance.person_id},
    )


def _follow_deleted(sender: Any, instance: Any, **_: Any) -> None:
    from habeas.web.audit.chain import record

    record(
        instance.user,
        AuditAction.EDIT,
        instance,
        {"change": "unfollow", "person": instance.person_id},
    )


def _connect_alerts() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    if not apps.is_installed("habeas.web.alerts"):
        return
    from habeas.web.alerts.models import Follow, Subscription, SupportAction

    post_save.connect(_support_saved, sender=SupportAction, dispatch_uid="habeas-audit-support")
    post_save.connect(
        _subscription_saved, sender=Subscription, dispatch_uid="habeas-audit-subscription"
    )
    post_save.connect(_follow_saved, sender=Follow, dispatch_uid="habeas-audit-follow")
    post_delete.connect(_follow_deleted, sender=Follow, dispatch_uid="habeas-audit-unfollow")


def connect() -> None:
    """Attach the audit handlers to Django's auth and relation signals (once per process)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
    from django.db.models.signals import m2m_changed, post_init, post_save

    user_model = get_user_model()
    user_logged_in.connect(_logged_in, dispatch_uid="habeas-audit-login")
    user_logged_out.connect(_logged_out, dispatch_uid="habeas-audit-logout")
    user_login_failed.connect(_login_failed, dispatch_uid="habeas-audit-login-failed")
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            _permissions_changed, sender=through, dispatch_uid=f"habeas-audit-{through}"
        )
    post_init.connect(_remember_flags, sender=user_model, dispatch_uid="habeas-audit-flags-init")
    post_save.connect(_user_flags_changed, sender=user_model, dispatch_uid="habeas-audit-flags")
    _connect_alerts()
