"""Who may do what: each role against each kind of route (admin, editor, viewer, no role)."""

from __future__ import annotations

import pytest
from web_support import client_for, held_story, store, user

READ = ["/", "/review/", "/persons/", "/lists/detained/", "/reports/", "/search/?q=baku", "/feeds/"]


@pytest.mark.parametrize("name", ["alice", "bob", "carol"])
@pytest.mark.parametrize("path", READ)
def test_every_role_can_read(name: str, path: str) -> None:
    assert client_for(name).get(path).status_code == 200


@pytest.mark.parametrize("path", [*READ, "/capture/"])
def test_a_user_without_a_role_sees_nothing(path: str) -> None:
    assert client_for("dave").get(path).status_code == 403


@pytest.mark.parametrize(("name", "status"), [("alice", 200), ("bob", 200), ("carol", 403)])
def test_only_editors_and_admins_capture(name: str, status: int) -> None:
    assert client_for(name).get("/capture/").status_code == status


@pytest.mark.parametrize(("name", "status"), [("alice", 302), ("bob", 302), ("carol", 403)])
def test_only_editors_and_admins_decide(name: str, status: int) -> None:
    from habeas.web.store.models import Event

    store(held_story("Zaur Qasimli", "Qasimli"))
    event = Event.objects.first()

    response = client_for(name).post(f"/events/{event.pk}/confirm/")

    assert response.status_code == status
    event.refresh_from_db()
    assert event.status == ("suggested" if status == 403 else "confirmed")


@pytest.mark.parametrize(("name", "status"), [("alice", 200), ("bob", 302), ("carol", 302)])
def test_only_admins_reach_djangos_admin(name: str, status: int) -> None:
    response = client_for(name).get("/admin/")

    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_a_viewer_is_not_offered_the_actions() -> None:
    store(held_story("Zaur Qasimli", "Qasimli"))

    page = client_for("carol").get("/review/").content.decode()

    assert 'data-action="confirm"' not in page
    assert "Zaur Qasimli" in page


def test_a_request_reads_the_role_once_and_forgets_it_when_the_groups_change() -> None:
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from habeas.web.accounts.roles import Role, remember_role, role_of

    member = User.objects.get(pk=user("bob").pk)  # an editor
    remember_role(member)
    with CaptureQueriesContext(connection) as queries:
        assert (role_of(member), role_of(member)) == (Role.EDITOR, Role.EDITOR)
    assert len(queries) == 0
    member.groups.set([Group.objects.get_or_create(name="viewer")[0]])
    assert role_of(member) is Role.VIEWER
    member.groups.clear()
    assert role_of(member) is None


def test_the_pages_chrome_reads_the_role_and_the_device_in_one_query() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("carol")  # a viewer: whether she enrolled a device is asked each time
    client.get("/feeds/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/feeds/").status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert sum("auth_group" in q for q in sql) == 1
    assert [q for q in sql if "otp_totp_totpdevice" in q] == [q for q in sql if "auth_group" in q]
