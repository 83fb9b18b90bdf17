"""`habeas users add`: the first admin of a fresh install, and bad input."""

from __future__ import annotations

import io

import pytest

from habeas.cli.main import main


def test_add_an_admin_who_can_then_log_in(capsys: pytest.CaptureFixture[str]) -> None:
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    assert main(["users", "add", "erin", "--role", "admin"]) == 0
    out = capsys.readouterr().out
    password = out.split("password: ")[1].strip()
    # django-axes counts attempts per address, so authentication needs the request.
    user = authenticate(RequestFactory().post("/"), username="erin", password=password)
    assert user is not None and user.is_superuser
    assert main(["users", "list"]) == 0
    assert "erin\tadmin" in capsys.readouterr().out


def test_password_from_stdin_and_a_taken_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long and unusual passphrase 42\n"))
    assert main(["users", "add", "frank", "--role", "viewer", "--password-stdin"]) == 0
    assert "password:" not in capsys.readouterr().out
    assert main(["users", "add", "frank", "--role", "viewer"]) == 2
    err = capsys.readouterr().err
    assert "already a user called 'frank'" in err and len(err.strip().splitlines()) == 1


def test_a_weak_password_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    assert main(["users", "add", "gina", "--role", "editor", "--password-stdin"]) == 2
    assert "habeas:" in capsys.readouterr().err
