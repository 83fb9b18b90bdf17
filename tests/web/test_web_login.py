"""Everything needs a login; passwords are kept as Argon2 hashes."""

from __future__ import annotations

import pytest
from django.test import Client
from web_support import PASSWORD, user

PAGES = [
    "/",
    "/review/",
    "/persons/",
    "/lists/detained/",
    "/reports/",
    "/search/?q=x",
    "/capture/",
    "/feeds/",
    "/persons/1/",
]


@pytest.mark.parametrize("path", PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login_page(path: str) -> None:
    response = Client().get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_logging_in_with_the_right_password_opens_the_dashboard() -> None:
    # A viewer: admins and editors pass a second factor first (test_web_security_two_factor.py).
    user("carol")
    client = Client()

    response = client.post(
        "/accounts/login/", {"username": "carol", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/"
    assert b"Dashboard" in response.content


def test_a_wrong_password_is_refused_with_a_message() -> None:
    user("bob")

    response = Client().post("/accounts/login/", {"username": "bob", "password": "nope"})

    assert response.status_code == 200
    assert b"do not match an account" in response.content


def test_passwords_are_stored_as_argon2() -> None:
    assert user("carol").password.startswith("argon2$")


def test_static_files_need_no_login() -> None:
    response = Client().get("/static/habeas/habeas.css")

    assert response.status_code == 200


def test_logging_out_ends_the_session() -> None:
    user("bob")
    client = Client()
    client.post("/accounts/login/", {"username": "bob", "password": PASSWORD})

    client.post("/accounts/logout/")

    assert client.get("/").status_code == 302
