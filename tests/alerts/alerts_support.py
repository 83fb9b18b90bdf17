"""Helpers for the alerts tests: users with a role, persons with events."""

from __future__ import annotations

from typing import Any


def make_user(name: str, role: str | None) -> Any:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username=name, email=f"{name}@example.org")
    if role is not None:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if role in ("admin", "editor"):
        # Admins and editors need a second factor: this device goes into the session
        # of any login of this object, so client.force_login(user) passes it.
        from django_otp.plugins.otp_totp.models import TOTPDevice

        _verify_forced_logins()
        user.otp_device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
    return user


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


def person_with(name: str, events: list[dict[str, Any]], *, status: str = "confirmed") -> Any:
    """A stored person with the given events (contract form), all with `status`."""
    from habeas.web.store.models import Event, Person

    person = Person.objects.create(display_name=name)
    for e in events:
        date = e.get("date", "")
        Event.objects.create(
            person=person,
            type=e["type"],
            date_text=date,
            date_precision={10: "day", 7: "month", 4: "year"}.get(len(date), ""),
            penalty=e.get("penalty"),
            detail=e.get("detail", ""),
            status=status,
        )
    return person


# Detained on 10 March, 30 days of administrative detention: due out on 9 April 2025.
HELD_30_DAYS = [
    {"type": "detention", "date": "2025-03-10"},
    {
        "type": "sentence",
        "date": "2025-03-11",
        "penalty": {"kind": "administrative_detention", "days": 30},
    },
]
