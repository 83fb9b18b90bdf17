"""The second factor: who needs a TOTP code, and a middleware that holds the rest back until then.

Admins and editors must use a TOTP device (an authenticator app); viewers may
(/accounts/two-factor/setup/), and must when HABEAS_TWO_FACTOR=all.
After the password, a user who needs a second factor reaches nothing but the
enrolment or code page (and log out) until a code from their device is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from habeas.web.accounts.roles import Role, remember_role, role_of

# The pages a half-logged-in user may still reach: the second factor's own, and the way out.
_OPEN_ROUTES = frozenset(
    {"two-factor-verify", "two-factor-setup", "two-factor-qr", "login", "logout"}
)


def must_use_two_factor(user: Any) -> bool:
    """Whether `user` must use a second factor: admins and editors, and with
    HABEAS_TWO_FACTOR=all every user with a role (viewers too)."""
    from django.conf import settings

    role = role_of(user)
    if role is None:
        return False
    return role.allows(Role.EDITOR) or settings.HABEAS_TWO_FACTOR == "all"


def confirmed_device(user: Any) -> Any:
    """The user's confirmed TOTP device, or None when they have not enrolled one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def needs_code(user: Any, *, has_device: bool | None = None) -> bool:
    """Whether this logged-in, not yet OTP-verified user must pass a second factor now.

    True for admins and editors, and for anyone who chose to enrol a device
    (`has_device`, when the caller has just read whether they did).
    """
    if not user.is_authenticated or user.is_verified():
        return False
    if must_use_two_factor(user):
        return True
    return has_device if has_device is not None else confirmed_device(user) is not None


def groups_and_device(user: Any) -> tuple[list[str], bool]:
    """The names of `user`'s groups and whether they have a confirmed TOTP device, in one query.

    Every request asked both (the role, and whether a viewer enrolled a device), two
    ORM queries whose building cost more CPU than the database's answer.
    """
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django_otp.plugins.otp_totp.models import TOTPDevice

    quote = connection.ops.quote_name
    member = User.groups.through._meta
    # Only model table and column names go into the text; the ids are parameters.
    sql = (
        f"SELECT g.{quote('name')} FROM {quote(Group._meta.db_table)} g"  # nosec B608
        f" INNER JOIN {quote(member.db_table)} m ON m.{quote('group_id')} = g.{quote('id')}"
        f" WHERE m.{quote('user_id')} = %s"
        f" UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM {quote(TOTPDevice._meta.db_table)}"
        f" WHERE {quote('user_id')} = %s AND {quote('confirmed')} = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, user.pk, True])
        rows = [name for (name,) in cursor.fetchall()]
    names = [name for name in rows if name is not None]
    return names, len(names) < len(rows)


class TwoFactorMiddleware:
    """Redirect a user who still owes a second factor to enrolment or to the code page.

    Sits after django_otp's OTPMiddleware (which sets `user.is_verified`).
    """

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        user = request.user
        if user.is_authenticated:
            names, has_device = groups_and_device(user)
            remember_role(user, group_names=names)
            if needs_code(user, has_device=has_device) and not _is_open(request.path_info):
                route = "two-factor-verify" if has_device else "two-factor-setup"
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse(route)}?{query}")
        return self.get_response(request)


def _is_open(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False  # an unknown address: redirecting beats revealing a 404 page
    return match.url_name in _OPEN_ROUTES and not match.namespace


def enrol_totp(user: Any) -> Any:
    """Give `user` a confirmed TOTP device (for set-ups made from the command line, like the demo).

    The caller hands its secret (`totp_secret(device)`) to the user by a safe channel.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def totp_secret(device: Any) -> str:
    """The device's key in base32, as authenticator apps take it."""
    from base64 import b32encode

    return b32encode(device.bin_key).decode("ascii")
