"""Creating users with a role; the only place that decides what a role means in Django terms."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from habeas.errors import InputError
from habeas.web.accounts.roles import Role


def create_user(username: str, *, role: Role, password: str) -> Any:
    """A new active user in the group of `role`; admins may also use Django's admin site.

    InputError when the name is taken or the password is too weak.
    """
    username = username.strip()
    if not username:
        raise InputError("a user needs a name")
    if User.objects.filter(username=username).exists():
        raise InputError(f"there is already a user called {username!r}")
    try:
        validate_password(password)
    except ValidationError as exc:
        raise InputError(" ".join(exc.messages)) from None
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        is_admin = role is Role.ADMIN
        user.is_staff = is_admin  # Django's admin site admits staff only
        user.is_superuser = is_admin
        user.save()
        group, _ = Group.objects.get_or_create(name=role.value)
        user.groups.add(group)
    return user


def describe_users() -> list[tuple[str, str | None]]:
    """Every user's name and role (None for a user in no role group), by name."""
    from habeas.web.accounts.roles import role_of

    return [
        (u.username, r.value if (r := role_of(u)) else None)
        for u in User.objects.order_by("username")
    ]
