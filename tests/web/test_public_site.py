"""The public site: off by default, then only what editors published."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from public_support import SECRETS, body, encryption_key, leaks, plant

__all__ = ["encryption_key"]  # the fixture, used by every test here


def test_the_public_site_is_off_until_turned_on() -> None:
    planted = plant()
    client = Client()
    for url in ("/public/", f"/public/person/{planted.public_id}/", "/public/statistics/"):
        assert client.get(url).status_code == 404, url
    from web_support import user

    from habeas.web.public.publishing import set_site

    set_site(True, user=user("alice"))
    assert client.get("/public/").status_code == 200
    set_site(False, user=user("alice"))
    assert client.get("/public/").status_code == 404
    with override_settings(HABEAS_PUBLIC_SITE=True):
        assert client.get("/public/").status_code == 200


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_list_shows_the_published_person_held_with_status_words() -> None:
    planted = plant()
    page = body(Client().get("/public/"))

    assert "Zaur Qasimli" in page
    assert f"/public/person/{planted.public_id}/" in page
    assert "held since" in page
    assert leaks(page) == []


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_list_filters_by_role_country_authority_and_since() -> None:
    plant()
    client = Client()

    assert "Zaur Qasimli" in body(client.get("/public/?role=activist&country=AZ"))
    assert "Zaur Qasimli" not in body(client.get("/public/?role=journalist"))
    assert "Zaur Qasimli" not in body(client.get("/public/?country=GE"))
    assert "Zaur Qasimli" in body(client.get("/public/?authority=sabail"))
    assert "Zaur Qasimli" not in body(client.get("/public/?authority=nowhere"))
    assert "Zaur Qasimli" not in body(client.get("/public/?since=2999-01-01"))
    assert "Zaur Qasimli" in body(client.get("/public/?since=2000-01-01"))


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_person_page_has_the_public_timeline_and_source_links_only() -> None:
    planted = plant()
    client = Client()
    page = body(client.get(f"/public/person/{planted.public_id}/"))

    assert "Zaur Qasimli" in page and "held since" in page
    assert "https://news.example/zaur-qasimli" in page
    assert "Activist detained in Baku" in page
    assert leaks(page) == []
    assert client.get(f"/public/person/{planted.private_id}/").status_code == 404


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_unpublishing_a_person_takes_them_off_every_page() -> None:
    from web_support import user

    from habeas.web.public.publishing import set_person_public
    from habeas.web.store.models import Person

    planted = plant()
    set_person_public(Person.objects.get(pk=planted.public_id), False, user=user("bob"))
    client = Client()

    assert client.get(f"/public/person/{planted.public_id}/").status_code == 404
    assert "Zaur Qasimli" not in body(client.get("/public/"))
    assert "Zaur Qasimli" not in body(client.get("/public/feed.atom"))


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_statistics_count_events_and_persons_apart() -> None:
    plant()
    page = body(Client().get("/public/statistics/"))

    assert 'id="public-stats"' in page and "<canvas" in page
    assert "Persons" in page or "persons" in page
    assert leaks(page) == []


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_atom_feed_lists_public_updates() -> None:
    planted = plant()
    response = Client().get("/public/feed.atom")
    feed = body(response)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Zaur Qasimli" in feed and f"/public/person/{planted.public_id}/" in feed
    assert leaks(feed) == []


def test_every_publication_is_versioned_with_who_and_when() -> None:
    from web_support import user

    from habeas.web.public.publishing import publication_history, set_person_public
    from habeas.web.store.models import Person
    from habeas.web.store.versions import history

    planted = plant()
    zaur = Person.objects.get(pk=planted.public_id)
    set_person_public(zaur, False, user=user("bob"), why="family asked")

    changes = publication_history("person", zaur.pk)
    assert [(c.public, c.user.username) for c in changes] == [
        (True, SECRETS["reviewer"]),
        (False, "bob"),
    ]
    assert all(c.created_at is not None for c in changes)
    assert history(zaur)[-1].why == "unpublished family asked"


def test_confidential_fields_are_encrypted_at_rest() -> None:
    from django.db import connection

    from habeas.web.store.models import PersonProfile

    plant()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT health, lawyer FROM {PersonProfile._meta.db_table}")
        stored = [value for row in cursor.fetchall() for value in row if value is not None]
    assert len(stored) == 3  # Zaur's health and lawyer, Rena's health
    assert all(v.startswith("fernet:") for v in stored), stored
    assert all(SECRETS["health"] not in v and SECRETS["lawyer"] not in v for v in stored)


def test_an_admin_turns_the_site_on_in_the_admin_and_it_is_recorded() -> None:
    from web_support import client_for

    from habeas.web.store.models import PublicationChange

    plant()
    admin = client_for("alice")
    response = admin.post(
        "/admin/store/sitesetting/add/", {"key": "public_site", "value": "on"}, follow=True
    )

    assert response.status_code == 200
    assert Client().get("/public/").status_code == 200
    change = PublicationChange.objects.filter(target="site").get()
    assert change.public and change.user.username == "alice"


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_the_list_is_paged_and_its_links_keep_the_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    from web_support import user

    from habeas.web.public import views
    from habeas.web.public.publishing import set_person_public
    from habeas.web.store.models import Person

    planted = plant()
    set_person_public(Person.objects.get(pk=planted.private_id), True, user=user("bob"))
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client = Client()

    first = body(client.get("/public/?since=2000-01-01"))
    assert "Rena Abbasova" in first and "Zaur Qasimli" not in first
    assert "2 of 2 published persons" in first and "page 1 of 2" in first
    assert "?since=2000-01-01&amp;page=2" in first
    second = body(client.get("/public/?since=2000-01-01&page=2"))
    assert "Zaur Qasimli" in second and "Rena Abbasova" not in second


@override_settings(HABEAS_PUBLIC_SITE=True)
def test_the_projection_is_made_once_per_commit() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from web_support import user

    from habeas.web.public.publishing import set_person_public
    from habeas.web.public.view import public_persons
    from habeas.web.store.models import Person

    planted = plant()
    first = public_persons()
    with CaptureQueriesContext(connection) as again:
        assert public_persons() == first
    assert len(again.captured_queries) == 1  # the token, nothing else
    set_person_public(Person.objects.get(pk=planted.public_id), False, user=user("bob"))
    assert [p.name for p in first] == ["Zaur Qasimli"] and public_persons() == []
