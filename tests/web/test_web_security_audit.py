"""The security events of a session leave an audit chain that `habeas audit verify` accepts."""

from __future__ import annotations

import pytest
from django.test import Client
from web_support import PASSWORD, totp_code, user

from habeas.cli.main import main


def test_logins_codes_enrolment_and_role_changes_are_audited_and_the_chain_holds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from habeas.web.audit.models import AuditAction, AuditEntry

    user("bob", with_device=False)
    Client().post("/accounts/login/", {"username": "bob", "password": "wrong"})
    client = Client()
    client.post("/accounts/login/", {"username": "bob", "password": PASSWORD})
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user__username="bob")
    client.post("/accounts/two-factor/setup/", {"token": totp_code(device)})
    user("carol").groups.add(Group.objects.get(name="editor"))
    client.post("/accounts/logout/")

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    for needed in (AuditAction.LOGIN_FAILED, AuditAction.LOGIN, AuditAction.LOGOUT):
        assert needed in actions
    assert actions.count(AuditAction.PERMISSION_CHANGE) >= 2  # the enrolment and the new role
    assert main(["audit", "verify"]) == 0
    capsys.readouterr()
