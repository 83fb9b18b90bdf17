"""Template context: the user's role, so templates show only the actions they may take."""

from __future__ import annotations

from typing import Any

from habeas.web.accounts.roles import Role, role_of


def role(request: Any) -> dict[str, Any]:
    """`role` (a Role or None), `can_edit` and `is_admin` for every template."""
    current = role_of(getattr(request, "user", None))
    return {
        "role": current,
        "can_edit": current is not None and current.allows(Role.EDITOR),
        "is_admin": current is Role.ADMIN,
    }
