"""API tokens: a secret shown once, stored as its SHA-256, granting one role."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.utils import timezone

from habeas.errors import InputError
from habeas.web.accounts.roles import Role
from habeas.web.store.models import ApiToken

PREFIX = "hbs_"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(name: str, role: Role | str, *, user: Any = None) -> tuple[Any, str]:
    """A new token and its secret (the only time the secret is known)."""
    try:
        role = Role(role)
    except ValueError:
        raise InputError(f"{role!r} is not a role; use viewer, editor or admin") from None
    if not name.strip():
        raise InputError("a token needs a name saying who uses it")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name.strip(), token_sha256=digest(secret), role=role, user=user
    )
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    audit(user, AuditAction.PERMISSION_CHANGE, token, {"api_token": name, "role": role.value})
    return token, secret


def revoke(token: Any, *, user: Any = None) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    from habeas.web.audit.chain import record as audit
    from habeas.web.audit.models import AuditAction

    audit(user, AuditAction.PERMISSION_CHANGE, token, {"api_token": token.name, "revoked": True})


def find(secret: str) -> Any:
    """The live token with this secret, or None."""
    return ApiToken.objects.filter(token_sha256=digest(secret), revoked_at__isnull=True).first()
