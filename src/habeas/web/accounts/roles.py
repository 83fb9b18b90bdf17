"""Who may do what: three roles, kept as Django groups of the same names.

admin   everything, including Django's admin site
editor  review and edit suggestions, capture reports, manage feeds
viewer  read only

A user's role is the highest group they belong to; a superuser is an admin.
A logged-in user in no group has no role and sees nothing but a refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def allows(self, needed: Role) -> bool:
        """Whether someone with this role may do what `needed` may do."""
        return self.rank >= needed.rank


_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def role_of(user: Any) -> Role | None:
    """The highest role of a user; None for anonymous users and users in no role group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    names = set(user.groups.values_list("name", flat=True))
    for role in (Role.ADMIN, Role.EDITOR, Role.VIEWER):
        if role.value in names:
            return role
    return None


def can(user: Any, needed: Role) -> bool:
    """Whether `user` has `needed` or a higher role."""
    role = role_of(user)
    return role is not None and role.allows(needed)


View = Callable[..., Any]


def requires(needed: Role, *, methods: tuple[str, ...] = ("GET", "HEAD")) -> Callable[[View], View]:
    """A view decorator: 403 unless the user has `needed` or a higher role; 405 for other methods.

    Anonymous users never reach the view: LoginRequiredMiddleware sends them to
    the login page first.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            if not can(request.user, needed):
                raise PermissionDenied(f"this page needs the {needed.value} role")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


viewer_required = requires(Role.VIEWER)
editor_required = requires(Role.EDITOR)
editor_post = requires(Role.EDITOR, methods=("POST",))
editor_form = requires(Role.EDITOR, methods=("GET", "HEAD", "POST"))
