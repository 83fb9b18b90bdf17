"""`habeas publish` and `habeas api-token` on the web tests' database."""

from __future__ import annotations

import pytest
from django.test import Client
from public_support import encryption_key
from web_support import confirm_all, held_story, store

from habeas.cli.main import main

__all__ = ["encryption_key"]


def test_publish_a_person_with_events_and_reports_then_turn_the_site_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from habeas.web.store.models import Person

    result = store(held_story("Zaur Qasimli", "Qasimli"))
    confirm_all(result.report_id)
    person = Person.objects.get()
    assert Client().get(f"/public/person/{person.pk}/").status_code == 404

    assert main(["publish", "person", str(person.pk), "--fields", "roles", "--events"]) == 0
    assert main(["publish", "site", "on"]) == 0
    page = Client().get(f"/public/person/{person.pk}/")
    assert page.status_code == 200 and b"held since" in page.content
    assert "2 events, 0 reports" in capsys.readouterr().out

    assert main(["publish", "person", str(person.pk), "--withdraw", "--why", "asked"]) == 0
    assert Client().get(f"/public/person/{person.pk}/").status_code == 404
    assert main(["publish", "person", "999999"]) == 2
    assert "no person #999999" in capsys.readouterr().err
    assert main(["publish", "person", str(person.pk), "--fields", "health"]) == 2
    assert "cannot be published: health" in capsys.readouterr().err


def test_api_tokens_are_issued_listed_and_revoked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["api-token", "issue", "partner", "--role", "viewer"]) == 0
    out = capsys.readouterr().out
    secret = out.split(": ", 1)[1].split()[0]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert Client().get("/api/lists", **auth).status_code == 200

    assert main(["api-token", "list"]) == 0
    assert "viewer\tlive\tpartner" in capsys.readouterr().out
    from habeas.web.store.models import ApiToken

    token = ApiToken.objects.get()
    assert token.token_sha256 != secret and secret not in token.token_sha256
    assert main(["api-token", "revoke", str(token.pk)]) == 0
    assert Client().get("/api/lists", **auth).status_code == 401
    assert main(["api-token", "revoke", str(token.pk)]) == 2  # already revoked
