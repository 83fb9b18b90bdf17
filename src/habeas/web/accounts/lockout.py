"""A limit on failed logins per account, whatever the addresses they come from.

django-axes locks a name at one address after HABEAS_LOGIN_ATTEMPTS failures,
so a colleague elsewhere is not locked out by an attacker. On top of that,
HABEAS_ACCOUNT_LOGIN_ATTEMPTS failures for one name within the cool-off
(summed over every address) lock the name everywhere, so a password cannot
be guessed from many addresses without limit. `habeas users unlock NAME`
lifts both.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_credentials, get_lockout_message


def account_failures(username: str) -> int:
    """Failed logins for `username` within the cool-off, over all addresses."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt
    from django.db.models import Sum
    from django.utils import timezone

    attempts = AccessAttempt.objects.filter(username=username)
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    total = attempts.aggregate(n=Sum("failures_since_start"))["n"]
    return int(total or 0)


class AccountLockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]
    """Axes's check (per name and address), then the per-account limit."""

    def authenticate(
        self,
        request: Any,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        super().authenticate(request, username=username, password=password, **kwargs)
        from django.conf import settings

        if username and account_failures(username) >= settings.HABEAS_ACCOUNT_LOGIN_ATTEMPTS:
            request.axes_locked_out = True
            request.axes_credentials = get_credentials(username=username, password=password)
            kwargs.get("response_context", {})["error"] = get_lockout_message()
            raise AxesBackendPermissionDenied("the account is locked out")
        return None


def unlock(username: str) -> int:
    """Lift every lockout of `username` (all addresses); the number of records removed."""
    from axes.utils import reset

    return int(reset(username=username))
