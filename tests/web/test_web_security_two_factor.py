"""Admins and editors pass a TOTP second factor after the password; viewers may choose to."""

from __future__ import annotations

from typing import Any

from django.test import Client
from web_support import PASSWORD, totp_code, totp_device, user


def _password_login(name: str, *, with_device: bool = True) -> Any:
    user(name, with_device=with_device)
    client = Client()
    response = client.post("/accounts/login/", {"username": name, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_an_admin_without_a_device_must_enrol_before_any_page() -> None:
    client = _password_login("alice", with_device=False)

    for path in ("/", "/review/", "/persons/", "/admin/", "/alerts/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/two-factor/setup/?next="), path


def test_enrolling_shows_the_secret_and_a_right_code_confirms_the_device() -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from habeas.web.accounts.two_factor import totp_secret

    client = _password_login("bob", with_device=False)
    page = client.get("/accounts/two-factor/setup/?next=/review/").content.decode()
    device = TOTPDevice.objects.get(user__username="bob", confirmed=False)

    assert totp_secret(device) in page and "otpauth://totp/habeas%3Abob?secret=" in page
    # Reloading keeps the same secret (the user may already have scanned it).
    client.get("/accounts/two-factor/setup/")
    assert TOTPDevice.objects.filter(user__username="bob").count() == 1

    wrong = client.post("/accounts/two-factor/setup/", {"token": "000000"})
    assert wrong.status_code == 200 and client.get("/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # a wrong code delays the next try (django_otp's throttling)
    done = client.post(
        "/accounts/two-factor/setup/", {"token": totp_code(device), "next": "/review/"}
    )
    assert done.status_code == 302 and done["Location"] == "/review/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/review/").status_code == 200


def test_with_a_device_the_code_is_asked_and_checked() -> None:
    device = totp_device(user("alice"))
    client = _password_login("alice")

    assert client.get("/").headers["Location"].startswith("/accounts/two-factor/?next=")
    refused = client.post("/accounts/two-factor/", {"token": totp_code(device, offset=5)})
    assert refused.status_code == 200 and b"wrong" in refused.content
    assert client.get("/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # a wrong code delays the next try (django_otp's throttling)
    accepted = client.post("/accounts/two-factor/", {"token": totp_code(device), "next": "/"})

    assert accepted.status_code == 302
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_code_is_accepted_only_once() -> None:
    device = totp_device(user("bob"))
    code = totp_code(device)  # the same digits twice, even if the clock ticks on meanwhile
    first = _password_login("bob")
    assert first.post("/accounts/two-factor/", {"token": code}).status_code == 302

    second = _password_login("bob")
    replay = second.post("/accounts/two-factor/", {"token": code})

    assert replay.status_code == 200
    assert second.get("/").status_code == 302


def test_verifying_starts_a_new_session_key() -> None:
    device = totp_device(user("alice"))
    client = _password_login("alice")
    before = client.cookies["sessionid"].value

    client.post("/accounts/two-factor/", {"token": totp_code(device)})

    assert client.cookies["sessionid"].value != before


def test_a_viewer_needs_no_second_factor_but_may_enrol_one() -> None:
    client = _password_login("carol")
    assert client.get("/").status_code == 200

    page = client.get("/accounts/two-factor/setup/")
    assert page.status_code == 200 and b"Your role needs" not in page.content
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=user("carol"))
    client.post("/accounts/two-factor/setup/", {"token": totp_code(device)})
    device.refresh_from_db()
    assert device.confirmed

    # Once enrolled, the viewer's next login asks for a code too.
    again = _password_login("carol")
    assert again.get("/").headers["Location"].startswith("/accounts/two-factor/?next=")


def test_an_unsafe_next_is_ignored() -> None:
    device = totp_device(user("alice"))
    client = _password_login("alice")

    response = client.post(
        "/accounts/two-factor/", {"token": totp_code(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/"


def test_enrolling_from_the_command_line_gives_a_confirmed_device() -> None:
    from habeas.web.accounts.two_factor import confirmed_device, enrol_totp, totp_secret

    admin = user("alice", with_device=False)
    assert confirmed_device(admin) is None
    device = enrol_totp(admin)

    assert confirmed_device(admin) == device
    assert len(totp_secret(device)) == 32  # 20 random bytes in base32
