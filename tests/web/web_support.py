"""Helpers for the web app's tests: the cast of users and fictional reports, dated from today."""

from __future__ import annotations

import datetime as dt
from typing import Any

PASSWORD = "a-long-test-passphrase-1"
CAST = {"alice": "admin", "bob": "editor", "carol": "viewer", "dave": None}


def user(name: str, *, with_device: bool = True) -> Any:
    """Cast member `name` (alice admin, bob editor, carol viewer, dave no role), made once.

    Admins and editors get a confirmed TOTP device unless `with_device` is false.
    """
    from django.contrib.auth.models import User

    from habeas.web.accounts.roles import Role
    from habeas.web.accounts.users import create_user

    found = User.objects.filter(username=name).first()
    role = CAST[name]
    if found is None and role is None:
        found = User.objects.create_user(username=name, password=PASSWORD)
    elif found is None:
        found = create_user(name, role=Role(role), password=PASSWORD)
    if role in ("admin", "editor") and with_device:
        # This device goes into the session of any login of this object, so
        # client.force_login(user(...)) stands for password and second factor.
        _verify_forced_logins()
        found.otp_device = totp_device(found)
    return found


def _keep_otp_device(sender: Any, request: Any, user: Any, **_: Any) -> None:
    # django_otp's own receiver needs request.user, which Client.force_login's bare request
    # lacks; this stores the device the same way (django_otp.login), so the session counts
    # as verified.
    from django_otp import DEVICE_ID_SESSION_KEY

    device = getattr(user, "otp_device", None)
    if device is not None and device.user_id == user.pk:
        request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


def _verify_forced_logins() -> None:
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.connect(_keep_otp_device, dispatch_uid="tests-keep-otp-device")


def totp_device(member: Any) -> Any:
    """The confirmed TOTP device of user `member`, made once."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=member, confirmed=True, defaults={"name": "test phone"}
    )
    return device


def totp_code(device: Any, *, offset: int = 0) -> str:
    """The code `device` shows now (or `offset` steps away), as an authenticator app would."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def client_for(name: str) -> Any:
    """A test client logged in as `name`, past the second factor for admins and editors.

    The code pages themselves are tested in test_web_security_two_factor.py.
    """
    from django.test import Client

    client = Client()
    client.force_login(user(name))
    return client


def day(days_ago: int) -> dt.date:
    return dt.date.today() - dt.timedelta(days=days_ago)


def words(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def held_story(name: str, surname: str, *, days_ago: int = 5, court: str = "Sabail") -> str:
    """A report (in English, all invented) of a detention and a 30-day sentence `days_ago`."""
    return (
        f"Police in Baku detained activist {name} on {words(day(days_ago))}. "
        f"On {words(day(days_ago - 1))} the {court} District Court sentenced {surname} to "
        "30 days of administrative detention for petty hooliganism.\n"
    )


def store(text: str, *, name: str = "test.txt", days_ago: int = 1, lang: str = "en") -> Any:
    """Capture `text` through the store's service; the IngestResult."""
    from habeas.web.store import services

    return services.ingest_text(text, name=name, published=day(days_ago), lang=lang)


def confirm_all(report_id: int, *, by: str = "bob") -> None:
    """Confirm every suggestion of a report, as editor `by`."""
    from habeas.web.store import services
    from habeas.web.store.models import Event, EventStatus

    for event in Event.objects.filter(evidence__report_id=report_id).distinct():
        services.set_event_status(event, EventStatus.CONFIRMED, user=user(by), why="test")
