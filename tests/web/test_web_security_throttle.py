"""django-axes: after too many wrong passwords for a name from one address, even the right fails."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from web_support import PASSWORD, user


def _try(client: Client, password: str, *, ip: str = "203.0.113.7") -> int:
    response = client.post(
        "/accounts/login/", {"username": "carol", "password": password}, REMOTE_ADDR=ip
    )
    return int(response.status_code)


def test_the_attempt_after_the_limit_is_refused_even_with_the_right_password() -> None:
    from axes.models import AccessAttempt

    user("carol")
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5

    statuses = [_try(client, "wrong") for _ in range(limit - 1)]
    assert statuses == [200] * (limit - 1)  # the form again, with a message
    assert _try(client, "wrong") == 429  # the limit-th failure locks

    assert _try(client, PASSWORD) == 429
    assert client.get("/").status_code == 302  # not logged in
    attempt = AccessAttempt.objects.get(username="carol", ip_address="203.0.113.7")
    assert attempt.failures_since_start == limit + 1  # the refused attempt counts too


def test_the_lockout_is_per_address_and_recorded_in_the_audit_log() -> None:
    from habeas.web.audit.models import AuditAction, AuditEntry

    user("carol")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(Client(), "wrong")

    assert _try(Client(), PASSWORD, ip="198.51.100.9") == 302  # another address still works
    failed = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert failed.count() == settings.AXES_FAILURE_LIMIT
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN).count() == 1


def test_a_success_before_the_limit_resets_the_count() -> None:
    from axes.models import AccessAttempt

    user("carol")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(Client(), "wrong")
    assert _try(Client(), PASSWORD) == 302

    assert not AccessAttempt.objects.filter(username="carol").exists()
    assert _try(Client(), "wrong") == 200
