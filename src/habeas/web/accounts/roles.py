"""Who may do what: three roles, kept as Django groups of the same names.

admin   everything, including Django's admin site
editor  review and edit suggestions, capture reports, manage feeds
viewer  read only

A user's role is the highest group they belong to; a superuser is an admin.
A logged-in user in no group has no role and sees nothing but a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from functools import wraps
from typing import Any, cast

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


# The attribute that holds the role of a request's user, read once per request.
_REMEMBERED = "_habeas_request_role"
_UNREAD = object()


def role_of(user: Any) -> Role | None:
    """The highest role of a user; None for anonymous users and users in no role group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    remembered = getattr(user, _REMEMBERED, _UNREAD)
    if remembered is not _UNREAD:
        return cast("Role | None", remembered)
    return role_in(user.groups.values_list("name", flat=True))


def role_in(group_names: Iterable[str]) -> Role | None:
    """The highest role among a user's group names (superusers and inactive users aside)."""
    names = set(group_names)
    for role in (Role.ADMIN, Role.EDITOR, Role.VIEWER):
        if role.value in names:
            return role
    return None


def remember_role(user: Any, *, group_names: Iterable[str] | None = None) -> None:
    """Read the role of a request's user once for the whole request.

    The middleware, the view's check, the templates and the alert badge each
    asked (one query apiece, five a page). Only the user object of one request
    keeps it (AuthenticationMiddleware loads a fresh one for every request), and
    a change of the user's groups forgets it (`forget_role`). `group_names`, when
    given, are the user's groups as the caller has just read them.
    """
    if user is None or not user.is_authenticated:
        return
    role = None
    if group_names is None or user.is_superuser:
        role = role_of(user)
    elif user.is_active:
        role = role_in(group_names)
    setattr(user, _REMEMBERED, role)


def forget_role(sender: Any, instance: Any, **_: Any) -> None:
    """m2m_changed receiver for User.groups: a remembered role is out of date."""
    if hasattr(instance, _REMEMBERED):
        delattr(instance, _REMEMBERED)


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
