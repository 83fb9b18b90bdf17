"""Finding 5: a per-account limit on failed logins over all addresses, an unlock command for
admins, and a setting that requires a second factor of viewers too."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, override_settings
from web_support import PASSWORD, user

from habeas.cli.main import main


def _try(password: str, ip: str) -> int:
    response = Client().post(
        "/accounts/login/", {"username": "carol", "password": password}, REMOTE_ADDR=ip
    )
    return int(response.status_code)


def _spread_failures(count: int) -> None:
    # Never more than 2 from one address: under the per-address limit every time.
    for n in range(count):
        assert _try("wrong", f"198.51.100.{n // 2 + 1}") in (200, 429)


def test_guesses_from_many_addresses_lock_the_account_everywhere() -> None:
    user("carol")
    limit = settings.HABEAS_ACCOUNT_LOGIN_ATTEMPTS
    assert limit == 20 and settings.AXES_FAILURE_LIMIT > 2
    _spread_failures(limit - 1)
    assert _try(PASSWORD, "203.0.113.200") == 302  # one short of the limit: still open

    user("carol")
    _spread_failures(limit)
    assert _try(PASSWORD, "203.0.113.201") == 429  # a fresh address, the right password


def test_an_admin_unlocks_the_account_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from habeas.web.audit.models import AuditEntry

    user("carol")
    _spread_failures(settings.HABEAS_ACCOUNT_LOGIN_ATTEMPTS)
    assert _try(PASSWORD, "203.0.113.9") == 429

    assert main(["users", "unlock", "carol"]) == 0
    assert capsys.readouterr().out.startswith("unlocked carol (")
    assert _try(PASSWORD, "203.0.113.9") == 302
    last = AuditEntry.objects.filter(action="permission_change").order_by("-seq").first()
    assert (last.target, '"change":"unlocked"' in last.details) == ("username:carol", True)

    assert main(["users", "unlock", "carol"]) == 0
    assert capsys.readouterr().out == "carol was not locked out\n"


def test_with_two_factor_for_all_a_viewer_must_enrol() -> None:
    user("carol")
    client = Client()
    with override_settings(HABEAS_TWO_FACTOR="all"):
        assert (
            client.post("/accounts/login/", {"username": "carol", "password": PASSWORD})["Location"]
            == "/"
        )
        response = client.get("/persons/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/two-factor/setup/?next=")
    # By default a viewer's second factor is their choice.
    assert client.get("/persons/").status_code == 200
