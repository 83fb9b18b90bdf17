"""Production settings: `check --deploy` is clean, sessions expire, every page has a strict CSP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from web_support import client_for

STRICT_CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}


def _django(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HABEAS_")}
    clean |= {"HABEAS_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE": "habeas.web.settings"}
    return subprocess.run(
        [sys.executable, *args],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    key = "k3Y-for-the-deploy-check-only-" + "x7Qz" * 10
    done = _django(
        ["-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        HABEAS_SECRET_KEY=key,
        HABEAS_HTTPS="1",
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues (0 silenced)" in done.stdout


def test_check_deploy_warns_about_the_development_key(tmp_path: Path) -> None:
    from habeas.config import INSECURE_SECRET_KEY

    done = _django(
        ["-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        HABEAS_SECRET_KEY=INSECURE_SECRET_KEY,
    )

    assert done.returncode != 0
    assert "security.W009" in done.stderr + done.stdout


SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_AGE, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_SECURE, "
    "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.SECURE_SSL_REDIRECT)"
)


def test_sessions_expire_and_cookies_are_secure_without_debug(tmp_path: Path) -> None:
    default = ["28800", "True", "True", "True", "True", "False"]
    assert _django(["-c", SHOW], tmp_path).stdout.split() == default
    shown = _django(["-c", SHOW], tmp_path, HABEAS_SESSION_HOURS="2", HABEAS_HTTPS="1")
    assert shown.stdout.split() == ["7200", "True", "True", "True", "True", "True"]
    debug = _django(["-c", SHOW], tmp_path, HABEAS_DEBUG="1")
    assert debug.stdout.split()[2:5] == ["False", "False", "False"]


def test_a_bad_session_length_is_one_sentence(tmp_path: Path) -> None:
    done = _django(["-m", "habeas.cli.main", "users", "list"], tmp_path, HABEAS_SESSION_HOURS="x")

    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "HABEAS_SESSION_HOURS" in done.stderr


@pytest.mark.parametrize(
    ("who", "path"),
    [
        (None, "/accounts/login/"),
        ("carol", "/"),
        ("carol", "/review/"),
        ("carol", "/persons/"),
        ("carol", "/reports/"),
        ("carol", "/alerts/"),
        ("bob", "/capture/"),
        ("alice", "/admin/"),
    ],
)
def test_every_page_sends_the_strict_policy_and_security_headers(
    who: str | None, path: str
) -> None:
    client = client_for(who) if who else Client()

    response = client.get(path)

    assert response.status_code == 200
    policy = {part.strip() for part in response["Content-Security-Policy"].split(";")}
    assert policy == STRICT_CSP
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_has_inline_script_or_style() -> None:
    web = Path(__file__).resolve().parents[2] / "src" / "habeas" / "web"
    inline = re.compile(r"""\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=|javascript:""")
    offenders = []
    for template in web.rglob("*.html"):
        text = re.sub(r"\{#.*?#\}", "", template.read_text("utf-8"), flags=re.S)
        offenders += [f"{template.name}: {m.group()}" for m in inline.finditer(text)]

    assert offenders == []
