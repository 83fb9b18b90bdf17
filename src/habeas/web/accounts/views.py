"""The second-factor pages: enrol an authenticator app, and enter its code after the password."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from habeas.web.accounts.two_factor import confirmed_device, must_use_two_factor, totp_secret


class CodeForm(forms.Form):  # type: ignore[misc]
    token = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        label="Code from your authenticator app",
        error_messages={"invalid": "Enter the six digits your authenticator app shows."},
    )


@require_http_methods(["GET", "HEAD", "POST"])  # type: ignore[untyped-decorator]
def verify(request: Any) -> Any:
    """Ask for the current code of the user's device; on success the session is OTP-verified."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect_keeping_next(request, "two-factor-setup")
    if request.user.is_verified():
        return _onward(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            return _verified(request, device)
        _record_failed_code(request)
        form.add_error("token", "That code is wrong or was already used; wait for the next one.")
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@require_http_methods(["GET", "HEAD", "POST"])  # type: ignore[untyped-decorator]
def setup(request: Any) -> Any:
    """Show a new TOTP secret (text and otpauth:// URI); a correct code confirms the device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if confirmed_device(request.user) is not None:
        return redirect_keeping_next(request, "two-factor-verify")
    # One pending device per user, so reloading the page keeps the secret already scanned.
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _record_enrolment(request)
            return _verified(request, device)
        form.add_error("token", "That code does not match this secret; check the app's clock.")
    context = {
        "form": form,
        "next": _next(request),
        "secret": totp_secret(device),
        "uri": device.config_url,
        "required": must_use_two_factor(request.user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@require_http_methods(["GET", "HEAD"])  # type: ignore[untyped-decorator]
def setup_qr(request: Any) -> Any:
    """The pending device's otpauth:// URI as a QR code (SVG), for the set-up page's <img>."""
    import segno
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if not request.user.is_authenticated or device is None:
        raise Http404("no second factor is being set up")
    out = io.BytesIO()
    # A white quiet zone, so that a phone reads it on a dark page too.
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=5, border=4, light="#fff", title="QR code of the setup link"
    )
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"  # it holds the secret
    return response


def redirect_keeping_next(request: Any, route: str) -> Any:
    """A redirect to `route` that carries the request's safe `next` along."""
    return HttpResponseRedirect(f"{reverse(route)}?{urlencode({'next': _next(request)})}")


def _verified(request: Any, device: Any) -> Any:
    from django_otp import login as otp_login

    # A new session key at the moment the session gains its full rights (no fixation).
    request.session.cycle_key()
    otp_login(request, device)
    return _onward(request)


def _onward(request: Any) -> Any:
    return redirect(_next(request))


def _next(request: Any) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return str(wanted) if safe else str(resolve_url(settings.LOGIN_REDIRECT_URL))


def _record_failed_code(request: Any) -> None:
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    record(None, AuditAction.LOGIN_FAILED, request.user, {"step": "second factor", **_ip(request)})


def _record_enrolment(request: Any) -> None:
    from habeas.web.audit.chain import record
    from habeas.web.audit.models import AuditAction

    record(request.user, AuditAction.PERMISSION_CHANGE, request.user, {"change": "totp_enrolled"})


def _ip(request: Any) -> dict[str, str]:
    return {"ip": str(request.META.get("REMOTE_ADDR", ""))}
