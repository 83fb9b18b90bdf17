"""The audit log: every edit is chained, and deleting, altering or reordering an entry shows."""

from __future__ import annotations

from typing import Any

import pytest
from fictional_extractor import FixedNameExtractor

from habeas.cli.main import main

TEXT = "Officers detained Ruslan Ostapchuk at the court. Ruslan Ostapchuk was released at night."


def _sql(statement: str, *params: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _confirmed_event() -> Any:
    """One ingested report (3 entries: person, 2 events) and a confirmation (a 4th)."""
    from django.contrib.auth.models import User

    from habeas.web.store.models import Event, EventStatus
    from habeas.web.store.services import ingest_text, set_event_status

    ingest_text(TEXT, name="t.txt", extractor=FixedNameExtractor())
    event = Event.objects.order_by("id").first()
    editor = User.objects.create_user("alice")
    return set_event_status(event, EventStatus.CONFIRMED, user=editor, why="checked the court")


def test_every_edit_is_an_entry_naming_who_and_what() -> None:
    from habeas.web.audit.chain import verify
    from habeas.web.audit.models import AuditEntry

    event = _confirmed_event()

    entries = [e for e in AuditEntry.objects.all() if e.action == "edit"]
    assert [e.actor for e in entries] == ["test.fixed-names.v1"] * 3 + ["user:alice"]
    assert entries[-1].target == f"store.event:{event.pk}"
    assert '"why":"checked the court"' in entries[-1].details
    assert verify().ok


def test_an_intact_chain_verifies(capsys: pytest.CaptureFixture[str]) -> None:
    _confirmed_event()

    assert main(["audit", "verify"]) == 0
    assert "audit log intact: 5 entries" in capsys.readouterr().out


def test_a_deleted_entry_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    _confirmed_event()
    _sql("DELETE FROM audit_auditentry WHERE seq = 2")

    assert main(["audit", "verify"]) == 1
    assert "entry #2 is missing (1 entries before it are intact)" in capsys.readouterr().err


def test_a_cut_off_tail_is_reported() -> None:
    from habeas.web.audit.chain import verify

    _confirmed_event()
    _sql("DELETE FROM audit_auditentry WHERE seq = 5")

    assert verify().problem == "entry #5 is missing"


def test_an_altered_entry_is_reported() -> None:
    from habeas.web.audit.chain import verify

    _confirmed_event()
    _sql("UPDATE audit_auditentry SET actor = 'user:mallory' WHERE seq = 3")

    check = verify()
    assert (check.problem, check.checked) == ("entry #3 was altered", 2)


def test_reordered_entries_are_reported() -> None:
    from habeas.web.audit.chain import verify

    _confirmed_event()
    # Swap positions 2 and 3 (through a free number, as seq is unique).
    _sql("UPDATE audit_auditentry SET seq = 99 WHERE seq = 2")
    _sql("UPDATE audit_auditentry SET seq = 2 WHERE seq = 3")
    _sql("UPDATE audit_auditentry SET seq = 3 WHERE seq = 99")

    assert verify().problem == "entry #2 does not follow entry #1"


def test_the_app_cannot_change_or_delete_entries() -> None:
    from habeas.web.audit.models import AppendOnlyError, AuditEntry

    _confirmed_event()
    entry = AuditEntry.objects.get(seq=1)
    entry.actor = "someone else"

    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(seq=1).update(actor="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 5


def test_a_rolled_back_edit_leaves_no_entry() -> None:
    from django.db import transaction

    from habeas.web.audit.models import AuditEntry
    from habeas.web.store.services import edit_event

    event = _confirmed_event()
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        edit_event(event, {"place": "Nowhere"}, user=None, why="typo")
        raise RuntimeError("the request failed after the edit")

    assert AuditEntry.objects.count() == before


def test_failed_logins_and_permission_changes_are_logged() -> None:
    from django.contrib.auth import authenticate
    from django.contrib.auth.models import Group, User
    from django.test import RequestFactory

    from habeas.web.audit.models import AuditEntry

    bob = User.objects.create_user("bob", password="correct horse")
    editors = Group.objects.create(name="editors")
    # django-axes counts failures per address, so authentication needs the request.
    login = RequestFactory().post("/accounts/login/")
    assert authenticate(login, username="bob", password="wrong horse") is None
    bob.groups.add(editors)
    bob.is_staff = True
    bob.save()

    logged = [(e.action, e.target) for e in AuditEntry.objects.all()]
    assert logged == [
        ("permission_change", f"auth.user:{bob.pk}"),  # created, with its flags
        ("login_failed", "username:bob"),
        ("permission_change", f"auth.user:{bob.pk}"),  # joined editors
        ("permission_change", f"auth.user:{bob.pk}"),  # became staff
    ]
    assert "horse" not in "".join(e.details for e in AuditEntry.objects.all())
